import FluentKit
import Foundation

/// Goods a villager brought back to the counter: the refund asked of the shop (with the goods
/// to return) and the parcel that carries them back. The cash refund comes out of the drawer
/// when the shop confirms the goods arrived (the marketplace's refund, through `CashDesk`).
public final class CounterReturn: Model, @unchecked Sendable {
    public static let schema = "counter_returns"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "order_id") public var orderID: UUID
    @OptionalField(key: "villager_id") public var villagerID: UUID?
    @Field(key: "refund_id") public var refundID: UUID
    @OptionalField(key: "parcel_id") public var parcelID: UUID?
    @Field(key: "taken_by") public var takenBy: UUID
    @Field(key: "idempotency_key") public var idempotencyKey: String
    @Field(key: "at") public var at: Date

    public init() {}

    init(
        id: UUID, stationID: UUID, orderID: UUID, villagerID: UUID?, refundID: UUID, parcelID: UUID?, takenBy: UUID,
        idempotencyKey: String, at: Date
    ) {
        self.id = id
        self.stationID = stationID
        self.orderID = orderID
        self.villagerID = villagerID
        self.refundID = refundID
        self.parcelID = parcelID
        self.takenBy = takenBy
        self.idempotencyKey = idempotencyKey
        self.at = at
    }
}
