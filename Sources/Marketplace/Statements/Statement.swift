import Community
import FluentKit
import Foundation
import JishiKit

/// What a shop sold, refunded and owes in commission over a period, and what it is paid.
///
/// Sales count when an order is paid; refunds when the money went back. Commission is each
/// line's total times the rate fixed on the line at the time of sale (half up, in fen); a
/// refund returns the order's commission in proportion to the amount refunded (rounded down,
/// so the platform never returns more than it took).
///
/// Supply orders between shops count when they are paid (with the buyer's payment for a
/// drop-shipped order, when placed for a bulk one) and their credits when given: the producer
/// earns wholesale sales and gives wholesale credits, the reseller bears the same amounts as
/// supply cost and supply credits. Always:
/// `net = sales − refunds − commission + commissionReturned + wholesaleSales − wholesaleCredits
///  − supplyCost + supplyCredits`.
public struct Statement: Sendable, Hashable {
    public var shopID: UUID
    public var from: Date
    public var to: Date
    public var salesMinor: Int64 = 0
    public var refundsMinor: Int64 = 0
    public var commissionMinor: Int64 = 0
    public var commissionReturnedMinor: Int64 = 0
    public var paidOrders = 0
    public var refunds = 0
    public var wholesaleSalesMinor: Int64 = 0
    public var wholesaleCreditsMinor: Int64 = 0
    public var supplyCostMinor: Int64 = 0
    public var supplyCreditsMinor: Int64 = 0

    public var netPayableMinor: Int64 {
        salesMinor - refundsMinor - commissionMinor + commissionReturnedMinor + wholesaleSalesMinor
            - wholesaleCreditsMinor - supplyCostMinor + supplyCreditsMinor
    }
}
