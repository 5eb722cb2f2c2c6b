import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// Product search on ``SearchIndex``: the database's full-text engine finds the products that
/// have every term of the query, and `search_documents` filters, sorts and pages them.
///
/// Relevance puts the products whose title has every term of the query first, then those whose
/// title has one of its words (a term of two characters or more), then the other matches (their
/// description or category supplies the rest: ``Plan/tiers``); within each tier, the most popular first (units sold,
/// then stars, in steps: ``SearchIndex/popularity(sold:rated:)``), then the most recently written.
/// Each tier is one question to the engine answered in the index's own order (FTS5's rowid; on
/// PostgreSQL the rank key attached to each posting of the RUM index on titles' terms for the
/// two title tiers, or without the `rum` extension, and for the last tier, the rank key's B-tree
/// walked), so a page costs what its rows cost however many products match. The engines' own
/// scores (FTS5's bm25, PostgreSQL's `ts_rank`) are not used: they weigh terms differently,
/// score every match before the first row comes, and a buyer must get the same list from either
/// database.
///
/// Every order is one direction over its keys and the product id, so each page continues after
/// the last row of the previous one (``SearchResults/next``) by a row comparison that an index
/// on those keys answers: a deep page costs what the first costs. An offset still works, up to
/// ``SearchQuery/maximumOffset``. The total is counted up to ``SearchQuery/countLimit``.
public struct SearchService: Sendable {
    /// How a text query is answered where an order's index could be walked (a column's order; on
    /// PostgreSQL relevance too): by walking it and testing each row against the text, or by
    /// sorting every match. The server lets the plan pick the cheaper; tests pin each to show they
    /// agree.
    public enum ColumnOrderPath: Sendable, CaseIterable {
        case cheaper, walkIndex, sortMatches
    }

    public var columnOrderPath: ColumnOrderPath
    /// Whether facets without text or a price range are read from the counts the database keeps
    /// (``SearchFacetCounts``) rather than counted from the search rows. The server reads them;
    /// tests count too, to show the two agree.
    public var readsKeptFacetCounts: Bool

    /// Sampled matches from which a text query's facet counts are estimated
    /// (``SearchIndex/Sample``); nil counts every match. Tests set it low to estimate from a few.
    public var facetSampleFloor: Int?

    /// On PostgreSQL with RUM, the most popular rows a relevance page first walks for its first
    /// tier (``Plan/tieredRows(after:on:counted:)``); 0 asks RUM at once. Tests set it low to
    /// show that the walk and RUM give the same pages.
    public var relevanceWalkRows: Int

    /// The most rows walked by default: 3–5 ms at a million products, where RUM's start costs
    /// 25–60.
    public static let defaultRelevanceWalkRows = 5_000

    public init(
        columnOrderPath: ColumnOrderPath = .cheaper, readsKeptFacetCounts: Bool = true,
        facetSampleFloor: Int? = SearchIndex.Sample.defaultFloor,
        relevanceWalkRows: Int = SearchService.defaultRelevanceWalkRows
    ) {
        self.columnOrderPath = columnOrderPath
        self.readsKeptFacetCounts = readsKeptFacetCounts
        self.facetSampleFloor = facetSampleFloor
        self.relevanceWalkRows = relevanceWalkRows
    }

