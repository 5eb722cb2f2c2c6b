import FluentKit
import Foundation

/// Money a producer gives back to a reseller on a supply order: its share of a buyer's refund,
/// the whole of a cancelled paid order, or a credit the producer grants on a bulk order.
public final class SupplyCredit: Model, @unchecked Sendable {
    public static let schema = "supply_credits"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "supply_order_id") public var supplyOrder: SupplyOrder
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "reason") public var reason: String
    /// The buyer's refund this follows, if any; unique, so a refund credits once.
    @OptionalField(key: "retail_refund_id") public var retailRefundID: UUID?
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "at") public var at: Date

    public init() {}

    public init(
        id: UUID, supplyOrderID: UUID, amountMinor: Int64, reason: String, retailRefundID: UUID?, actorID: UUID?,
        at time: Date
    ) {
        self.id = id
        self.$supplyOrder.id = supplyOrderID
        self.amountMinor = amountMinor
        self.reason = reason
        self.retailRefundID = retailRefundID
        self.actorID = actorID
        self.at = time
    }
}
