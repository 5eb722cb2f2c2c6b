import FluentKit
import Foundation

/// What a reseller shop owes a producer shop at wholesale prices: either the supply half of a
/// buyer's order for linked products (`dropShip`: the producer ships straight to the buyer,
/// and its status drives the retail order's), or a bulk wholesale order with no end buyer.
/// It is settled through both shops' statements.
public final class SupplyOrder: Model, @unchecked Sendable {
    public static let schema = "supply_orders"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "producer_shop_id") public var producer: Shop
    @Parent(key: "reseller_shop_id") public var reseller: Shop
    @OptionalParent(key: "retail_order_id") public var retailOrder: Order?
    @Field(key: "kind") public var kind: Kind
    @Field(key: "status") public var status: OrderStatus
    @Field(key: "total_minor") public var totalMinor: Int64
    /// Money the producer has given back to the reseller; never above `totalMinor`.
    @Field(key: "credited_minor") public var creditedMinor: Int64
    @Field(key: "delivery_name") public var deliveryName: String
    @Field(key: "delivery_phone") public var deliveryPhone: String
    @OptionalField(key: "delivery_village_id") public var deliveryVillageID: UUID?
    @Field(key: "delivery_address") public var deliveryAddress: String
    @OptionalField(key: "idempotency_key") public var idempotencyKey: String?
    @Field(key: "placed_by") public var placedBy: UUID
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(
        id: UUID, producerID: UUID, resellerID: UUID, retailOrderID: UUID?, kind: Kind, status: OrderStatus,
        totalMinor: Int64, delivery: DeliveryAddress, idempotencyKey: String?, placedBy: UUID, at time: Date
    ) {
        self.id = id
        self.$producer.id = producerID
        self.$reseller.id = resellerID
        self.$retailOrder.id = retailOrderID
        self.kind = kind
        self.status = status
        self.totalMinor = totalMinor
        self.creditedMinor = 0
        self.deliveryName = delivery.name
        self.deliveryPhone = delivery.phone
        self.deliveryVillageID = delivery.villageID
        self.deliveryAddress = delivery.addressLine
        self.idempotencyKey = idempotencyKey
        self.placedBy = placedBy
        self.createdAt = time
        self.updatedAt = time
    }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case dropShip = "drop_ship"
        case bulk
    }
}
