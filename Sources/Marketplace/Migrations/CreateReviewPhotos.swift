import FluentKit
import Persistence

/// Photos on reviews.
public struct CreateReviewPhotos: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(ReviewPhoto.schema)
            .id()
            .field("review_id", .uuid, .required, .references(Review.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("format", .string, .required)
            .field("byte_count", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql().create(index: "review_photos_review_idx").on(ReviewPhoto.schema)
            .column("review_id").run()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ReviewPhoto.schema).delete()
    }
}
