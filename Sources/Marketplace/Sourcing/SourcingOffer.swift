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

/// The wholesale unit price of a producer's variant from `minQuantity` units up. Every offered
/// variant has a tier from 1; larger quantities may be cheaper, never dearer.
public final class WholesaleTier: Model, @unchecked Sendable {
    public static let schema = "wholesale_tiers"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "variant_id") public var variant: Variant
    @Field(key: "min_quantity") public var minQuantity: Int
    @Field(key: "unit_price_minor") public var unitPriceMinor: Int64

    public init() {}

    public init(id: UUID, variantID: UUID, minQuantity: Int, unitPriceMinor: Int64) {
        self.id = id
        self.$variant.id = variantID
        self.minQuantity = minQuantity
        self.unitPriceMinor = unitPriceMinor
    }
}

/// A wholesale price list for one variant: tiers by ascending minimum quantity, the first from 1.
public struct PriceTiers: Sendable, Hashable {
    public struct Tier: Sendable, Hashable {
        public var minQuantity: Int
        public var unitPriceMinor: Int64

        public init(minQuantity: Int, unitPriceMinor: Int64) {
            self.minQuantity = minQuantity
            self.unitPriceMinor = unitPriceMinor
        }
    }

    public private(set) var tiers: [Tier]

    /// Tiers sorted by quantity; `nil` unless the first starts at 1, quantities are distinct
    /// and prices never rise with quantity.
    public init?(_ tiers: [Tier]) {
        let sorted = tiers.sorted { $0.minQuantity < $1.minQuantity }
        guard let first = sorted.first, first.minQuantity == 1 else { return nil }
        for (lower, upper) in zip(sorted, sorted.dropFirst()) {
            guard lower.minQuantity < upper.minQuantity, upper.unitPriceMinor <= lower.unitPriceMinor else {
                return nil
            }
        }
        self.tiers = sorted
    }

    /// The unit price for one unit: the highest, and the floor for any retail price.
    public var basePriceMinor: Int64 { tiers[0].unitPriceMinor }

    /// The unit price when buying `quantity` units.
    public func unitPrice(forQuantity quantity: Int) -> Int64 {
        tiers.last { $0.minQuantity <= quantity }?.unitPriceMinor ?? basePriceMinor
    }
}

/// A reseller shop's standing with a producer shop whose offers are for approved resellers.
public final class ResellerApproval: Model, @unchecked Sendable {
    public static let schema = "reseller_approvals"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "producer_shop_id") public var producer: Shop
    @Parent(key: "reseller_shop_id") public var reseller: Shop
    @Field(key: "status") public var status: Status
    @Field(key: "message") public var message: String
    @Field(key: "requested_by") public var requestedBy: UUID
    @Field(key: "requested_at") public var requestedAt: Date
    @OptionalField(key: "decided_by") public var decidedBy: UUID?
    @OptionalField(key: "decided_at") public var decidedAt: Date?

    public init() {}

    public init(id: UUID, producerID: UUID, resellerID: UUID, message: String, by account: UUID, at time: Date) {
        self.id = id
        self.$producer.id = producerID
        self.$reseller.id = resellerID
        self.status = .requested
        self.message = message
        self.requestedBy = account
        self.requestedAt = time
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        case requested, approved, rejected, revoked
    }
}
