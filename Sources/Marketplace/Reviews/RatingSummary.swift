import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// Star means over a window, per dimension, from visible reviews only. Kept as sums so that
/// the means are exact and summaries add up.
public struct RatingSummary: Sendable, Hashable {
    public var count = 0
    public var describedSum = 0
    public var serviceSum = 0
    public var shippingSum = 0

    public init(count: Int = 0, describedSum: Int = 0, serviceSum: Int = 0, shippingSum: Int = 0) {
        self.count = count
        self.describedSum = describedSum
        self.serviceSum = serviceSum
        self.shippingSum = shippingSum
    }

    public var described: Double? { mean(describedSum) }
    public var service: Double? { mean(serviceSum) }
    public var shipping: Double? { mean(shippingSum) }
    /// The mean of the three dimensions.
    public var overall: Double? { mean(describedSum + serviceSum + shippingSum).map { $0 / 3 } }

    private func mean(_ sum: Int) -> Double? { count == 0 ? nil : Double(sum) / Double(count) }
}

extension RatingSummary {
    public mutating func add(_ ratings: Ratings) {
        count += 1
        describedSum += ratings.described
        serviceSum += ratings.service
        shippingSum += ratings.shipping
    }
}
