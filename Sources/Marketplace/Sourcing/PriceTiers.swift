import FluentKit
import Foundation

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