    public func search(_ query: SearchQuery, on database: any Database) async throws -> SearchResults {
        let terms = try query.validatedTerms()
        let cursor = try query.after.map { try SearchCursor(token: $0, sort: query.sort, hasText: terms != nil) }
        let request = PageRequest(limit: query.limit, offset: query.offset)
        if let terms, terms.isEmpty {
            // Text with nothing searchable in it ("!!!") finds nothing rather than everything.
            return SearchResults(items: [], total: 0, hasMore: false, next: nil, request: request)
        }
        let sql = try SearchIndex.sqlDatabase(database)
        var plan = Plan(query: query, terms: terms, sqlite: SearchIndex.isSQLite(sql), path: columnOrderPath)
        if terms != nil && !plan.sqlite && plan.order.tiered && columnOrderPath == .cheaper {
            plan.ranked = try await SearchIndex.rankedIndex(on: sql)
            plan.walkRows = relevanceWalkRows
        }
        if terms != nil && !(plan.sqlite && plan.order.tiered) && plan.ranked == nil {
            plan.walk = try await plan.walks(on: sql)
        }
        var counted: Int?
        let rows =
            plan.order.tiered
            ? try await plan.tieredRows(after: cursor, on: sql, counted: &counted)
            : try await plan.sortedRows(after: cursor, on: sql)
        let queryTerms = Set(terms ?? [])
        var items: [SearchHit] = []
        var keys: [SearchCursor] = []
        for row in rows.prefix(query.limit) {
            let id = try row.decode(column: "product_id", as: UUID.self)
            let title = try row.decode(column: "title", as: String.self)
            items.append(
                SearchHit(
                    productID: id, title: title, shopID: try row.decode(column: "shop_id", as: UUID.self),
                    categoryID: try row.decode(column: "category_id", as: UUID.self),
                    villageID: try row.decode(column: "village_id", as: UUID?.self),
                    minPriceMinor: try row.decode(column: "min_price", as: Int64.self),
                    inStock: try row.decode(column: "in_stock", as: Bool.self),
                    score: queryTerms.isEmpty
                        ? 0 : SearchIndex.titleTerms(title).filter(queryTerms.contains).count))
            keys.append(try SearchCursor(row: row, order: plan.order, id: id))
        }
        let hasMore = rows.count > query.limit
        var total = items.count
        if let counted, counted > SearchQuery.countLimit {
            total = counted  // the tiers read have more matches than the count would go to
        } else if cursor != nil || query.offset > 0 || hasMore {
            total = try await plan.count(on: sql)
        }
        return SearchResults(
            items: items, total: min(total, SearchQuery.countLimit), totalCapped: total > SearchQuery.countLimit,
            hasMore: hasMore, next: hasMore ? keys.last?.token : nil, request: request)
    }

    /// A page and, when `facets` is set, the facet counts for the same query, read at once (on
    /// connections of their own): neither needs the other, and on PostgreSQL each is a backend's
    /// work. Both are done when it returns, so a write that follows meets no read of theirs.
    public func search(_ query: SearchQuery, facets: Bool, on database: any Database) async throws -> (
        SearchResults, SearchFacets?
    ) {
        guard facets else { return (try await search(query, on: database), nil) }
        async let counted = self.facets(query, on: database)
        let page = try await search(query, on: database)
        return (page, try await counted)
    }

