import Community
import FluentKit
import SQLKit

/// This module's migrations, in the order they must run. Never edit a shipped one; add a new one.
public enum InsightsMigrations {
    public static let all: [any Migration] = [
        CreatePlatformShops(),
        AddShopRegistry(),
        CreateInsightsAlerts(),
        CreateDesignRegistry(),
        AddShopReporters(),
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

/// Shops' main categories, and the registry's monthly snapshots.
public struct AddShopRegistry: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(PlatformShop.schema).field("main_category", .string).update()
        try await database.schema(RegistrySnapshot.schema)
            .id()
            .field("month", .string, .required)
            .field("shops", .int, .required)
            .field("taken_at", .datetime, .required)
            .field("taken_by", .uuid)
            .unique(on: "month")
            .create()
        try await database.schema("registry_snapshot_shops")
            .field("snapshot_id", .uuid, .required, .references(RegistrySnapshot.schema, .id, onDelete: .cascade))
            .field("platform", .string, .required)
            .field("shop_ref", .string, .required)
            .field("kind", .string, .required)
            .field("village_id", .uuid, .required)
            .field("main_category", .string)
            .field("opened_on", .string, .required)
            .field("closed_on", .string)
            .unique(on: "snapshot_id", "platform", "shop_ref")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("registry_snapshot_shops").delete()
        try await database.schema(RegistrySnapshot.schema).delete()
        try await database.schema(PlatformShop.schema).deleteField("main_category").update()
    }
}
