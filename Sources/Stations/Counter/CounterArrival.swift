import FluentKit
import Foundation

/// The agent's side of a parcel's arrival: the courier left it at the station (the custody
/// hand-over), the agent confirms it is there and where on the shelf it waits.
public final class CounterArrival: Model, @unchecked Sendable {
    public static let schema = "counter_arrivals"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "parcel_id") public var parcelID: UUID
    /// Where it waits: a shelf and a place ("A-03").
    @Field(key: "shelf") public var shelf: String
    @Field(key: "confirmed_by") public var confirmedBy: UUID
    @Field(key: "confirmed_at") public var confirmedAt: Date

    public init() {}

    init(id: UUID, stationID: UUID, parcelID: UUID, shelf: String, confirmedBy: UUID, at: Date) {
        self.id = id
        self.stationID = stationID
        self.parcelID = parcelID
        self.shelf = shelf
        self.confirmedBy = confirmedBy
        self.confirmedAt = at
    }
}
