import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// Product search on ``SearchIndex``: the database's full-text engine finds the products that
/// have every term of the query, and `search_documents` filters, sorts and pages them.
///
/// Relevance is the number of the query's terms in the title (the engine answers, per term,
/// which products have it in the title column or weight), then units sold, then stars. The
/// engines' own scores (FTS5's bm25, PostgreSQL's `ts_rank`) are not used: they weigh terms
/// differently (bm25 by rarity and length, `ts_rank` by neither), and a buyer must get the same
/// list from either database.
///
/// Every order is one direction over its keys and the product id, so each page continues after
/// the last row of the previous one (``SearchResults/next``) by a row comparison that an index
/// on those keys answers: a deep page costs what the first costs. An offset still works, up to
/// ``SearchQuery/maximumOffset``.
public struct SearchService: Sendable {
    public init() {}

    public func search(_ query: SearchQuery, on database: any Database) async throws -> SearchResults {
        let terms = try query.validatedTerms()
        let cursor = try query.after.map { try SearchCursor(token: $0, sort: query.sort, hasText: terms != nil) }
        let request = PageRequest(limit: query.limit, offset: query.offset)
        if let terms, terms.isEmpty {
            // Text with nothing searchable in it ("!!!") finds nothing rather than everything.
            return SearchResults(items: [], total: 0, hasMore: false, next: nil, request: request)
        }
        let sql = try SearchIndex.sqlDatabase(database)
        let plan = Plan(query: query, terms: terms, sqlite: SearchIndex.isSQLite(sql))
        var select: SQLQueryString =
            "SELECT * FROM (SELECT d.product_id AS product_id, d.title AS title, d.shop_id AS shop_id, d.category_id AS category_id, d.village_id AS village_id, d.min_price AS min_price, d.sold AS sold, d.rated AS rated, d.created AS created, "
        select += plan.hitsExpression + " AS hits" + plan.fromAndWhere(excluding: nil) + ") x"
        if let cursor { select += " WHERE " + cursor.predicate(plan.order) }
        select += " ORDER BY \(unsafeRaw: plan.order.orderBy) LIMIT \(unsafeRaw: String(query.limit + 1))"
        if query.offset > 0 { select += " OFFSET \(unsafeRaw: String(query.offset))" }
        let rows = try await sql.raw(select).all()
        var items: [SearchHit] = []
        var keys: [SearchCursor] = []
        for row in rows.prefix(query.limit) {
            let id = try row.decode(column: "product_id", as: UUID.self)
            items.append(
                SearchHit(
                    productID: id, title: try row.decode(column: "title", as: String.self),
                    shopID: try row.decode(column: "shop_id", as: UUID.self),
                    categoryID: try row.decode(column: "category_id", as: UUID.self),
                    villageID: try row.decode(column: "village_id", as: UUID?.self),
                    minPriceMinor: try row.decode(column: "min_price", as: Int64.self), inStock: false,
                    score: Int(try row.decode(column: "hits", as: Int64.self))))
            keys.append(try SearchCursor(row: row, order: plan.order, id: id))
        }
        let stocked = try await Self.inStock(items.map(\.productID), on: sql)
        for index in items.indices { items[index].inStock = stocked.contains(items[index].productID) }
        let hasMore = rows.count > query.limit
        let firstPage = cursor == nil && query.offset == 0
        let total: Int
        if firstPage && !hasMore {
            total = items.count
        } else {
            let count = try await sql.raw(
                "SELECT CAST(COUNT(*) AS BIGINT) AS total" + plan.fromAndWhere(excluding: nil)
            )
            .first()
            total = Int(try count?.decode(column: "total", as: Int64.self) ?? 0)
        }
        return SearchResults(
            items: items, total: total, hasMore: hasMore, next: hasMore ? keys.last?.token : nil, request: request)
    }

