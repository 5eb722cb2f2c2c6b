import Community
import FluentKit
import Foundation
import JishiKit

/// How fast a road is driven, by its class (km/h). A feature may give a `speed_kmh` instead.
public enum SpeedClass: String, Codable, Sendable, CaseIterable {
    case expressway
    case national
    case provincial
    case county
    case village
    case track

    public var kmh: Double {
        switch self {
        case .expressway: 100
        case .national: 70
        case .provincial: 60
        case .county: 50
        case .village: 30
        case .track: 20
        }
    }
}

/// One imported road feature (a LineString, or a MultiLineString's lines): its positions, its
/// speed and name. The county's segments are replaced whole on each import.
public final class RoadSegment: Model, @unchecked Sendable {
    public static let schema = "road_segments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "county_id") public var county: County
    /// The feature's place in the imported file, from 0.
    @Field(key: "position") public var position: Int
    @OptionalField(key: "name") public var name: String?
    /// `nil` when the feature gave only a `speed_kmh`.
    @OptionalField(key: "speed_class") public var speedClass: SpeedClass?
    @Field(key: "speed_kmh") public var speedKmh: Double
    /// `true` for a MultiLineString.
    @Field(key: "multi") public var multi: Bool
    /// The lines as JSON `[[[lon, lat], …], …]`.
    @Field(key: "coordinates") public var coordinates: String

    public init() {}

    public init(
        id: UUID? = nil, countyID: UUID, position: Int, name: String?, speedClass: SpeedClass?, speedKmh: Double,
        multi: Bool, lines: [[GeoPoint]]
    ) {
        self.id = id
        self.$county.id = countyID
        self.position = position
        self.name = name
        self.speedClass = speedClass
        self.speedKmh = speedKmh
        self.multi = multi
        self.coordinates = Self.encode(lines)
    }

    /// The lines, as stored.
    public var lines: [[GeoPoint]] {
        guard let raw = try? JSONDecoder().decode([[[Double]]].self, from: Data(coordinates.utf8)) else { return [] }
        return raw.map { line in
            line.compactMap { $0.count >= 2 ? GeoPoint(latitude: $0[1], longitude: $0[0]) : nil }
        }
    }

    static func encode(_ lines: [[GeoPoint]]) -> String {
        let raw = lines.map { line in line.map { [$0.longitude, $0.latitude] } }
        return String(decoding: (try? JSONEncoder().encode(raw)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

/// A county's road network as a whole: its version (bumped by every import, so cached travel
/// times made before are stale) and the fallback a county admin sets for trips off the roads.
public final class RoadNetworkRecord: Model, @unchecked Sendable {
    public static let schema = "road_networks"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "county_id") public var county: County
    @Field(key: "version") public var version: Int
    @Field(key: "segment_count") public var segmentCount: Int
    /// How much longer than the straight line a trip without roads is; `nil`: the service's default.
    @OptionalField(key: "circuity") public var circuity: Double?
    /// The speed of such a trip; `nil`: the service's default.
    @OptionalField(key: "fallback_speed_kmh") public var fallbackSpeedKmh: Double?
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(
        id: UUID? = nil, countyID: UUID, version: Int, segmentCount: Int, circuity: Double?,
        fallbackSpeedKmh: Double?, updatedAt: Date
    ) {
        self.id = id
        self.$county.id = countyID
        self.version = version
        self.segmentCount = segmentCount
        self.circuity = circuity
        self.fallbackSpeedKmh = fallbackSpeedKmh
        self.updatedAt = updatedAt
    }
}
