import Community
import FluentKit

public struct CreateShops: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Shop.schema)
            .id()
            .field("owner_id", .uuid, .required, .references(Account.schema, .id))
            .field("village_id", .uuid, .required, .references(Village.schema, .id))
            .field("household_id", .uuid, .references(Household.schema, .id, onDelete: .setNull))
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("kind", .string, .required)
            .field("brand_name", .string)
            .field("licence_number", .string)
            .field("status", .string, .required)
            .field("status_reason", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ShopStaff.schema)
            .id()
            .field("shop_id", .uuid, .required, .references(Shop.schema, .id, onDelete: .cascade))
            .field("account_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "shop_id", "account_id")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ShopStaff.schema).delete()
        try await database.schema(Shop.schema).delete()
    }
}
