import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// Product search: matches the query's terms against ``SearchIndex``, filters, sorts and pages.
///
/// Only listed products of active shops that have at least one variant are found. A product
/// matches when it has every distinct term of the query (so `汉服` needs the bigram, not just
/// 汉 and 服 somewhere); relevance is the sum of the matched terms' weights. The SQL is
/// portable (subqueries, EXISTS, COUNT/SUM/MIN/MAX, LIMIT/OFFSET) and every order ends with
/// the product id, so SQLite and PostgreSQL return the same list.
///
/// Cost: one index probe per query term, then per matching product a few indexed lookups on
/// `variants` (and `order_lines` for the sales sort); two statements (page and total).
public struct SearchService: Sendable {
    public init() {}

    /// `now` starts the twelve-month window of the rating sort.
    public func search(_ query: SearchQuery, now: Date = Date(), on database: any Database) async throws
        -> JishiKit.Page<SearchHit>
    {
        let terms = try query.validatedTerms()
        let request = PageRequest(limit: query.limit, offset: query.offset)
        if let terms, terms.isEmpty {
            // Text with nothing searchable in it ("!!!") finds nothing rather than everything.
            return JishiKit.Page(items: [], total: 0, request: request)
        }
        let sql = try SearchIndex.sqlDatabase(database)
        let from = Self.fromAndWhere(query, terms: terms)
        var select: SQLQueryString =
            """
            SELECT p.id AS id, p.title AS title, p.shop_id AS shop_id, p.category_id AS category_id, \
            p.origin_village_id AS village_id, CAST(\(unsafeRaw: terms == nil ? "0" : "m.score") AS BIGINT) AS score, \
            CAST((SELECT MIN(v.price_minor) FROM variants v WHERE v.product_id = p.id) AS BIGINT) AS min_price, \
            CAST((SELECT MAX(\(unsafeRaw: Self.stockExpression)) FROM variants v WHERE v.product_id = p.id) AS BIGINT) AS max_stock\
            \(unsafeRaw: query.sort == .sales ? ", \(Self.soldExpression) AS sold" : "")
            """
        if query.sort == .rating {
            // The mean overall stars × 1000, truncated in integer arithmetic on both stores (a
            // SUM of BIGINTs is NUMERIC on PostgreSQL, so it is cast first) so that they sort alike.
            select += """
                , COALESCE((SELECT CAST(SUM(r.described + r.service + r.shipping) AS BIGINT) * 1000 / (3 * COUNT(*)) \
                FROM reviews r WHERE r.product_id = p.id AND r.hidden = \(bind: false) \
                AND r.created_at >= \(bind: now.addingTimeInterval(-ReviewService.window))), 0) AS rated
                """
        }
        let page =
            select + from
            + " ORDER BY \(unsafeRaw: Self.orderBy(query.sort, hasText: terms != nil)) LIMIT \(unsafeRaw: String(query.limit)) OFFSET \(unsafeRaw: String(query.offset))"
        let rows = try await sql.raw(page).all()
        let items = try rows.map { row in
            SearchHit(
                productID: try row.decode(column: "id", as: UUID.self),
                title: try row.decode(column: "title", as: String.self),
                shopID: try row.decode(column: "shop_id", as: UUID.self),
                categoryID: try row.decode(column: "category_id", as: UUID.self),
                villageID: try row.decode(column: "village_id", as: UUID?.self),
                minPriceMinor: try row.decode(column: "min_price", as: Int64.self),
                inStock: try row.decode(column: "max_stock", as: Int64.self) > 0,
                score: Int(try row.decode(column: "score", as: Int64.self)))
        }
        let total: Int
        if items.isEmpty && query.offset == 0 {
            total = 0
        } else if query.offset == 0 && items.count < query.limit {
            total = items.count
        } else {
            let count = try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS total" + from).first()
            total = Int(try count?.decode(column: "total", as: Int64.self) ?? 0)
        }
        return JishiKit.Page(items: items, total: total, request: request)
    }

    /// A variant's stock: the producer's, for a linked variant of a reseller.
    static let stockExpression =
        "CASE WHEN v.source_variant_id IS NULL THEN v.stock ELSE (SELECT sv.stock FROM variants sv WHERE sv.id = v.source_variant_id) END"

    static let soldExpression =
        "(SELECT COALESCE(SUM(ol.quantity), 0) FROM order_lines ol JOIN variants v ON v.id = ol.variant_id WHERE v.product_id = p.id)"

    /// ` FROM … WHERE …` shared by the page and the count.
    static func fromAndWhere(_ query: SearchQuery, terms: [String]?) -> SQLQueryString {
        var sql: SQLQueryString = " FROM "
        if let terms {
            sql += """
                (SELECT st.product_id AS product_id, SUM(st.weight) AS score FROM search_terms st \
                WHERE st.term IN (\(binds: terms)) GROUP BY st.product_id HAVING COUNT(*) = \(unsafeRaw: String(terms.count))) m \
                JOIN products p ON p.id = m.product_id
                """
        } else {
            sql += "products p"
        }
        sql += " JOIN shops s ON s.id = p.shop_id"
        if query.townID != nil { sql += " JOIN villages vi ON vi.id = p.origin_village_id" }
        sql += " WHERE p.listed = \(bind: true) AND s.status = \(bind: Shop.Status.active.rawValue)"
        if let categoryID = query.categoryID { sql += " AND p.category_id = \(bind: categoryID)" }
        if let villageID = query.villageID { sql += " AND p.origin_village_id = \(bind: villageID)" }
        if let townID = query.townID { sql += " AND vi.town_id = \(bind: townID)" }
        // One EXISTS: some variant meets the price range and stock together; with no such
        // filter it still requires a variant, since a product without one cannot be bought.
        var variant: SQLQueryString = "SELECT 1 FROM variants v WHERE v.product_id = p.id"
        if let minimum = query.minPriceMinor { variant += " AND v.price_minor >= \(bind: minimum)" }
        if let maximum = query.maxPriceMinor { variant += " AND v.price_minor <= \(bind: maximum)" }
        if query.inStockOnly { variant += " AND \(unsafeRaw: stockExpression) > 0" }
        sql += " AND EXISTS (" + variant + ")"
        return sql
    }

    static func orderBy(_ sort: SearchQuery.Sort, hasText: Bool) -> String {
        switch sort {
        case .relevance: hasText ? "score DESC, p.id ASC" : "p.created_at DESC, p.id ASC"
        case .priceAsc: "min_price ASC, p.id ASC"
        case .priceDesc: "min_price DESC, p.id ASC"
        case .sales: "sold DESC, p.id ASC"
        case .newest: "p.created_at DESC, p.id ASC"
        case .rating: "rated DESC, p.id ASC"
        }
    }
}
