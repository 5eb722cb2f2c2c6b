import FluentKit
import Foundation
import JishiKit
import SQLKit

/// The product search index: one row per product a buyer can find, in `search_documents`, and
/// the product's terms in the database's own full-text engine.
///
/// A row exists only for a listed product of an active shop with at least one variant, so a
/// search needs no join to shops or products and a suspended shop's products are simply gone.
/// The row carries what filters and sorts read (category, village, town, lowest price, mean
/// stars, creation time), each behind an index. A product's units sold in paid orders are in a
/// row of their own in `search_sales` (``salesTable``), written with the search row: a payment
/// adds to that narrow row, where rewriting the search row made PostgreSQL write an entry in
/// each of its indexes, the text's GIN and RUM among them, for every sale.
///
/// Each row has a `rank_key`: its popularity (``popularity(sold:rated:)``, a step of units sold then
/// whole stars) above the row's `doc` number, which grows as rows are (re)written. Relevance lists
/// the matches in falling `rank_key` (the most popular step first, the most recently written within a
/// step), an order the engines can give without reading every match: FTS5 walks its doclists
/// in rowid order; PostgreSQL reads a RUM index that carries the rank key where the `rum`
/// extension is installed, and walks the rank's B-tree where it is not. When a sale or a review moves a product
/// to another popularity step, its row is rewritten (``reindex(productIDs:on:)``).
///
/// The terms are ``SearchTokenizer``'s, on both databases, so that the engines only match:
/// - SQLite: an FTS5 table `search_fts` (contentless, its rowid the document's `rank_key`), with the
///   title's terms and the body's (description and category names) in two columns, under the
///   `ascii` tokenizer, which splits only at ASCII punctuation and spaces and so keeps every
///   term the tokenizer made whole.
/// - PostgreSQL: a `tsvector` column built from the same terms, title terms weighted `A` and
///   body terms `B`, behind a GIN index, and where the `rum` extension is installed a RUM index
///   on the title's terms (a generated column) that carries each row's `rank_key`
///   (``MoveSearchRankIndexToTitles``).
///
/// Kept in step with the catalogue by ``reindex(productIDs:on:)`` in the transaction of any
/// change to a product, its variants or its shop's status; sales by ``recordSales(ofOrders:on:)``
/// in the payment's transaction; ratings by ``refreshRatings(productIDs:on:)`` when a review is
/// written, hidden or restored.
public enum SearchIndex {
    public static let table = "search_documents"
    /// Units sold per findable product (`product_id`, `category_id`, `sold`), behind the sales
    /// order's two indexes; a row exactly where ``table`` has one.
    public static let salesTable = "search_sales"
    static let fullText = "search_fts"
    static let vocabulary = "search_vocab"
    /// Products per statement, well under SQLite's and PostgreSQL's bind-parameter limits.
    static let batch = 400

    /// The units sold at which a product reaches the next popularity step.
    static let salesSteps: [Int64] = [
        1, 3, 10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000,
    ]
    /// `rank_key` is the popularity times this, plus `doc` (which stays far below it).
    static let rankStep: Int64 = 1 << 40

    /// A product's popularity: the number of ``salesSteps`` its units sold have reached, then its
    /// whole mean stars (0–5; 0 without reviews). The rule relevance orders by, within a tier.
    public static func popularity(sold: Int64, rated: Int64) -> Int64 {
        Int64(salesSteps.prefix { $0 <= sold }.count) * 6 + min(5, max(0, rated / 1000))
    }

    /// ``popularity(sold:rated:)`` as SQL over the expressions `sold` (units sold, from
    /// ``salesTable``) and `rated` (the search row's), the same integers on both databases.
    static func popularitySQL(sold: String, rated: String) -> String {
        let steps = salesSteps.map { "(CASE WHEN \(sold) >= \($0) THEN 1 ELSE 0 END)" }.joined(separator: " + ")
        return
            "((\(steps)) * 6 + (CASE WHEN \(rated) >= 5000 THEN 5 WHEN \(rated) < 0 THEN 0 ELSE \(rated) / 1000 END))"
    }

    /// The terms a title has: what the title column (weight `A`) holds, and what relevance's
    /// tiers and a hit's score count.
    public static func titleTerms(_ title: String) -> [String] {
        SearchTokenizer.distinctTerms(title)
    }

