import Community
import FluentKit
import Persistence

/// Reviews, their reports and the moderation log.
public struct CreateReviews: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Review.schema)
            .id()
            .field("order_line_id", .uuid, .required, .references(OrderLine.schema, .id, onDelete: .cascade))
            .field("order_id", .uuid, .required, .references(Order.schema, .id, onDelete: .cascade))
            .field("product_id", .uuid, .required, .references(Product.schema, .id, onDelete: .cascade))
            .field("shop_id", .uuid, .required, .references(Shop.schema, .id, onDelete: .cascade))
            .field("buyer_id", .uuid, .required, .references(Account.schema, .id))
            .field("described", .int, .required)
            .field("service", .int, .required)
            .field("shipping", .int, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .field("reply", .string)
            .field("replied_at", .datetime)
            .field("replied_by", .uuid)
            .field("hidden", .bool, .required)
            .field("report_count", .int, .required)
            .unique(on: "order_line_id")
            .create()
        try await database.schema(ReviewReport.schema)
            .id()
            .field("review_id", .uuid, .required, .references(Review.schema, .id, onDelete: .cascade))
            .field("reporter_id", .uuid, .required)
            .field("reason", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "review_id", "reporter_id")
            .create()
        try await database.schema(ReviewModeration.schema)
            .id()
            .field("review_id", .uuid, .required, .references(Review.schema, .id, onDelete: .cascade))
            .field("hidden", .bool, .required)
            .field("actor_id", .uuid, .required)
            .field("reason", .string, .required)
            .field("at", .datetime, .required)
            .create()
        let sql = try database.sql()
        try await sql.create(index: "reviews_product_created_idx").on(Review.schema)
            .column("product_id").column("created_at").run()
        try await sql.create(index: "reviews_shop_created_idx").on(Review.schema)
            .column("shop_id").column("created_at").run()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ReviewModeration.schema).delete()
        try await database.schema(ReviewReport.schema).delete()
        try await database.schema(Review.schema).delete()
    }
}
