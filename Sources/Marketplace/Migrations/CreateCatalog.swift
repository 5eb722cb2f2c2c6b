import Community
import FluentKit

public struct CreateCatalog: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Category.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("name_en", .string, .required)
            .field("commission_bps", .int, .required)
            .unique(on: "code")
            .create()
        try await database.schema(Product.schema)
            .id()
            .field("shop_id", .uuid, .required, .references(Shop.schema, .id, onDelete: .cascade))
            .field("category_id", .uuid, .required, .references(Category.schema, .id))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("origin_village_id", .uuid, .references(Village.schema, .id, onDelete: .setNull))
            .field("listed", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(Variant.schema)
            .id()
            .field("product_id", .uuid, .required, .references(Product.schema, .id, onDelete: .cascade))
            .field("sku", .string, .required)
            .field("name", .string, .required)
            .field("price_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("stock", .int, .required)
            .field("weight_grams", .int, .required)
            .unique(on: "product_id", "sku")
            .create()
        for category in CategoryTaxonomy.all {
            try await category.create(on: database)
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Variant.schema).delete()
        try await database.schema(Product.schema).delete()
        try await database.schema(Category.schema).delete()
    }
}
