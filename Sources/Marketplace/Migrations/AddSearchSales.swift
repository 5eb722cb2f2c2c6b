import FluentKit
import SQLKit

/// Moves a product's units sold out of its search row into `search_sales`
/// (``SearchIndex/salesTable``: product, category, units), behind the two indexes the sales order
/// walks, and drops the column and its indexes from `search_documents`.
///
/// A payment added its units to the search row, and as `sold` was indexed the update could not
/// be HOT: PostgreSQL wrote an entry for the new row version in each of the row's indexes, the
/// text's GIN and RUM among them. A sale now rewrites a row of three columns with three B-tree
/// entries: 0.5–1.3 ms less of PostgreSQL's CPU per single-line checkout, 1.1–2.6 ms per
/// 3-line one (`bench/checkout`, primed databases, 16 buyers).
///
/// A database that came through ``AddSearchRank`` with this change has rows without a rank key
/// (``AddSearchInStock`` left them to this migration, whose rebuild writes both tables): the
/// index is rebuilt. Otherwise the units move over in one statement.
public struct AddSearchSales: AsyncMigration {
    public init() {}

    static let indexes: [(String, [String])] = [
        ("search_sales_sold_idx", ["sold", "product_id"]),
        ("search_sales_category_sold_idx", ["category_id", "sold", "product_id"]),
    ]
    /// The indexes of `search_documents` that held `sold` (``MoveSearchToFullText``).
    static let documentIndexes: [(String, [String])] = [
        ("search_documents_sold_idx", ["sold", "product_id"]),
        ("search_documents_category_sold_idx", ["category_id", "sold", "product_id"]),
    ]

    static func create(_ indexes: [(String, [String])], on table: String, _ sql: any SQLDatabase) async throws {
        for (name, columns) in indexes {
            var index = sql.create(index: name).on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
    }

    public func prepare(on database: any Database) async throws {
        try await database.schema(SearchIndex.salesTable)
            .field("product_id", .uuid, .identifier(auto: false), .references(Product.schema, .id, onDelete: .cascade))
            .field("category_id", .uuid, .required)
            .field("sold", .int64, .required)
            .create()
        let sql = try SearchIndex.sqlDatabase(database)
        try await Self.create(Self.indexes, on: SearchIndex.salesTable, sql)
        let table = SearchIndex.table
        let unranked = try await sql.raw("SELECT 1 AS one FROM \(ident: table) WHERE rank_key IS NULL LIMIT 1").first()
        if unranked == nil {
            try await sql.raw(
                """
                INSERT INTO \(ident: SearchIndex.salesTable) (product_id, category_id, sold) \
                SELECT product_id, category_id, sold FROM \(ident: table)
                """
            ).run()
        }
        for (name, _) in Self.documentIndexes { try await sql.raw("DROP INDEX \(ident: name)").run() }
        try await sql.raw("ALTER TABLE \(ident: table) DROP COLUMN sold").run()
        if unranked != nil { try await SearchIndex.rebuildAll(on: database) }
    }

    public func revert(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        let table = SearchIndex.table
        try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN sold BIGINT NOT NULL DEFAULT 0").run()
        try await sql.raw(
            """
            UPDATE \(ident: table) SET sold = COALESCE((SELECT ss.sold FROM \(ident: SearchIndex.salesTable) ss \
            WHERE ss.product_id = \(ident: table).product_id), 0)
            """
        ).run()
        try await Self.create(Self.documentIndexes, on: table, sql)
        try await database.schema(SearchIndex.salesTable).delete()
    }
}