    /// How many products each category and each town would show for this query, each counted
    /// with every other filter applied (so the filter bar says what picking one would give).
    /// Without text or a price range, the counts are sums of the buckets the database keeps
    /// (``SearchFacetCounts``). With text, the text's sampled matches are counted first
    /// (``SearchIndex/Sample``): from ``facetSampleFloor`` of them on, the counts are those of
    /// the sampled matches that pass the filters, scaled up and marked estimated; below it,
    /// every match is counted.
    public func facets(_ query: SearchQuery, on database: any Database) async throws -> SearchFacets {
        let terms = try query.validatedTerms()
        if let terms, terms.isEmpty { return SearchFacets() }
        let sql = try SearchIndex.sqlDatabase(database)
        let plan = Plan(query: query, terms: terms, sqlite: SearchIndex.isSQLite(sql), path: columnOrderPath)
        let kept = readsKeptFacetCounts && terms == nil && query.minPriceMinor == nil && query.maxPriceMinor == nil
        var result = SearchFacets()
        /// `SELECT columns, n … GROUP BY columns` over the matches (or the sampled ones) without
        /// `dimension`'s filter.
        func grouped(
            _ columns: [String], excluding dimension: Plan.Dimension?, _ condition: SQLQueryString = "",
            sampled: Bool
        ) async throws -> [any SQLRow] {
            func select(_ from: SQLQueryString, _ count: String) -> SQLQueryString {
                let named = columns.map { "d.\($0) AS \($0)" }.joined(separator: ", ")
                let group = columns.map { "d.\($0)" }.joined(separator: ", ")
                return "SELECT \(unsafeRaw: named), CAST(\(unsafeRaw: count) AS BIGINT) AS n" + from + condition
                    + " GROUP BY \(unsafeRaw: group) HAVING \(unsafeRaw: count) > 0"
            }
            if kept {
                let from: SQLQueryString =
                    " FROM \(ident: SearchFacetCounts.table) d WHERE 1 = 1" + plan.filters(excluding: dimension)
                return try await sql.raw(select(from, "SUM(d.n)")).all()
            }
            let from = sampled ? plan.sampledMatches(excluding: dimension) : plan.matches(excluding: dimension)
            return try await sql.raw(select(from, "COUNT(*)")).all()
        }
        let both = ["category_id", "town_id"]
        /// The sample's groups by category and town, when they are the counts: text alone (whose
        /// sampled matches they add up to) from the floor on.
        var sampledGroups: [any SQLRow]?
        // Counting every match costs what the text's matches cost, filtered or not: past the
        // floor in the sample, every count is the sample's.
        if terms != nil, let floor = facetSampleFloor {
            if plan.filtered {
                result.estimated = try await plan.count(plan.sampledText, upTo: floor, on: sql) >= floor
            } else {
                // Without filters the sample's groups add up to its matches: one pass both
                // decides and, from the floor on, counts (a count to the floor first cost 4 ms
                // more for `汉服` at a million products, on top of the groups' 15).
                let groups = try await grouped(both, excluding: nil, sampled: true)
                let sampled = try groups.reduce(0) { $0 + Int(try $1.decode(column: "n", as: Int64.self)) }
                result.estimated = sampled >= floor
                if result.estimated { sampledGroups = groups }
            }
        }
        let scale = result.estimated ? SearchIndex.Sample.every : 1
        if query.categoryID == nil && query.villageID == nil && query.townID == nil {
            // No filter of either dimension: both count the same matches, in one pass.
            let groups: [any SQLRow]
            if let sampledGroups {
                groups = sampledGroups
            } else {
                groups = try await grouped(both, excluding: nil, sampled: result.estimated)
            }
            for row in groups {
                let n = Int(try row.decode(column: "n", as: Int64.self)) * scale
                result.categories[try row.decode(column: "category_id", as: UUID.self), default: 0] += n
                if let town = try row.decode(column: "town_id", as: UUID?.self) { result.towns[town, default: 0] += n }
            }
            return result
        }
        for (dimension, column) in [(Plan.Dimension.category, "category_id"), (.town, "town_id")] {
            for row in try await grouped(
                [column], excluding: dimension, " AND d.\(unsafeRaw: column) IS NOT NULL", sampled: result.estimated)
            {
                let id = try row.decode(column: column, as: UUID.self)
                let n = Int(try row.decode(column: "n", as: Int64.self)) * scale
                if dimension == .category { result.categories[id] = n } else { result.towns[id] = n }
            }
        }
        return result
    }

}

extension SearchService {
    /// The SQL of one query: how the engine is asked, the filters, the order.
    struct Plan {
        enum Dimension { case category, town }

        /// The columns a result row carries (its keys for every order but sales, whose units sold
        /// ``sortedRows(after:on:)`` adds from ``SearchIndex/salesTable``).
        static let columns =
            "d.product_id AS product_id, d.title AS title, d.shop_id AS shop_id, d.category_id AS category_id, d.village_id AS village_id, d.min_price AS min_price, d.rated AS rated, d.created AS created, d.rank_key AS rank_key, d.in_stock AS in_stock"

        let query: SearchQuery
        let terms: [String]?
        /// The terms the engine is asked for: ``terms`` without the characters a pair of them
        /// implies (``SearchTokenizer/withoutImpliedCharacters(_:)``), which match the same rows.
        let engineTerms: [String]
        let sqlite: Bool
        let order: SearchCursor.Order
        let path: ColumnOrderPath
        /// Walk an order's index and test each row against the text, rather than ask the engine's
        /// index for every match and sort them (``walks(on:)``).
        var walk = false
        /// PostgreSQL's RUM index on the titles' terms, where there is one: it gives the matches of
        /// relevance tiers 2 and 1 (``readsRanked(tier:)``) in falling rank key, so neither walk
        /// nor sort is needed.
        var ranked: SearchIndex.RankedIndex?
        /// With ``ranked``: the most popular rows walked first (``SearchService/relevanceWalkRows``).
        var walkRows = 0

