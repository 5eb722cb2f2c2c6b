import Community
import FluentKit
import Persistence

/// Shop status history; product photos and attributes.
public struct CreateShopEventsAndProductMedia: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(ShopEvent.schema)
            .id()
            .field("shop_id", .uuid, .required, .references(Shop.schema, .id, onDelete: .cascade))
            .field("change", .string, .required)
            .field("actor_id", .uuid, .required)
            .field("reason", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema(ProductPhoto.schema)
            .id()
            .field("product_id", .uuid, .required, .references(Product.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("format", .string, .required)
            .field("byte_count", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(ProductAttribute.schema)
            .id()
            .field("product_id", .uuid, .required, .references(Product.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("value", .string, .required)
            .unique(on: "product_id", "name")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "product_photos_product_id_idx").on(ProductPhoto.schema).column("product_id").run()
        try await sql.create(index: "product_attributes_product_id_idx").on(ProductAttribute.schema).column(
            "product_id"
        )
        .run()
        try await sql.create(index: "shop_events_shop_id_idx").on(ShopEvent.schema).column("shop_id").run()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ProductAttribute.schema).delete()
        try await database.schema(ProductPhoto.schema).delete()
        try await database.schema(ShopEvent.schema).delete()
    }
}
