import FluentKit
import Foundation

/// A recorded transition of an order: who moved it, when, why.
public final class OrderEvent: Model, @unchecked Sendable {
    public static let schema = "order_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "order_id") public var order: Order
    @OptionalField(key: "from_status") public var from: OrderStatus?
    @Field(key: "to_status") public var to: OrderStatus
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "reason") public var reason: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(id: UUID, orderID: UUID, from: OrderStatus?, to: OrderStatus, actorID: UUID?, reason: String, at: Date)
    {
        self.id = id
        self.$order.id = orderID
        self.from = from
        self.to = to
        self.actorID = actorID
        self.reason = reason
        self.at = at
    }
}
