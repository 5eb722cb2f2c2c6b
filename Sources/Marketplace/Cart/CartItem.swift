import Community
import FluentKit
import Foundation

/// One variant in a buyer's cart. A buyer has one cart across every shop.
public final class CartItem: Model, @unchecked Sendable {
    public static let schema = "cart_items"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "buyer_id") public var buyer: Account
    @Parent(key: "variant_id") public var variant: Variant
    @Field(key: "quantity") public var quantity: Int
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(id: UUID, buyerID: UUID, variantID: UUID, quantity: Int, at time: Date) {
        self.id = id
        self.$buyer.id = buyerID
        self.$variant.id = variantID
        self.quantity = quantity
        self.updatedAt = time
    }
}