        init(query: SearchQuery, terms: [String]?, sqlite: Bool, path: ColumnOrderPath) {
            self.query = query
            self.terms = terms
            self.engineTerms = SearchTokenizer.withoutImpliedCharacters(terms ?? [])
            self.sqlite = sqlite
            self.order = SearchCursor.Order(query.sort, hasText: terms != nil)
            self.path = path
        }

        var fts: SQLQueryString { "\(ident: SearchIndex.fullText)" }

        /// The relevance tiers, best first: 2, every term in the title; 1, some term of two
        /// characters or more (a word, a Chinese pair) in the title; 0, the other matches. A query of
        /// single characters only has no tier 1.
        var tiers: [Int] { words.isEmpty ? [2, 0] : [2, 1, 0] }

        /// The query's terms of two characters or more: a title with one of them is about the
        /// query, where one with a single shared character may not be.
        var words: [String] { (terms ?? []).filter { $0.count > 1 } }

        /// The engine's query for the products with every term (tier nil) or those in one tier.
        func match(tier: Int?) -> SQLQueryString {
            let terms = engineTerms
            if sqlite {
                let all = "(" + terms.map(SearchIndex.ftsQuoted).joined(separator: " AND ") + ")"
                let anyWord = "(" + words.map(SearchIndex.ftsQuoted).joined(separator: " OR ") + ")"
                switch tier {
                case nil: return "\(bind: all)"
                case 2?: return "\(bind: "title : " + all)"
                case 1?: return "\(bind: all + " AND title : " + anyWord + " NOT title : " + all)"
                default:
                    return words.isEmpty
                        ? "\(bind: all + " NOT title : " + all)"
                        : "\(bind: all + " NOT title : " + anyWord + " NOT title : " + all)"
                }
            }
            let all = "(" + terms.map(SearchIndex.quoted).joined(separator: " & ") + ")"
            let titled = "(" + terms.map { SearchIndex.quoted($0) + ":A" }.joined(separator: " & ") + ")"
            let anyWord = "(" + words.map { SearchIndex.quoted($0) + ":A" }.joined(separator: " | ") + ")"
            switch tier {
            case nil: return "CAST(\(bind: all) AS tsquery)"
            case 2?: return "CAST(\(bind: titled) AS tsquery)"
            case 1?: return "CAST(\(bind: all + " & " + anyWord + " & !" + titled) AS tsquery)"
            default:
                return words.isEmpty
                    ? "CAST(\(bind: all + " & !" + titled) AS tsquery)"
                    : "CAST(\(bind: all + " & !" + anyWord + " & !" + titled) AS tsquery)"
            }
        }

        /// Whether `tier` is read from the RUM index on titles: tiers 2 and 1, which are about the
        /// title; tier 0 (the text only outside it) is read from the GIN index, as without RUM.
        func readsRanked(tier: Int?) -> Bool { ranked != nil && (tier ?? 0) > 0 }

        /// The condition of tier 2 or 1 on the titles' terms, which the RUM index answers: tier 2,
        /// every term there; tier 1, some word there but not every term, and (tested on the row)
        /// every term somewhere.
        func titleText(tier: Int) -> SQLQueryString {
            let all = "(" + engineTerms.map(SearchIndex.quoted).joined(separator: " & ") + ")"
            let column: SQLQueryString = "d.\(ident: SearchIndex.titleVector) @@ "
            guard tier == 1 else { return column + "CAST(\(bind: all) AS tsquery)" }
            let anyWord = "(" + words.map(SearchIndex.quoted).joined(separator: " | ") + ")"
            return column + "CAST(\(bind: anyWord + " & !" + all) AS tsquery) AND ts_match_vq(d.tsv, "
                + match(tier: nil) + ")"
        }

