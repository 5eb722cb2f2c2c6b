import FluentKit
import SQLKit

/// Creates the product search index (`search_terms`) and fills it from the catalogue; also
/// indexes `order_lines.variant_id`, which the sales sort sums over.
public struct CreateSearchTerms: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(SearchIndex.table)
            .field("product_id", .uuid, .required, .references(Product.schema, .id, onDelete: .cascade))
            .field("term", .string, .required)
            .field("weight", .int, .required)
            .compositeIdentifier(over: "term", "product_id")
            .create()
        let sql = try SearchIndex.sqlDatabase(database)
        try await sql.create(index: "search_terms_product_id_idx").on(SearchIndex.table).column("product_id").run()
        try await sql.create(index: "order_lines_variant_id_idx").on(OrderLine.schema).column("variant_id").run()
        try await SearchIndex.rebuildAll(on: database)
    }

    public func revert(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        try await sql.drop(index: "order_lines_variant_id_idx").run()
        try await database.schema(SearchIndex.table).delete()
    }
}
