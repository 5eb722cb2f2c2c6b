import Community
import FluentKit
import Foundation
import JishiKit

/// A line of the buyer's cart with what the cart page shows about it.
public struct CartLine: Sendable {
    public var item: CartItem
    public var variant: Variant
    public var product: Product
    public var shop: Shop

    /// Whether it can be bought now: listed, its shop open.
    public var isForSale: Bool { product.listed && shop.status == .active }
    public var totalMinor: Int64 { variant.priceMinor * Int64(item.quantity) }
}