        /// Whether the query has a filter (a category, place, price or stock).
        var filtered: Bool {
            query.categoryID != nil || query.villageID != nil || query.townID != nil || query.minPriceMinor != nil
                || query.maxPriceMinor != nil || query.inStockOnly
        }

        /// ` AND …` for the filters (the facets leave out their own dimension's).
        func filters(excluding dimension: Dimension? = nil) -> SQLQueryString {
            var sql: SQLQueryString = ""
            if dimension != .category, let categoryID = query.categoryID {
                sql += " AND d.category_id = \(bind: categoryID)"
            }
            if dimension != .town {
                if let villageID = query.villageID { sql += " AND d.village_id = \(bind: villageID)" }
                if let townID = query.townID { sql += " AND d.town_id = \(bind: townID)" }
            }
            if let minimum = query.minPriceMinor { sql += " AND d.min_price >= \(bind: minimum)" }
            if let maximum = query.maxPriceMinor { sql += " AND d.min_price <= \(bind: maximum)" }
            if query.inStockOnly { sql += " AND d.in_stock = \(bind: true)" }
            return sql
        }

        /// A condition on `d` for every match with its filters (a page sorted from every match).
        func matchedSet(excluding dimension: Dimension?) -> SQLQueryString {
            var sql: SQLQueryString = "1 = 1"
            if terms != nil {
                sql +=
                    sqlite
                    ? " AND d.rank_key IN (SELECT rowid FROM \(fts) WHERE \(fts) MATCH \(match(tier: nil)))"
                    : " AND " + postgresText(tier: nil)
            }
            return sql + filters(excluding: dimension)
        }

        /// PostgreSQL's text condition: the `@@` operator, which the GIN index answers, or, to
        /// walk another index, the same test as a function call, which no index takes over.
        func postgresText(tier: Int?) -> SQLQueryString {
            walk ? "ts_match_vq(d.tsv, " + match(tier: tier) + ")" : "d.tsv @@ " + match(tier: tier)
        }

        /// ` FROM … WHERE …` of the matches in `tier` (or all of them), with the filters, driven by
        /// the engine in its own order on SQLite.
        func engineOrdered(tier: Int?, excluding dimension: Dimension? = nil) -> SQLQueryString {
            if sqlite {
                let join: SQLQueryString =
                    " FROM \(fts) f CROSS JOIN \(ident: SearchIndex.table) d ON d.rank_key = f.rowid WHERE \(fts) MATCH "
                return join + match(tier: tier) + filters(excluding: dimension)
            }
            let table: SQLQueryString = " FROM \(ident: SearchIndex.table) d WHERE "
            if let tier, readsRanked(tier: tier) {
                return table + titleText(tier: tier) + filters(excluding: dimension)
            }
            return table + postgresText(tier: tier) + filters(excluding: dimension)
        }

        /// ` FROM … WHERE …` of the text's sampled matches (``SearchIndex/Sample``), filters aside:
        /// from FTS5 alone on SQLite, from the sample's partial index on PostgreSQL.
        var sampledText: SQLQueryString {
            sqlite
                ? " FROM \(fts) f WHERE \(fts) MATCH \(match(tier: nil))" + SearchIndex.Sample.condition("f.rowid")
                : postgresMatches + SearchIndex.Sample.condition("d.rank_key")
        }

        /// ` FROM … WHERE …` of every text match on PostgreSQL, filters aside, in the form an index
        /// answers (``postgresText(tier:)`` without the walk's function form).
        var postgresMatches: SQLQueryString {
            " FROM \(ident: SearchIndex.table) d WHERE d.tsv @@ \(match(tier: nil))"
        }

        /// ` FROM … WHERE …` of the sampled matches with the filters (but `dimension`'s). SQLite
        /// tests FTS5's rowid before it reads the row. PostgreSQL reads the sample's partial
        /// index behind OFFSET 0, which keeps the filters out of the scan: offered them, it ANDs
        /// a filter's index into the bitmap, and reads, for `裙` in a price range, the price
        /// index's 180,000 entries (42 ms, or 300 ms to count to 1,001, against 11).
        func sampledMatches(excluding dimension: Dimension?) -> SQLQueryString {
            if sqlite {
                return engineOrdered(tier: nil, excluding: dimension) + SearchIndex.Sample.condition("f.rowid")
            }
            return " FROM (SELECT d.category_id, d.village_id, d.town_id, d.min_price, d.in_stock" + sampledText
                + " OFFSET 0) d WHERE 1 = 1" + filters(excluding: dimension)
        }

