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
