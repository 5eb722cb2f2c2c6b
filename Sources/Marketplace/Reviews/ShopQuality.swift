import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// A shop's quality as the insights pages and alerts read it.
public struct ShopQuality: Sendable {
    public var rating: RatingSummary
    /// Paid orders in the window, and how many of them got money back (in part or whole).
    public var paidOrders: Int
    public var refundedOrders: Int
    public var refundRate: Double? { paidOrders == 0 ? nil : Double(refundedOrders) / Double(paidOrders) }
    /// Month by month (`yyyy-MM`, oldest first), the visible reviews' summary.
    public var trend: [(month: String, rating: RatingSummary)]
}