        /// ` FROM … WHERE …` of every match with the filters (but `dimension`'s), streamed from the
        /// engine on SQLite (which reads them without first collecting them all).
        func matches(excluding dimension: Dimension?) -> SQLQueryString {
            terms != nil && sqlite
                ? engineOrdered(tier: nil, excluding: dimension)
                : " FROM \(ident: SearchIndex.table) d WHERE " + matchedSet(excluding: dimension)
        }

        /// A relevance page: the best tier from the cursor (or the offset) on, then the next, each
        /// in falling rank key, until the page and one row more are there.
        ///
        /// With RUM and filters, a tier read from its start (the title tiers from RUM, the last
        /// from the GIN index) takes its matches up to one more than ``SearchQuery/countLimit``
        /// (or the page's end, past the offset), and `counted` adds up how many came: when the tiers read have more than the count would go to, the total needs
        /// no count of its own (``count(on:)``), which with filters often cannot stop at the
        /// sample and counts every match. RUM's cost is its start (it gathers and sorts every
        /// posting of the terms: on the index of every term, 30 ms for `hanfu 汉服` at a million
        /// products, 3–5 ms on titles' terms), so the thousand rows after the page's cost a few
        /// milliseconds more; without filters, the sample's count is cheaper. At a million
        /// products, with the index on every term, `裙` in stock in a price range took 43/47 ms
        /// p50/p95 this way and 67/125 ms with its count; `汉服` unfiltered 40/46 ms this way and
        /// 35/37 ms with its count.
        ///
        /// Without that count, the first tier read first walks the most popular rows from the
        /// cursor down (the rank key's B-tree, each row tested against the tier's text), twenty for
        /// each row the page needs, from 1,000 to 5,000 (``walkRows``): when the page's rows are
        /// all among them, they are the tier's best, as RUM would give them, in 1–5 ms where RUM's
        /// start costs 25–60 (`红色` at offset 200, a million products: 1.5 ms against 62). A word
        /// that the most popular products lack (`汉服` among furniture) fills no page there, and RUM
        /// answers after all, 1–5 ms later.
        func tieredRows(after cursor: SearchCursor?, on sql: any SQLDatabase, counted: inout Int?) async throws
            -> [any SQLRow]
        {
            let wanted = query.limit + 1
            var rows: [any SQLRow] = []
            var skip = query.offset
            let rank: SQLQueryString = sqlite ? "f.rowid" : "d.rank_key"
            for tier in tiers {
                if let cursor, cursor.values[0] < tier { continue }
                var select: SQLQueryString =
                    "SELECT \(unsafeRaw: Self.columns), CAST(\(unsafeRaw: String(tier)) AS BIGINT) AS tier"
                    + engineOrdered(tier: tier)
                let within = cursor.flatMap { $0.values[0] == tier ? $0.values[1] : nil }
                let limit = wanted - rows.count
                let offset: SQLQueryString = skip > 0 ? " OFFSET \(unsafeRaw: String(skip))" : ""
                let countsTier =
                    ranked != nil && filtered && within == nil && (counted ?? 0) <= SearchQuery.countLimit
                // With RUM: the highest rank key wanted (the cursor's is the last one given).
                let top = ranked.map { ranked in
                    within.map { min(ranked.top, max($0, Int64.min + 1) - 1) } ?? ranked.top
                }
                // Twenty rows walked for each row wanted, from a fifth of ``walkRows`` to all of them.
                let walking = min(walkRows, max(walkRows / 5, 20 * (skip + limit)))
                if let from = top, rows.isEmpty, skip + limit <= walking, !countsTier {
                    let walked = try await sql.raw(
                        "SELECT \(unsafeRaw: Self.columns), CAST(\(unsafeRaw: String(tier)) AS BIGINT) AS tier FROM "
                            + "(SELECT * FROM \(ident: SearchIndex.table) d WHERE d.rank_key <= \(bind: from) "
                            + "ORDER BY d.rank_key DESC LIMIT \(unsafeRaw: String(walking))) d "
                            + "WHERE ts_match_vq(d.tsv, " + match(tier: tier) + ")" + filters()
                            + " ORDER BY d.rank_key DESC LIMIT \(unsafeRaw: String(limit))" + offset
                    ).all()
                    // A full page: the tier's best rows, all among the walked ones.
                    if walked.count == limit { return walked }
                }
                if let within { select += " AND " + rank + " < \(bind: within)" }
                if let ranked, let from = top, readsRanked(tier: tier) {
                    // RUM's distance down from the highest rank key wanted, in rising order.
                    select +=
                        " AND d.rank_key <= \(bind: from) ORDER BY d.rank_key OPERATOR(\(ident: ranked.schema).<=|) "
                        + "CAST(\(bind: from) AS BIGINT)"
                } else {
                    select += " ORDER BY " + rank + " DESC"
                }
                if countsTier {
                    let taken = max(SearchQuery.countLimit + 1, skip + limit)
                    select =
                        "WITH m AS MATERIALIZED (" + select + " LIMIT \(unsafeRaw: String(taken))) "
                        + "SELECT m.*, (SELECT COUNT(*) FROM m) AS counted FROM m ORDER BY m.rank_key DESC"
                }
                let found = try await sql.raw(select + " LIMIT \(unsafeRaw: String(limit))" + offset).all()
                if countsTier, let first = found.first {
                    // Tiers share no rows: their counts add up to no more than the total.
                    counted = (counted ?? 0) + Int(try first.decode(column: "counted", as: Int64.self))
                }
                rows += found
                if rows.count >= wanted { break }
                if skip > 0 {
                    // The offset went past this tier: skip what is left of it in the next.
                    skip = found.isEmpty ? skip - (try await count(tier: tier, upTo: skip, on: sql)) : 0
                }
            }
            return rows
        }

