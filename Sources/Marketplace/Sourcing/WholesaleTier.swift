import FluentKit
import Foundation

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
