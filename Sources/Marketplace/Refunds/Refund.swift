import FluentKit
import Foundation

/// Money going back to a buyer for (part of) an order: the after-sales flow
/// `requested → approved → (goods returned →) refunded`, or `requested → rejected`.
public final class Refund: Model, @unchecked Sendable {
    public static let schema = "refunds"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "order_id") public var order: Order
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "reason") public var reason: String
    /// Whether the goods must come back before the money does.
    @Field(key: "requires_return") public var requiresReturn: Bool
    @Field(key: "status") public var status: Status
    @Field(key: "requested_by") public var requestedBy: UUID
    @Field(key: "requested_at") public var requestedAt: Date
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalField(key: "refunded_at") public var refundedAt: Date?
    @OptionalField(key: "provider_reference") public var providerReference: String?

    public init() {}

    public init(
        id: UUID, orderID: UUID, amountMinor: Int64, reason: String, requiresReturn: Bool, requestedBy: UUID,
        at time: Date
    ) {
        self.id = id
        self.$order.id = orderID
        self.amountMinor = amountMinor
        self.reason = reason
        self.requiresReturn = requiresReturn
        self.status = .requested
        self.requestedBy = requestedBy
        self.requestedAt = time
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        case requested, approved, rejected
        case goodsReturned = "goods_returned"
        case refunded
    }
}