        /// A page in a column's order. With text, either the sort's index is walked and each row
        /// tested against the text (cheap when many products match, as the page fills within a few
        /// hundred rows), or every match is fetched from the engine's index and sorted (cheap when
        /// few do): ``walks(on:)`` decides.
        func sortedRows(after cursor: SearchCursor?, on sql: any SQLDatabase) async throws -> [any SQLRow] {
            var select: SQLQueryString = "SELECT \(unsafeRaw: Self.columns)"
            // Sales walk `ss` (the units sold, behind the sales order's indexes) and join each
            // product's search row; SQLite's walk with text keeps that order of tables too.
            var documents: SQLQueryString = " FROM \(ident: SearchIndex.table) d"
            if order.sales {
                select += ", ss.sold AS sold"
                documents =
                    " FROM \(ident: SearchIndex.salesTable) ss \(unsafeRaw: sqlite && walk ? "CROSS JOIN" : "JOIN") "
                    + "\(ident: SearchIndex.table) d ON d.product_id = ss.product_id"
                if let categoryID = query.categoryID { documents += " AND ss.category_id = \(bind: categoryID)" }
            }
            if terms != nil && sqlite && walk {
                select +=
                    documents + " CROSS JOIN \(fts) f WHERE f.rowid = d.rank_key AND \(fts) MATCH "
                    + match(tier: nil) + filters()
            } else {
                select += documents + " WHERE " + matchedSet(excluding: nil)
            }
            if let cursor { select += " AND " + cursor.predicate(order) }
            select += " ORDER BY \(unsafeRaw: order.orderBy) LIMIT \(unsafeRaw: String(query.limit + 1))"
            if query.offset > 0 { select += " OFFSET \(unsafeRaw: String(query.offset))" }
            return try await sql.raw(select).all()
        }

