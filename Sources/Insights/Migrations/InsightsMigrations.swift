import Community
import FluentKit
import SQLKit

/// This module's migrations, in the order they must run. Never edit a shipped one; add a new one.
public enum InsightsMigrations {
    public static let all: [any Migration] = [
        CreatePlatformShops()
    ]
}

/// The shops of every platform with their monthly figures, and what the Jishi sync last saw.
public struct CreatePlatformShops: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(PlatformShop.schema)
            .id()
            .field("platform", .string, .required)
            .field("shop_ref", .string, .required)
            .field("kind", .string, .required)
            .field("village_id", .uuid, .required, .references(Village.schema, .id, onDelete: .restrict))
            .field("opened_on", .string, .required)
            .field("closed_on", .string)
            .field("jishi_shop_id", .uuid)
            .field("updated_at", .datetime, .required)
            .unique(on: "platform", "shop_ref")
            .create()
        try await database.schema(PlatformSale.schema)
            .id()
            .field("shop_id", .uuid, .required, .references(PlatformShop.schema, .id, onDelete: .cascade))
            .field("month", .string, .required)
            .field("orders", .int64, .required)
            .field("sales_minor", .int64, .required)
            .unique(on: "shop_id", "month")
            .create()
        try await database.schema(InsightsState.schema)
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
        try await AddLookupIndexes.create(
            [
                ("platform_shops_village_idx", PlatformShop.schema, ["village_id", "opened_on"]),
                ("platform_sales_month_idx", PlatformSale.schema, ["month", "shop_id"]),
            ], on: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(InsightsState.schema).delete()
        try await database.schema(PlatformSale.schema).delete()
        try await database.schema(PlatformShop.schema).delete()
    }
}