    /// The terms of one product: the title's, and the body's (description and category names).
    public static func terms(title: String, description: String, category: Category?) -> (
        title: [String], body: [String]
    ) {
        let titleTerms = self.titleTerms(title)
        var body = description
        if let category { body += " " + category.name + " " + category.nameEn }
        return (titleTerms, SearchTokenizer.distinctTerms(body))
    }

    /// A PostgreSQL `tsvector` literal of the terms: each lexeme quoted verbatim (no parser or
    /// dictionary touches it), at one position weighted `A` when in the title and one weighted
    /// `B` when in the body.
    public static func vectorLiteral(title: [String], body: [String]) -> String {
        var positions: [String: [String]] = [:]
        var order: [String] = []
        var next = 1
        for (terms, weight) in [(title, "A"), (body, "B")] {
            for term in terms {
                if positions[term] == nil { order.append(term) }
                positions[term, default: []].append("\(min(next, 16_383))\(weight)")
                next += 1
            }
        }
        return order.map { "\(quoted($0)):\(positions[$0]!.joined(separator: ","))" }.joined(separator: " ")
    }

    /// A term quoted for a `tsvector` or `tsquery` literal.
    static func quoted(_ term: String) -> String {
        // Most terms hold neither character; Foundation's replacing took a fifth of an import's
        // time in the importing process.
        guard term.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "'") }) else {
            return "'" + term + "'"
        }
        return "'" + term.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A term quoted as an FTS5 string.
    static func ftsQuoted(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Brings the index rows of one product up to date (removing them if it can no longer be
    /// found). Call inside the transaction that changed the product.
    public static func reindex(productID: UUID, on database: any Database) async throws {
        try await reindex(productIDs: [productID], on: database)
    }

    /// Brings the index rows of several products up to date (a bulk import's, a shop's). Call
    /// inside the transaction that changed them.
    public static func reindex(productIDs: [UUID], on database: any Database) async throws {
        let sql = try sqlDatabase(database)
        // In the order of their text forms (the bytes' order), without making a text per
        // comparison: that formatting was a tenth of a bulk import's time in the process.
        let ids = Array(Set(productIDs)).sorted { a, b in
            withUnsafeBytes(of: a.uuid) { a in withUnsafeBytes(of: b.uuid) { a.lexicographicallyPrecedes($0) } }
        }
        try await reindex(distinct: ids, on: sql)
    }

    /// Rewrites the rows of `ids` (no id twice), a ``batch`` to a statement.
    private static func reindex(distinct ids: [UUID], on sql: any SQLDatabase) async throws {
        let batches = stride(from: 0, to: ids.count, by: batch).map { Array(ids[$0..<min(ids.count, $0 + batch)]) }
        if isSQLite(sql) {
            for ids in batches { try await reindexBatchSQLite(ids, on: sql) }
        } else {
            try await reindexPostgres(batches, on: sql)
        }
    }

    /// Every product of a shop, after its status changed (a suspended shop's products leave the
    /// index; a reinstated one's come back).
    public static func reindex(shopID: UUID, on database: any Database) async throws {
        let ids = try await Product.query(on: database).filter(\.$shop.$id == shopID).field(\.$id).all().map {
            try $0.requireID()
        }
        try await reindex(productIDs: ids, on: database)
    }

    /// Rebuilds the whole index from the catalogue, in one transaction.
    public static func rebuildAll(on database: any Database) async throws {
        try await database.transaction { db in
            let sql = try sqlDatabase(db)
            if isSQLite(sql) {
                try await sql.raw("DELETE FROM \(ident: fullText)").run()
            }
            try await sql.delete(from: table).run()
            try await sql.delete(from: salesTable).run()
            var lastID: UUID?
            while true {
                var page = Product.query(on: db).field(\.$id).sort(\.$id).limit(batch)
                if let lastID { page = page.filter(\.$id > lastID) }
                let ids = try await page.all().map { try $0.requireID() }
                guard let last = ids.last else { break }
                try await reindex(distinct: ids, on: sql)
                lastID = last
            }
        }
    }

    /// Adds the units of `orderIDs`' lines to their products' sales (``salesTable``). Call in the
    /// transaction that moved those orders to paid, once per order.
    ///
    /// On PostgreSQL the products' search rows are locked first, in product order (as the capture
    /// statement and the stock trigger lock them), so that two payments sharing products wait for
    /// each other instead of deadlocking. A lock writes no new row version, so no index entry.
    /// Every writer takes a product's search row before its sales row (``reindex(productIDs:on:)``
    /// deletes in that order too), so a payment whose sale moves the product a step, and so
    /// re-indexes it, cannot deadlock with a review or an edit of it.
    public static func recordSales(ofOrders orderIDs: [UUID], on database: any Database) async throws {
        guard !orderIDs.isEmpty else { return }
        let sql = try sqlDatabase(database)
        let products: SQLQueryString = """
            SELECT v.product_id FROM order_lines ol JOIN variants v ON v.id = ol.variant_id \
            WHERE ol.order_id IN (\(binds: orderIDs))
            """
        if !isSQLite(sql) {
            try await sql.raw(
                "SELECT product_id FROM \(ident: table) WHERE product_id IN (" + products
                    + ") ORDER BY product_id FOR UPDATE"
            ).run()
        }
        try await sql.raw(
            """
            UPDATE \(ident: salesTable) SET sold = sold + COALESCE((SELECT SUM(ol.quantity) FROM order_lines ol \
            JOIN variants v ON v.id = ol.variant_id WHERE v.product_id = \(ident: salesTable).product_id \
            AND ol.order_id IN (\(binds: orderIDs))), 0) \
            WHERE product_id IN (
            """ + products + ")"
        ).run()
        try await rerank(where: "d.product_id IN (" + products + ")", on: sql)
    }

    /// Recomputes the products' mean stars from their visible reviews. Call in the transaction
    /// that wrote, hid or restored a review.
    public static func refreshRatings(productIDs: [UUID], on database: any Database) async throws {
        guard !productIDs.isEmpty else { return }
        let sql = try sqlDatabase(database)
        try await sql.raw(
            "UPDATE \(ident: table) SET rated = \(unsafeRaw: ratedExpression(product: "\(table).product_id")) WHERE product_id IN (\(binds: productIDs))"
        ).run()
        try await rerank(where: "d.product_id IN (\(binds: productIDs))", on: sql)
    }

    /// Rewrites the rows (of those `filter` picks, a condition on the search row `d`) whose sales
    /// or stars moved them to another popularity step, so that their `rank_key`, and on SQLite the
    /// engine's rowid, follow.
    private static func rerank(where filter: SQLQueryString, on sql: any SQLDatabase) async throws {
        let moved = try await sql.raw(
            "SELECT d.product_id AS product_id FROM \(ident: table) d JOIN \(ident: salesTable) ss "
                + "ON ss.product_id = d.product_id WHERE " + filter
                + " AND d.rank_key / \(unsafeRaw: String(rankStep)) <> "
                + "\(unsafeRaw: popularitySQL(sold: "ss.sold", rated: "d.rated"))"
        ).all().map { try $0.decode(column: "product_id", as: UUID.self) }
        try await reindex(distinct: moved, on: sql)
    }

    /// Units in lines of orders that were ever paid (an event moved them to paid).
    static func soldExpression(product: String) -> String {
        """
        COALESCE((SELECT CAST(SUM(ol.quantity) AS BIGINT) FROM order_lines ol JOIN variants sv ON sv.id = ol.variant_id \
        WHERE sv.product_id = \(product) AND EXISTS (SELECT 1 FROM order_events oe WHERE oe.order_id = ol.order_id \
        AND oe.to_status = 'paid')), 0)
        """
    }

    /// The mean overall stars of the visible reviews × 1000, truncated in integer arithmetic on
    /// both stores (a SUM of BIGINTs is NUMERIC on PostgreSQL, so it is cast first); 0 without.
    static func ratedExpression(product: String) -> String {
        """
        COALESCE((SELECT CAST(SUM(r.described + r.service + r.shipping) AS BIGINT) * 1000 / (3 * COUNT(*)) \
        FROM reviews r WHERE r.product_id = \(product) AND r.hidden = false), 0)
        """
    }

    /// Whether the product `product` (an SQL expression) has a variant in stock, a linked variant
    /// of a reseller counting its producer's stock: a search row's `in_stock`, which the in-stock
    /// filter reads. The same boolean (0 or 1 on SQLite) on both databases.
    static func inStockExpression(product: String) -> String {
        """
        EXISTS (SELECT 1 FROM variants v WHERE v.product_id = \(product) AND (CASE WHEN v.source_variant_id IS NULL \
        THEN v.stock ELSE (SELECT sv.stock FROM variants sv WHERE sv.id = v.source_variant_id) END) > 0)
        """
    }

    /// The name of the trigger (and on PostgreSQL its function) that keeps `in_stock` in step.
    static let stockTrigger = "search_documents_follow_stock"

    /// SQL that makes the database keep each row's `in_stock` in step with its stock: when a
    /// variant's stock crosses zero (up or down), the rows of its product and of the reseller
    /// products linked to it are recomputed with ``inStockExpression(product:)``. A trigger, so
    /// that every way stock moves (a checkout's single statement, the stock ledger, a seller's
    /// edit, an import, a refund) keeps it, in the same transaction; a stock change that crosses
    /// no zero costs only the trigger's `WHEN`. A new or removed variant needs no trigger: the
    /// product is re-indexed then (its lowest price may move), which computes `in_stock`.
    ///
    /// On PostgreSQL the function first locks the rows it will write, in product order, and only
    /// then reads the stock in a statement of its own, which under READ COMMITTED sees what a
    /// concurrent crossing that held those rows committed: two last units of one product sold at
    /// once leave it out of stock, not each seeing the other's unit still there.
    static func stockTriggerSQL(sqlite: Bool) -> [String] {
        let crossed = "NEW.source_variant_id IS NULL AND ((OLD.stock > 0) <> (NEW.stock > 0))"
        let affected =
            "SELECT NEW.product_id UNION SELECT l.product_id FROM variants l WHERE l.source_variant_id = NEW.id"
        if sqlite {
            return [
                """
                CREATE TRIGGER \(stockTrigger) AFTER UPDATE OF stock ON variants FOR EACH ROW WHEN \(crossed) \
                BEGIN UPDATE \(table) SET in_stock = \(inStockExpression(product: "\(table).product_id")) \
                WHERE product_id IN (\(affected)); END
                """
            ]
        }
        let inStock = inStockExpression(product: "d.product_id")
        return [
            """
            CREATE FUNCTION \(stockTrigger)() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE affected uuid[];
            BEGIN
              affected := ARRAY(\(affected) ORDER BY 1);
              PERFORM 1 FROM \(table) d WHERE d.product_id = ANY(affected) ORDER BY d.product_id FOR UPDATE;
              UPDATE \(table) d SET in_stock = \(inStock)
              WHERE d.product_id = ANY(affected) AND d.in_stock IS DISTINCT FROM \(inStock);
              RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER \(stockTrigger) AFTER UPDATE OF stock ON variants FOR EACH ROW WHEN (\(crossed)) \
            EXECUTE FUNCTION \(stockTrigger)()
            """,
        ]
    }

    /// ` p.id IN … AND …`: which of `ids` have a search row (`p` the product, `s` its shop).
    private static func findable(_ ids: [UUID]) -> SQLQueryString {
        " p.id IN (\(binds: ids)) AND" + findableCondition
    }

    /// ` p.listed … AND …`: the condition a product meets to have a search row.
    private static var findableCondition: SQLQueryString {
        """
         p.listed = \(bind: true) AND s.status = \(bind: Shop.Status.active.rawValue) \
        AND EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id)
        """
    }

    /// A search row's columns as read from its product `p` (and `vi`, the product's village), in
    /// the order of ``documentColumnNames``. Its units sold (``salesTable``) are
    /// ``soldExpression(product:)``.
    private static func documentColumns(sqlite: Bool) -> String {
        let created =
            sqlite
            ? "CAST(ROUND(COALESCE(p.created_at, 0) * 1000000) AS INTEGER)"
            : "CAST(ROUND(EXTRACT(EPOCH FROM COALESCE(p.created_at, 'epoch')) * 1000000) AS BIGINT)"
        return """
            p.id AS product_id, p.shop_id AS shop_id, p.category_id AS category_id, p.origin_village_id AS village_id, \
            vi.town_id AS town_id, p.title AS title, \
            (SELECT MIN(v.price_minor) FROM variants v WHERE v.product_id = p.id) AS min_price, \
            \(ratedExpression(product: "p.id")) AS rated, \(created) AS created, \
            \(inStockExpression(product: "p.id")) AS in_stock
            """
    }

    private static let documentColumnNames =
        "product_id, shop_id, category_id, village_id, town_id, title, min_price, rated, created, in_stock"

    /// SQLite writes the row, then its rank key (from the `doc` the insert gave it), then the
    /// engine's row under that rank key as its rowid.
    private static func reindexBatchSQLite(_ ids: [UUID], on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            DELETE FROM \(ident: fullText) WHERE rowid IN \
            (SELECT rank_key FROM \(ident: table) WHERE product_id IN (\(binds: ids)))
            """
        ).run()
        try await sql.raw("DELETE FROM \(ident: table) WHERE product_id IN (\(binds: ids))").run()
        try await sql.raw("DELETE FROM \(ident: salesTable) WHERE product_id IN (\(binds: ids))").run()
        try await sql.raw(
            """
            INSERT INTO \(ident: table) (\(unsafeRaw: documentColumnNames)) \
            SELECT \(unsafeRaw: documentColumns(sqlite: true)) \
            FROM products p JOIN shops s ON s.id = p.shop_id LEFT JOIN villages vi ON vi.id = p.origin_village_id \
            WHERE
            """ + findable(ids)
        ).run()
        try await sql.raw(
            """
            INSERT INTO \(ident: salesTable) (product_id, category_id, sold) \
            SELECT d.product_id, d.category_id, \(unsafeRaw: soldExpression(product: "d.product_id")) \
            FROM \(ident: table) d WHERE d.product_id IN (\(binds: ids))
            """
        ).run()
        try await sql.raw(
            """
            UPDATE \(ident: table) SET rank_key = \
            \(unsafeRaw: popularitySQL(sold: "ss.sold", rated: "\(table).rated")) * \(unsafeRaw: String(rankStep)) + doc \
            FROM \(ident: salesTable) ss WHERE ss.product_id = \(ident: table).product_id \
            AND \(ident: table).product_id IN (\(binds: ids))
            """
        ).run()
        let rows = try await sql.raw(
            """
            SELECT d.rank_key AS rank_key, p.title AS title, p.description AS description, c.name AS name, c.name_en AS name_en \
            FROM \(ident: table) d JOIN products p ON p.id = d.product_id JOIN categories c ON c.id = p.category_id \
            WHERE d.product_id IN (\(binds: ids)) ORDER BY d.rank_key
            """
        ).all()
        guard !rows.isEmpty else { return }
        var insert = sql.insert(into: fullText).columns("rowid", "title", "body")
        for row in rows {
            let terms = try ProductText(row).terms
            insert = insert.values(
                SQLBind(try row.decode(column: "rank_key", as: Int64.self)),
                SQLBind(terms.title.joined(separator: " ")), SQLBind(terms.body.joined(separator: " ")))
        }
        try await insert.run()
    }

    /// PostgreSQL writes each row once: the products' terms are read first and made into a
    /// `tsvector` here, and one INSERT gives the row its `doc` (drawn from the column's sequence),
    /// its rank key and its terms. Written as an insert and two updates, each row went into its
    /// sixteen indexes (GIN and RUM among them) three times, as no update of an indexed column
    /// can be HOT.
    ///
    /// The batches overlap: a batch's vectors are made in this process while the database writes
    /// the batch before, so a bulk import's two halves of the work (the terms here, the indexes
    /// there) run on two cores instead of taking turns. They are made on `BackgroundThreads`: an
    /// unstructured task does not keep the job worker's executor preference, and in `jishi serve`
    /// the global executor is the event loops, which would stall every connection of a loop for
    /// as long as a batch takes. One batch (an edit's) is made where the caller runs.
    private static func reindexPostgres(_ batches: [[UUID]], on sql: any SQLDatabase) async throws {
        var previous: Task<PostgresDocuments, any Error>?
        defer { previous?.cancel() }
        for ids in batches {
            // The search rows first, then the sales rows: the order every writer locks them in.
            try await sql.raw("DELETE FROM \(ident: table) WHERE product_id IN (\(binds: ids))").run()
            try await sql.raw("DELETE FROM \(ident: salesTable) WHERE product_id IN (\(binds: ids))").run()
            let texts = try await sql.raw(
                """
                SELECT p.id AS id, p.title AS title, p.description AS description, c.name AS name, c.name_en AS name_en \
                FROM products p JOIN shops s ON s.id = p.shop_id JOIN categories c ON c.id = p.category_id WHERE
                """ + findable(ids)
            ).all().map { (id: try $0.decode(column: "id", as: UUID.self), text: try ProductText($0)) }
            guard batches.count > 1 else {
                try await insertPostgres(PostgresDocuments(texts), on: sql)
                continue
            }
            let making = Task<PostgresDocuments, any Error>(executorPreference: BackgroundThreads.shared) {
                PostgresDocuments(texts)
            }
            if let previous { try await insertPostgres(await previous.value, on: sql) }
            previous = making
        }
        if let previous { try await insertPostgres(await previous.value, on: sql) }
    }

    /// What a product's terms are made from, as read with a search row: `title`, `description`,
    /// and its category's `name` and `name_en`.
    private struct ProductText: Sendable {
        var title: String
        var description: String
        var categoryName: String
        var categoryNameEn: String

        init(_ row: any SQLRow) throws {
            title = try row.decode(column: "title", as: String.self)
            description = try row.decode(column: "description", as: String.self)
            categoryName = try row.decode(column: "name", as: String.self)
            categoryNameEn = try row.decode(column: "name_en", as: String.self)
        }

        var terms: (title: [String], body: [String]) {
            let category = Category(code: "", name: categoryName, nameEn: categoryNameEn, commissionBasisPoints: 0)
            return SearchIndex.terms(title: title, description: description, category: category)
        }
    }

    /// A batch of products and their `tsvector` literals, ready to write.
    private struct PostgresDocuments: Sendable {
        var products: [UUID] = []
        var vectors: [String] = []

        init(_ texts: [(id: UUID, text: ProductText)]) {
            for (id, text) in texts {
                let terms = text.terms
                products.append(id)
                vectors.append(vectorLiteral(title: terms.title, body: terms.body))
            }
        }
    }

    private static func insertPostgres(_ documents: PostgresDocuments, on sql: any SQLDatabase) async throws {
        guard !documents.products.isEmpty else { return }
        // `x`, read twice, is computed once, so each row draws one `doc` that both columns use.
        try await sql.raw(
            """
            WITH x AS MATERIALIZED (SELECT \(unsafeRaw: documentColumns(sqlite: false)), \
            \(unsafeRaw: soldExpression(product: "p.id")) AS sold, \
            nextval(pg_get_serial_sequence(\(bind: table), 'doc')) AS doc, t.vector AS vector \
            FROM unnest(\(bind: documents.products)::uuid[], \(bind: documents.vectors)::text[]) AS t(id, vector) \
            JOIN products p ON p.id = t.id JOIN shops s ON s.id = p.shop_id \
            LEFT JOIN villages vi ON vi.id = p.origin_village_id WHERE
            """ + findableCondition
                + """
                ), \
                sales AS (INSERT INTO \(ident: salesTable) (product_id, category_id, sold) \
                SELECT product_id, category_id, sold FROM x) \
                INSERT INTO \(ident: table) (\(unsafeRaw: documentColumnNames), doc, rank_key, tsv) \
                SELECT \(unsafeRaw: documentColumnNames), doc, \
                \(unsafeRaw: popularitySQL(sold: "sold", rated: "rated")) * \(unsafeRaw: String(rankStep)) + doc, \
                CAST(vector AS tsvector) FROM x
                """
        ).run()
    }

    /// How many findable products there are, and how many have each of `terms` (anywhere), read
    /// from the engine's own index: FTS5's vocabulary table on SQLite, one index probe per term
    /// on PostgreSQL.
    public static func documentFrequencies(of terms: Set<String>, on database: any Database) async throws -> (
        documents: Int, frequency: [String: Int]
    ) {
        let sql = try sqlDatabase(database)
        let documents =
            try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM \(ident: table)").first()
            .map { try $0.decode(column: "n", as: Int64.self) } ?? 0
        var frequency: [String: Int] = [:]
        let all = terms.sorted()
        let sqlite = isSQLite(sql)
        let step = sqlite ? 400 : 50
        for start in stride(from: 0, to: all.count, by: step) {
            let chunk = Array(all[start..<min(all.count, start + step)])
            let query: SQLQueryString
            if sqlite {
                query =
                    "SELECT term, CAST(doc AS BIGINT) AS n FROM \(ident: vocabulary) WHERE term IN (\(binds: chunk))"
            } else {
                var union: [SQLQueryString] = []
                for term in chunk {
                    union.append(
                        """
                        SELECT CAST(\(bind: term) AS TEXT) AS term, COUNT(*) AS n FROM \(ident: table) \
                        WHERE tsv @@ CAST(\(bind: quoted(term)) AS tsquery)
                        """)
                }
                query = union.joined(separator: " UNION ALL ")
            }
            for row in try await sql.raw(query).all() {
                let n = try row.decode(column: "n", as: Int64.self)
                if n > 0 { frequency[try row.decode(column: "term", as: String.self)] = Int(n) }
            }
        }
        return (Int(documents), frequency)
    }

    /// The RUM index on the titles' terms (``titleVector``) with each row's `rank_key` attached,
    /// which ``MoveSearchRankIndexToTitles`` puts on PostgreSQL where the extension is there.
    static let rankedIndexName = "search_documents_title_rum_idx"

    /// PostgreSQL's generated column of a row's title terms (the weight-`A` lexemes of `tsv`),
    /// behind the RUM index, where there is one.
    static let titleVector = "title_tsv"

    /// The schema of the `rum` extension in this PostgreSQL database, or nil when it is not
    /// installed there.
    static func rumSchema(on sql: any SQLDatabase) async throws -> String? {
        try await sql.raw("SELECT (\(unsafeRaw: rumSchemaSQL)) AS schema").first()?
            .decode(column: "schema", as: String?.self)
    }

    /// The `rum` extension's schema in this database (NULL without it), as a scalar subquery.
    static let rumSchemaSQL =
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'rum'"

    /// Whether relevance reads a RUM index here (PostgreSQL with the `rum` extension, when
    /// ``MoveSearchRankIndexToTitles`` ran); never on SQLite, whose FTS5 answers in rank-key order.
    public static func readsRankedIndex(on database: any Database) async throws -> Bool {
        let sql = try sqlDatabase(database)
        if isSQLite(sql) { return false }
        return try await rankedIndex(on: sql) != nil
    }

    /// What reading the RUM index in falling rank key takes: the extension's schema, which
    /// qualifies its distance operator `<=|`, and the highest rank key there is, from which the
    /// distances are counted (exactly: they stay below 2^53, where a double still holds every
    /// integer, as popularity never reaches 2^13 steps of ``rankStep``).
    struct RankedIndex: Sendable {
        var schema: String
        var top: Int64
    }

    /// The RUM index of this PostgreSQL schema, if ``MoveSearchRankIndexToTitles`` made one and it
    /// is valid: not set aside by a bulk write, nor still being built (``withRankedIndexAside``).
    /// One round trip: whether the index is there, the extension's schema, the highest rank key.
    static func rankedIndex(on sql: any SQLDatabase) async throws -> RankedIndex? {
        let row = try await sql.raw(
            """
            SELECT EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass(CAST(\(bind: rankedIndexName) AS text)) \
            AND indisvalid) AS present, \
            (\(unsafeRaw: rumSchemaSQL)) AS schema, (SELECT MAX(rank_key) FROM \(ident: table)) AS top
            """
        ).first()
        guard let row, try row.decode(column: "present", as: Bool.self),
            let schema = try row.decode(column: "schema", as: String?.self)
        else { return nil }
        return RankedIndex(schema: schema, top: try row.decode(column: "top", as: Int64?.self) ?? 0)
    }

    static func isSQLite(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "sqlite" }

    static func sqlDatabase(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { throw SearchIndexError.notSQL }
        return sql
    }
}

extension Array where Element == SQLQueryString {
    fileprivate func joined(separator: String) -> SQLQueryString {
        var result: SQLQueryString = ""
        for (index, part) in enumerated() {
            if index > 0 { result += "\(unsafeRaw: separator)" }
            result += part
        }
        return result
    }
}
