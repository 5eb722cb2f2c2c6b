import FluentKit
import Foundation

/// A producer shop's product opened to resellers, to every shop or only to those it approved.
public final class SourcingOffer: Model, @unchecked Sendable {
    public static let schema = "sourcing_offers"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "product_id") public var product: Product
    @Parent(key: "shop_id") public var shop: Shop
    @Field(key: "audience") public var audience: Audience
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(id: UUID, productID: UUID, shopID: UUID, audience: Audience, at time: Date) {
        self.id = id
        self.$product.id = productID
        self.$shop.id = shopID
        self.audience = audience
        self.updatedAt = time
    }

    public enum Audience: String, Codable, Sendable, CaseIterable {
        /// Any active shop may resell it.
        case everyone
        /// Only shops the producer approved may resell it.
        case approved
    }
}
