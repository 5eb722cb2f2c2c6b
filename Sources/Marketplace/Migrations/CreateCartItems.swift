import Community
import FluentKit

public struct CreateCartItems: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(CartItem.schema)
            .id()
            .field("buyer_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .field("variant_id", .uuid, .required, .references(Variant.schema, .id, onDelete: .cascade))
            .field("quantity", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "buyer_id", "variant_id")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(CartItem.schema).delete()
    }
}
