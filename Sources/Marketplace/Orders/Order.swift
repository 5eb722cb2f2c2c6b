import Community
import FluentKit
import Foundation

/// One shop's part of a checkout.
public final class Order: Model, @unchecked Sendable {
    public static let schema = "orders"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "checkout_id") public var checkout: Checkout
    @Parent(key: "shop_id") public var shop: Shop
    @Parent(key: "buyer_id") public var buyer: Account
    @Field(key: "status") public var status: OrderStatus
    @Field(key: "total_minor") public var totalMinor: Int64
    /// Money promised back by refunds that are not rejected; never above `totalMinor`.
    @Field(key: "refund_reserved_minor") public var refundReservedMinor: Int64
    @Field(key: "delivery_name") public var deliveryName: String
    @Field(key: "delivery_phone") public var deliveryPhone: String
    @OptionalField(key: "delivery_village_id") public var deliveryVillageID: UUID?
    @Field(key: "delivery_address") public var deliveryAddress: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    /// How it was sent, once shipped (`Carrier`'s raw value).
    @OptionalField(key: "shipping_carrier") public var shippingCarrier: String?
    @OptionalField(key: "tracking_number") public var trackingNumber: String?
    @Children(for: \.$order) public var lines: [OrderLine]
    @Children(for: \.$order) public var events: [OrderEvent]

    public init() {}

    public init(
        id: UUID, checkoutID: UUID, shopID: UUID, buyerID: UUID, totalMinor: Int64, delivery: DeliveryAddress,
        at time: Date
    ) {
        self.id = id
        self.$checkout.id = checkoutID
        self.$shop.id = shopID
        self.$buyer.id = buyerID
        self.status = .pendingPayment
        self.totalMinor = totalMinor
        self.refundReservedMinor = 0
        self.deliveryName = delivery.name
        self.deliveryPhone = delivery.phone
        self.deliveryVillageID = delivery.villageID
        self.deliveryAddress = delivery.addressLine
        self.createdAt = time
        self.updatedAt = time
    }

    /// How it travels, once the shop has said.
    public var shipment: Shipment? {
        shippingCarrier.flatMap(Carrier.init(rawValue:)).map { Shipment(carrier: $0, trackingNumber: trackingNumber) }
    }
}
