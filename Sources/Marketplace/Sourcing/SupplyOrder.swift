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

/// One producer variant in a supply order, at the wholesale tier price for its quantity.
public final class SupplyOrderLine: Model, @unchecked Sendable {
    public static let schema = "supply_order_lines"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "supply_order_id") public var supplyOrder: SupplyOrder
    @Parent(key: "variant_id") public var variant: Variant
    @OptionalField(key: "retail_line_id") public var retailLineID: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "sku") public var sku: String
    @Field(key: "unit_price_minor") public var unitPriceMinor: Int64
    @Field(key: "quantity") public var quantity: Int

    public init() {}

    public init(
        id: UUID, supplyOrderID: UUID, variantID: UUID, retailLineID: UUID?, title: String, sku: String,
        unitPriceMinor: Int64, quantity: Int
    ) {
        self.id = id
        self.$supplyOrder.id = supplyOrderID
        self.$variant.id = variantID
        self.retailLineID = retailLineID
        self.title = title
        self.sku = sku
        self.unitPriceMinor = unitPriceMinor
        self.quantity = quantity
    }

    public var totalMinor: Int64 { unitPriceMinor * Int64(quantity) }
}

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
