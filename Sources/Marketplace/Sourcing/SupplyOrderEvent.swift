import FluentKit
import Foundation

/// A supply order's state change, with who made it and why.
public final class SupplyOrderEvent: Model, @unchecked Sendable {
    public static let schema = "supply_order_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "supply_order_id") public var supplyOrder: SupplyOrder
    @OptionalField(key: "from_status") public var from: OrderStatus?
    @Field(key: "to_status") public var to: OrderStatus
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "reason") public var reason: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(
        id: UUID, supplyOrderID: UUID, from: OrderStatus?, to: OrderStatus, actorID: UUID?, reason: String,
        at time: Date
    ) {
        self.id = id
        self.$supplyOrder.id = supplyOrderID
        self.from = from
        self.to = to
        self.actorID = actorID
        self.reason = reason
        self.at = time
    }
}
