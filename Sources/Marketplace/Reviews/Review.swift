import Community
import FluentKit
import Foundation

/// A buyer's review of one order line: three star ratings, text, and the shop's one reply.
/// `order_line_id` is unique, so a line is reviewed at most once. A hidden review stays in
/// the table (for audit) but counts in no rating and shows on no page.
public final class Review: Model, @unchecked Sendable {
    public static let schema = "reviews"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "order_line_id") public var orderLine: OrderLine
    @Parent(key: "order_id") public var order: Order
    @Parent(key: "product_id") public var product: Product
    @Parent(key: "shop_id") public var shop: Shop
    @Parent(key: "buyer_id") public var buyer: Account
    /// Item as described, 1–5.
    @Field(key: "described") public var described: Int
    /// Service, 1–5.
    @Field(key: "service") public var service: Int
    /// Shipping speed, 1–5.
    @Field(key: "shipping") public var shipping: Int
    @Field(key: "text") public var text: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "reply") public var reply: String?
    @OptionalField(key: "replied_at") public var repliedAt: Date?
    @OptionalField(key: "replied_by") public var repliedBy: UUID?
    @Field(key: "hidden") public var hidden: Bool
    @Field(key: "report_count") public var reportCount: Int

    public init() {}

    public init(
        id: UUID, line: OrderLine, order: Order, productID: UUID, ratings: Ratings, text: String, at time: Date
    ) throws {
        self.id = id
        self.$orderLine.id = try line.requireID()
        self.$order.id = try order.requireID()
        self.$product.id = productID
        self.$shop.id = order.$shop.id
        self.$buyer.id = order.$buyer.id
        self.described = ratings.described
        self.service = ratings.service
        self.shipping = ratings.shipping
        self.text = text
        self.createdAt = time
        self.hidden = false
        self.reportCount = 0
    }

    public var ratings: Ratings { Ratings(described: described, service: service, shipping: shipping) }
}

/// Stars on the three dimensions buyers rate.
public struct Ratings: Sendable, Hashable, Codable {
    public var described: Int
    public var service: Int
    public var shipping: Int

    public init(described: Int, service: Int, shipping: Int) {
        self.described = described
        self.service = service
        self.shipping = shipping
    }
}

/// Someone's report that a review breaks the rules; one per account and review.
public final class ReviewReport: Model, @unchecked Sendable {
    public static let schema = "review_reports"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "review_id") public var review: Review
    @Field(key: "reporter_id") public var reporterID: UUID
    @Field(key: "reason") public var reason: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(id: UUID, reviewID: UUID, reporterID: UUID, reason: String, at: Date) {
        self.id = id
        self.$review.id = reviewID
        self.reporterID = reporterID
        self.reason = reason
        self.at = at
    }
}

/// A moderator hid or restored a review, with a reason: kept for audit.
public final class ReviewModeration: Model, @unchecked Sendable {
    public static let schema = "review_moderations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "review_id") public var review: Review
    @Field(key: "hidden") public var hidden: Bool
    @Field(key: "actor_id") public var actorID: UUID
    @Field(key: "reason") public var reason: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(id: UUID, reviewID: UUID, hidden: Bool, actorID: UUID, reason: String, at: Date) {
        self.id = id
        self.$review.id = reviewID
        self.hidden = hidden
        self.actorID = actorID
        self.reason = reason
        self.at = at
    }
}

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
