import Community
import FluentKit
import Foundation
import JishiKit

/// A place in the county network where parcels wait or change hands.
public final class NetworkNode: Model, @unchecked Sendable {
    public static let schema = "network_nodes"

    @ID(key: .id) public var id: UUID?
    /// Stable and printable (`HUB-371799`, `STA-371799101201`); unique.
    @Field(key: "code") public var code: String
    @Field(key: "kind") public var kind: Kind
    @Field(key: "name") public var name: String
    /// The village a station or pickup point serves; the hub's and depots' own village, if any.
    @OptionalParent(key: "village_id") public var village: Village?
    /// The town a depot serves, and every other node's town.
    @Parent(key: "town_id") public var town: Town
    @Field(key: "latitude") public var latitude: Double
    @Field(key: "longitude") public var longitude: Double
    /// Opening hours, minutes after midnight (Beijing time).
    @Field(key: "opens_at") public var opensAt: Int
    @Field(key: "closes_at") public var closesAt: Int
    /// How many parcels its shelves hold.
    @Field(key: "shelf_capacity") public var shelfCapacity: Int
    /// Who runs it: the logistics centre, a station's agent, a grocery's owner.
    @Field(key: "operator_name") public var operatorName: String
    @Field(key: "active") public var active: Bool

    public init() {}

    public init(
        id: UUID? = nil, code: String, kind: Kind, name: String, villageID: UUID?, townID: UUID, location: GeoPoint,
        hours: OpeningHours, shelfCapacity: Int, operatorName: String, active: Bool = true
    ) {
        self.id = id
        self.code = code
        self.kind = kind
        self.name = name
        self.$village.id = villageID
        self.$town.id = townID
        self.latitude = location.latitude
        self.longitude = location.longitude
        self.opensAt = hours.opens
        self.closesAt = hours.closes
        self.shelfCapacity = shelfCapacity
        self.operatorName = operatorName
        self.active = active
    }

    public var location: GeoPoint { GeoPoint(latitude: latitude, longitude: longitude) }
    public var hours: OpeningHours { OpeningHours(opens: opensAt, closes: closesAt) }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The county's joint sorting centre: every run starts and ends here.
        case countyHub = "county_hub"
        case townDepot = "town_depot"
        /// A village service station (农村淘宝服务站), run by an agent.
        case villageStation = "village_station"
        /// A grocery or shop that holds parcels for a village.
        case pickupPoint = "pickup_point"

        /// Whether the node serves one village (and so must name it).
        public var servesAVillage: Bool { self == .villageStation || self == .pickupPoint }
    }
}

/// When a node takes and hands out parcels: from `opens` to `closes`, minutes after midnight.
public struct OpeningHours: Hashable, Sendable, Codable {
    public var opens: Int
    public var closes: Int

    public init(opens: Int, closes: Int) {
        self.opens = opens
        self.closes = closes
    }

    /// Valid hours: within one day, opening before closing.
    public var isValid: Bool { (0..<24 * 60).contains(opens) && opens < closes && closes <= 24 * 60 }

    /// "08:00–18:00".
    public var text: String { Self.clock(opens) + "–" + Self.clock(closes) }

    public static func clock(_ minutes: Int) -> String {
        let hours = String(minutes / 60)
        let rest = String(minutes % 60)
        return String(repeating: "0", count: 2 - hours.count) + hours + ":"
            + String(repeating: "0", count: 2 - rest.count)
            + rest
    }

    /// Minutes after midnight from "08:00" or "8:30"; `nil` for anything else.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), parts[1].count == 2,
            (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 24 * 60
        else { return nil }
        return hours * 60 + minutes
    }
}