        /// Matches from which PostgreSQL walks an order's index: past this many, the page fills
        /// within a few thousand rows of the walk, where fetching and sorting every match costs
        /// more. PostgreSQL's own estimate is not used: it takes a query's terms as independent,
        /// and 汉, 服 and 汉服 are anything but.
        static let manyMatches = 5_000

        /// Whether walking an order's index costs less than sorting every match.
        /// - SQLite: the walk asks the engine about each row (more work the more terms) until the
        ///   page is full, about rows × documents ÷ matches of them; the sort reads every match
        ///   once. The engine counts the matches from its doclists alone, up to where the two
        ///   cost the same; the documents are the span of `doc` numbers (two index probes, where
        ///   a count reads the whole index), which rewrites widen, erring toward the sort.
        /// - PostgreSQL: whether at least ``manyMatches`` products match, judged from the sample
        ///   (``SearchIndex/Sample``): a sixteenth as many of its rows, counted up to there.
        func walks(on sql: any SQLDatabase) async throws -> Bool {
            switch path {
            case .walkIndex: return true
            case .sortMatches: return false
            case .cheaper: break
            }
            guard sqlite else {
                // From the sample's partial index: a count of every match to 5,000 scanned the
                // table until it found them, 6 ms or 230 ms by where the matches lay (and where
                // the last scan had stopped, as PostgreSQL starts each where another is).
                let enough = Self.manyMatches / SearchIndex.Sample.every
                return try await count(sampledText, upTo: enough, on: sql) >= enough
            }
            let span = try await sql.raw(
                """
                SELECT COALESCE((SELECT MAX(doc) FROM \(ident: SearchIndex.table)) \
                - (SELECT MIN(doc) FROM \(ident: SearchIndex.table)) + 1, 0) AS documents
                """
            ).first()
            let documents = Double(try span?.decode(column: "documents", as: Int64.self) ?? 0)
            // Measured at a million products: an engine probe costs about 10 + 20 × terms µs, a
            // match fetched and sorted about 0.6 µs. The walk costs rows × documents ÷ matches
            // probes, the sort 0.6 µs a match: they cost the same at `even` matches, so the
            // engine counts no further than that.
            let rows = Double(query.limit + 1 + query.offset)
            let probe = 10 + 20 * Double(max(1, engineTerms.count))
            let even = Int((rows * documents * probe / 0.6).squareRoot().rounded(.up))
            guard even > 0 else { return false }
            return try await count(" FROM \(fts) WHERE \(fts) MATCH \(match(tier: nil))", upTo: even, on: sql) >= even
        }

        /// The matches with the filters, counted up to one more than ``SearchQuery/countLimit``.
        ///
        /// PostgreSQL counts a text query's sampled matches (``SearchIndex/Sample``) first: when
        /// enough of them pass the filters, that many rows match and the count is done. Otherwise
        /// it counts every match. Counting every match to a thousand, PostgreSQL often scans the
        /// table until it has found them, 6 ms or 230 ms by where the matches lie (a shop's
        /// products together) and where the last scan stopped (it starts each where another is);
        /// the sample is read from its partial index, a millisecond and a page per sampled match.
        func count(on sql: any SQLDatabase) async throws -> Int {
            let limit = SearchQuery.countLimit + 1
            guard terms != nil && !sqlite else { return try await count(matches(excluding: nil), upTo: limit, on: sql) }
            let inSample = try await count(sampledMatches(excluding: nil), upTo: limit, on: sql)
            if inSample >= limit { return inSample }
            return try await count(postgresMatches + filters(), upTo: limit, on: sql)
        }

        /// The matches of one relevance tier, counted up to `limit`.
        func count(tier: Int, upTo limit: Int, on sql: any SQLDatabase) async throws -> Int {
            try await count(engineOrdered(tier: tier), upTo: limit, on: sql)
        }

        /// The rows of ` FROM … WHERE …`, counted up to `limit`.
        func count(_ from: SQLQueryString, upTo limit: Int, on sql: any SQLDatabase) async throws -> Int {
            let row = try await sql.raw(
                "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM (SELECT 1 AS one" + from
                    + " LIMIT \(unsafeRaw: String(limit))) c"
            ).first()
            return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
        }
    }
}
