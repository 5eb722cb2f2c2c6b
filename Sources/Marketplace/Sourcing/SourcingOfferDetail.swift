import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// A producer's product as resellers see it: the offer, the product, the producing shop, and
/// each offered variant with its wholesale tiers and the producer's stock.
public struct SourcingOfferDetail: Sendable {
    public var offer: SourcingOffer
    public var product: Product
    public var producer: Shop
    public var variants: [(variant: Variant, tiers: PriceTiers)]
}
