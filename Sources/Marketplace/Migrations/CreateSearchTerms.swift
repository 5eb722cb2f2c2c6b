import FluentKit
import SQLKit

/// Created the first product search index (`search_terms`, a hand-made table of terms that
/// ``MoveSearchToFullText`` replaced); also indexes `order_lines.variant_id`, which sales sum
/// over. It no longer fills the table: at this point in a new database there are no products,
/// and in an old one it ran long ago.
public struct CreateSearchTerms: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await Self.createTable(on: database)
        let sql = try SearchIndex.sqlDatabase(database)
        try await sql.create(index: "search_terms_product_id_idx").on("search_terms").column("product_id").run()
        try await sql.create(index: "order_lines_variant_id_idx").on(OrderLine.schema).column("variant_id").run()
    }

    /// The table alone (``MoveSearchToFullText`` puts it back, empty, when reverted).
    static func createTable(on database: any Database) async throws {
        try await database.schema("search_terms")
            .field("product_id", .uuid, .required, .references(Product.schema, .id, onDelete: .cascade))
            .field("term", .string, .required)
            .field("weight", .int, .required)
            .compositeIdentifier(over: "term", "product_id")
            .create()
    }

    public func revert(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        try await sql.drop(index: "order_lines_variant_id_idx").run()
        try await database.schema("search_terms").delete()
    }
}
