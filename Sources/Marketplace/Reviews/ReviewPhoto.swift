import Community
import FluentKit
import Foundation

/// A photo the buyer added to a review, kept in the ``PhotoStore`` like a product photo.
public final class ReviewPhoto: Model, @unchecked Sendable {
    public static let schema = "review_photos"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "review_id") public var review: Review
    @Field(key: "position") public var position: Int
    @Field(key: "format") public var format: PhotoFormat
    @Field(key: "byte_count") public var byteCount: Int
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(id: UUID, reviewID: UUID, position: Int, format: PhotoFormat, byteCount: Int, at time: Date) {
        self.id = id
        self.$review.id = reviewID
        self.position = position
        self.format = format
        self.byteCount = byteCount
        self.createdAt = time
    }

    /// The photo's file name in the store and in its URL.
    public var fileName: String { (id?.uuidString.lowercased() ?? "") + "." + format.fileExtension }
}