    /// How many products each category and each town would show for this query, each counted
    /// with every other filter applied (so the filter bar says what picking one would give).
    public func facets(_ query: SearchQuery, on database: any Database) async throws -> SearchFacets {
        let terms = try query.validatedTerms()
        if let terms, terms.isEmpty { return SearchFacets(categories: [:], towns: [:]) }
        let sql = try SearchIndex.sqlDatabase(database)
        let plan = Plan(query: query, terms: terms, sqlite: SearchIndex.isSQLite(sql))
        var result = SearchFacets(categories: [:], towns: [:])
        for (dimension, column) in [(Plan.Dimension.category, "category_id"), (.town, "town_id")] {
            let rows = try await sql.raw(
                "SELECT d.\(unsafeRaw: column) AS id, CAST(COUNT(*) AS BIGINT) AS n"
                    + plan.fromAndWhere(excluding: dimension)
                    + " AND d.\(unsafeRaw: column) IS NOT NULL GROUP BY d.\(unsafeRaw: column)"
            ).all()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let n = Int(try row.decode(column: "n", as: Int64.self))
                if dimension == .category { result.categories[id] = n } else { result.towns[id] = n }
            }
        }
        return result
    }

    /// A variant's stock: the producer's, for a linked variant of a reseller.
    static let stockExpression =
        "CASE WHEN v.source_variant_id IS NULL THEN v.stock ELSE (SELECT sv.stock FROM variants sv WHERE sv.id = v.source_variant_id) END"

    /// Which of `ids` have a variant in stock (read for a page's rows only, never for every match).
    static func inStock(_ ids: [UUID], on sql: any SQLDatabase) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        let rows = try await sql.raw(
            """
            SELECT DISTINCT v.product_id AS id FROM variants v WHERE v.product_id IN (\(binds: ids)) \
            AND \(unsafeRaw: stockExpression) > 0
            """
        ).all()
        return Set(try rows.map { try $0.decode(column: "id", as: UUID.self) })
    }
}

extension SearchService {
    /// The SQL of one query: how the engine is asked, the filters, the order.
    struct Plan {
        enum Dimension { case category, town }

        let query: SearchQuery
        let terms: [String]?
        let sqlite: Bool
        let order: SearchCursor.Order

        init(query: SearchQuery, terms: [String]?, sqlite: Bool) {
            self.query = query
            self.terms = terms
            self.sqlite = sqlite
            self.order = SearchCursor.Order(query.sort, hasText: terms != nil)
        }

        /// How many of the query's terms the product's title has (0 without text).
        var hitsExpression: SQLQueryString {
            guard let terms else { return "CAST(0 AS BIGINT)" }
            var sum: SQLQueryString = "CAST(("
            for (index, term) in terms.enumerated() {
                if index > 0 { sum += " + " }
                if sqlite {
                    sum += """
                        (CASE WHEN d.doc IN (SELECT rowid FROM \(ident: SearchIndex.fullText) \
                        WHERE \(ident: SearchIndex.fullText) MATCH \(bind: "title : " + SearchIndex.ftsQuoted(term))) \
                        THEN 1 ELSE 0 END)
                        """
                } else {
                    sum +=
                        "(CASE WHEN d.tsv @@ CAST(\(bind: SearchIndex.quoted(term) + ":A") AS tsquery) THEN 1 ELSE 0 END)"
                }
            }
            return sum + ") AS BIGINT)"
        }

        /// ` FROM … WHERE …` for the page, the count and the facets (which leave out their own
        /// dimension's filter).
        func fromAndWhere(excluding dimension: Dimension?) -> SQLQueryString {
            var sql: SQLQueryString = " FROM \(ident: SearchIndex.table) d WHERE 1 = 1"
            if let terms {
                if sqlite {
                    let match = terms.map(SearchIndex.ftsQuoted).joined(separator: " AND ")
                    sql += """
                         AND d.doc IN (SELECT rowid FROM \(ident: SearchIndex.fullText) \
                        WHERE \(ident: SearchIndex.fullText) MATCH \(bind: match))
                        """
                } else {
                    let match = terms.map(SearchIndex.quoted).joined(separator: " & ")
                    sql += " AND d.tsv @@ CAST(\(bind: match) AS tsquery)"
                }
            }
            if dimension != .category, let categoryID = query.categoryID {
                sql += " AND d.category_id = \(bind: categoryID)"
            }
            if dimension != .town {
                if let villageID = query.villageID { sql += " AND d.village_id = \(bind: villageID)" }
                if let townID = query.townID { sql += " AND d.town_id = \(bind: townID)" }
            }
            if let minimum = query.minPriceMinor { sql += " AND d.min_price >= \(bind: minimum)" }
            if let maximum = query.maxPriceMinor { sql += " AND d.min_price <= \(bind: maximum)" }
            if query.inStockOnly {
                sql += """
                     AND EXISTS (SELECT 1 FROM variants v WHERE v.product_id = d.product_id \
                    AND \(unsafeRaw: SearchService.stockExpression) > 0)
                    """
            }
            return sql
        }
    }
}
