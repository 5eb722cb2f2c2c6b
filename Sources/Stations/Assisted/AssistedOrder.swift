import FluentKit
import Foundation

/// A checkout an agent made at the counter for a villager: delivered to the station and paid
/// there in cash. One per checkout.
public final class AssistedOrder: Model, @unchecked Sendable {
    public static let schema = "assisted_orders"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "villager_id") public var villagerID: UUID
    @Field(key: "agent_id") public var agentID: UUID
    @Field(key: "checkout_id") public var checkoutID: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    init(id: UUID, stationID: UUID, villagerID: UUID, agentID: UUID, checkoutID: UUID, at: Date) {
        self.id = id
        self.stationID = stationID
        self.villagerID = villagerID
        self.agentID = agentID
        self.checkoutID = checkoutID
        self.createdAt = at
    }
}
