import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// The county's roads from a GeoJSON FeatureCollection of LineString and MultiLineString
/// features, each with `properties.speed_class` (see `SpeedClass`) or a numeric
/// `properties.speed_kmh`, and optionally `properties.name`. Two optional members of the
/// collection set the fallback for trips the roads do not serve: `circuity` (1 to 3) and
/// `fallback_speed_kmh` (5 to 120).
///
/// The whole file is checked first; with any bad feature nothing is written and every bad
/// feature and field is named. A good file replaces the county's network in one transaction and
/// empties the travel-time cache.
public struct RoadImport: Sendable {
    public static let maxFeatures = 50_000
    public static let maxPositionsPerFeature = 20_000
    public static let circuities = 1.0...3.0
    public static let fallbackSpeeds = 5.0...120.0
    public static let speeds = 5.0...130.0

    public let dependencies: Dependencies

    public init(dependencies: Dependencies = .live) {
        self.dependencies = dependencies
    }

    /// One thing wrong with the file: the feature (its index from 0; `nil` for the collection
    /// itself) and the field, such as `properties.speed_class` or `geometry.coordinates`.
    public struct FeatureError: Error, Hashable, Sendable, CustomStringConvertible {
        public var feature: Int?
        public var field: String
        public var message: String

        public init(feature: Int?, field: String, message: String) {
            self.feature = feature
            self.field = field
            self.message = message
        }

        /// The field as a problem names it: `features[3].properties.speed_class`.
        public var path: String { feature.map { "features[\($0)]." + field } ?? field }

        public var description: String {
            (feature.map { "feature \($0), " } ?? "") + field + ": " + message
        }
    }

    /// The file was refused; nothing was written.
    public struct Refused: Error, Sendable, CustomStringConvertible {
        public var errors: [FeatureError]
        public var description: String { errors.map(\.description).joined(separator: "\n") }

        /// The first error as a `400` problem naming its field.
        public var problem: Problem {
            let first = errors.first ?? FeatureError(feature: nil, field: "body", message: "Not a road network.")
            let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
            return Problem.validation(first.path, first.description + more)
        }
    }

    /// A checked feature.
    public struct Feature: Sendable, Hashable {
        public var name: String?
        public var speedClass: SpeedClass?
        public var speedKmh: Double
        public var multi: Bool
        public var lines: [[GeoPoint]]

        public init(name: String?, speedClass: SpeedClass?, speedKmh: Double? = nil, multi: Bool, lines: [[GeoPoint]]) {
            self.name = name
            self.speedClass = speedClass
            self.speedKmh = speedKmh ?? speedClass?.kmh ?? SpeedClass.village.kmh
            self.multi = multi
            self.lines = lines
        }
    }

    /// A checked file: its features and the fallback it sets.
    public struct Network: Sendable, Hashable {
        public var features: [Feature]
        public var circuity: Double?
        public var fallbackSpeedKmh: Double?

        public init(features: [Feature], circuity: Double? = nil, fallbackSpeedKmh: Double? = nil) {
            self.features = features
            self.circuity = circuity
            self.fallbackSpeedKmh = fallbackSpeedKmh
        }
    }

    public struct Outcome: Hashable, Sendable {
        public var features: Int
        public var lines: Int
        public var version: Int
    }

    /// Checks the file and replaces the county's network, or throws `Refused`. `countyID`:
    /// the county whose roads these are (by default the only county in the database).
    public func run(_ data: Data, countyID: UUID? = nil, on database: any Database) async throws -> Outcome {
        let network = try Self.parse(data)
        return try await replace(with: network, countyID: countyID, on: database)
    }

    /// Replaces the county's network with `network` in one transaction, emptying the cache.
    public func replace(with network: Network, countyID: UUID? = nil, on database: any Database) async throws
        -> Outcome
    {
        let county = try await Self.county(countyID, on: database)
        let dependencies = self.dependencies
        return try await database.transaction { db in
            try await RoadSegment.query(on: db).filter(\.$county.$id == county).delete()
            for chunk in stride(from: 0, to: network.features.count, by: 200) {
                let segments = network.features[chunk..<min(chunk + 200, network.features.count)].enumerated().map {
                    offset, feature in
                    RoadSegment(
                        id: dependencies.uuid(), countyID: county, position: chunk + offset, name: feature.name,
                        speedClass: feature.speedClass, speedKmh: feature.speedKmh, multi: feature.multi,
                        lines: feature.lines)
                }
                try await segments.create(on: db)
            }
            let record =
                try await RoadNetworkRecord.query(on: db).filter(\.$county.$id == county).first()
                ?? RoadNetworkRecord(
                    id: dependencies.uuid(), countyID: county, version: 0, segmentCount: 0, circuity: nil,
                    fallbackSpeedKmh: nil, updatedAt: dependencies.now())
            record.version += 1
            record.segmentCount = network.features.count
            record.circuity = network.circuity
            record.fallbackSpeedKmh = network.fallbackSpeedKmh
            record.updatedAt = dependencies.now()
            try await record.save(on: db)
            try await RoadService.clearCache(on: db)
            return Outcome(
                features: network.features.count, lines: network.features.reduce(0) { $0 + $1.lines.count },
                version: record.version)
        }
    }

    /// The county whose roads `principal` manages: an admin, or a dispatcher whose scope
    /// reaches the county; a `403` otherwise.
    public static func requireManager(_ principal: Principal, countyID: UUID? = nil, on database: any Database)
        async throws -> UUID
    {
        let county: UUID
        do {
            county = try await Self.county(countyID, on: database)
        } catch let refused as Refused {
            throw refused.problem
        }
        let place = Place(countyID: county)
        if Authorization.may(principal, .manageGeography, .place(place)) { return county }
        try Authorization.require(principal, .dispatch, .place(place))
        return county
    }

    /// The county `id`, or the only county there is.
    static func county(_ id: UUID?, on database: any Database) async throws -> UUID {
        if let id {
            guard try await County.find(id, on: database) != nil else {
                throw Problem.notFound("The county", field: "county")
            }
            return id
        }
        let counties = try await County.query(on: database).limit(2).all()
        guard counties.count == 1, let county = counties.first?.id else {
            throw Refused(errors: [
                FeatureError(
                    feature: nil, field: "county",
                    message: counties.isEmpty ? "The database has no county yet." : "Name the county.")
            ])
        }
        return county
    }

    /// The county's network as GeoJSON, as it was imported (positions as `[lon, lat]`).
    public static func export(countyID: UUID? = nil, on database: any Database) async throws -> Data {
        let county = try await county(countyID, on: database)
        let record = try await RoadNetworkRecord.query(on: database).filter(\.$county.$id == county).first()
        let segments = try await RoadSegment.query(on: database).filter(\.$county.$id == county).sort(\.$position)
            .all()
        var text = #"{"type":"FeatureCollection""#
        if let circuity = record?.circuity { text += #","circuity":\#(circuity)"# }
        if let speed = record?.fallbackSpeedKmh { text += #","fallback_speed_kmh":\#(speed)"# }
        text += #","features":["#
        let encoder = JSONEncoder()
        for (index, segment) in segments.enumerated() {
            if index > 0 { text += "," }
            var properties = #"{"speed_kmh":\#(segment.speedKmh)"#
            if let speedClass = segment.speedClass { properties += #","speed_class":"\#(speedClass.rawValue)""# }
            if let name = segment.name {
                properties += #","name":"# + String(decoding: try encoder.encode(name), as: UTF8.self)
            }
            properties += "}"
            // The stored coordinates are JSON already: `[[[lon, lat], …], …]`.
            let coordinates: String
            if segment.multi {
                coordinates = segment.coordinates
            } else {
                coordinates = String(segment.coordinates.dropFirst().dropLast())
            }
            text +=
                #"{"type":"Feature","properties":\#(properties),"geometry":{"type":"\#(segment.multi ? "MultiLineString" : "LineString")","coordinates":\#(coordinates)}}"#
        }
        text += "]}"
        return Data(text.utf8)
    }
}

extension RoadImport {
    /// A JSON value, as decoded without Foundation's number/boolean confusion.
    enum JSON: Decodable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSON])
        case object([String: JSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([JSON].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: JSON].self))
            }
        }

        subscript(_ key: String) -> JSON? {
            if case .object(let members) = self { return members[key] }
            return nil
        }

        var number: Double? {
            if case .number(let value) = self, value.isFinite { return value }
            return nil
        }
    }

    /// Checks the whole file: every bad feature and field, or the network.
    public static func parse(_ data: Data) throws -> Network {
        let root: JSON
        do {
            root = try JSONDecoder().decode(JSON.self, from: data)
        } catch {
            throw Refused(errors: [FeatureError(feature: nil, field: "body", message: "The file is not JSON.")])
        }
        var errors: [FeatureError] = []
        guard case .object = root, case .string("FeatureCollection")? = root["type"] else {
            throw Refused(errors: [
                FeatureError(feature: nil, field: "type", message: "The file must be a GeoJSON FeatureCollection.")
            ])
        }
        guard case .array(let items)? = root["features"] else {
            throw Refused(errors: [
                FeatureError(feature: nil, field: "features", message: "A FeatureCollection lists its features.")
            ])
        }
        guard items.count <= maxFeatures else {
            throw Refused(errors: [
                FeatureError(feature: nil, field: "features", message: "At most \(maxFeatures) features.")
            ])
        }
        var circuity: Double?
        if let value = root["circuity"], value != .null {
            circuity = value.number
            if circuity.map({ !circuities.contains($0) }) ?? true {
                errors.append(FeatureError(feature: nil, field: "circuity", message: "A number from 1 to 3."))
            }
        }
        var fallback: Double?
        if let value = root["fallback_speed_kmh"], value != .null {
            fallback = value.number
            if fallback.map({ !fallbackSpeeds.contains($0) }) ?? true {
                errors.append(
                    FeatureError(feature: nil, field: "fallback_speed_kmh", message: "A number from 5 to 120 (km/h)."))
            }
        }
        var features: [Feature] = []
        for (index, item) in items.enumerated() {
            func fail(_ field: String, _ message: String) {
                errors.append(FeatureError(feature: index, field: field, message: message))
            }
            guard case .object = item else {
                fail("type", "A feature is a JSON object.")
                continue
            }
            let before = errors.count
            if item["type"] != .string("Feature") { fail("type", "Write \"type\": \"Feature\".") }
            // Properties: the speed and an optional name.
            var speedClass: SpeedClass?
            var speed: Double?
            var name: String?
            let properties = item["properties"] ?? .null
            if case .object = properties {
                if let raw = properties["speed_kmh"], raw != .null {
                    speed = raw.number
                    if speed.map({ !speeds.contains($0) }) ?? true {
                        fail("properties.speed_kmh", "A number from 5 to 130 (km/h).")
                    }
                }
                switch properties["speed_class"] {
                case .string(let raw)?:
                    speedClass = SpeedClass(rawValue: raw)
                    if speedClass == nil {
                        fail(
                            "properties.speed_class",
                            "\"\(raw.prefix(40))\" is not a speed class: use "
                                + SpeedClass.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                    }
                case nil, .null?:
                    if speed == nil, properties["speed_kmh"] == nil {
                        fail("properties.speed_class", "Give a speed class (or a speed_kmh).")
                    }
                default:
                    fail("properties.speed_class", "A speed class is a string.")
                }
                switch properties["name"] {
                case .string(let raw)?:
                    let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                    if trimmed.count > 60 || TextRule.forbiddenScalar(in: trimmed) != nil {
                        fail("properties.name", "At most 60 characters, no control characters.")
                    } else if !trimmed.isEmpty {
                        name = trimmed
                    }
                case nil, .null?: break
                default: fail("properties.name", "A name is a string.")
                }
            } else {
                fail("properties", "Give the feature's properties, with its speed_class.")
            }
            // Geometry: a LineString or a MultiLineString of 2 or more valid positions per line.
            var lines: [[GeoPoint]] = []
            var multi = false
            let geometry = item["geometry"] ?? .null
            if case .object = geometry {
                let coordinates = geometry["coordinates"] ?? .null
                switch geometry["type"] {
                case .string("LineString")?:
                    if let line = Self.line(coordinates, field: "geometry.coordinates", fail) { lines = [line] }
                case .string("MultiLineString")?:
                    multi = true
                    if case .array(let parts) = coordinates, !parts.isEmpty {
                        for (part, raw) in parts.enumerated() {
                            if let line = Self.line(raw, field: "geometry.coordinates[\(part)]", fail) {
                                lines.append(line)
                            }
                        }
                    } else {
                        fail("geometry.coordinates", "A MultiLineString lists one or more lines.")
                    }
                case .string(let other)?:
                    fail("geometry.type", "\"\(other.prefix(40))\" is not a road: use LineString or MultiLineString.")
                default:
                    fail("geometry.type", "Write LineString or MultiLineString.")
                }
                if lines.reduce(0, { $0 + $1.count }) > maxPositionsPerFeature {
                    fail("geometry.coordinates", "At most \(maxPositionsPerFeature) positions per feature.")
                }
            } else {
                fail("geometry", "A road has a LineString or MultiLineString geometry.")
            }
            guard errors.count == before else { continue }
            features.append(Feature(name: name, speedClass: speedClass, speedKmh: speed, multi: multi, lines: lines))
        }
        guard errors.isEmpty else { throw Refused(errors: errors) }
        return Network(features: features, circuity: circuity, fallbackSpeedKmh: fallback)
    }

    /// A line's positions (`[lon, lat]` or `[lon, lat, altitude]`), at least two; reports the
    /// first bad position.
    private static func line(_ value: JSON, field: String, _ fail: (String, String) -> Void) -> [GeoPoint]? {
        guard case .array(let positions) = value else {
            fail(field, "A line is an array of [longitude, latitude] positions.")
            return nil
        }
        guard positions.count >= 2 else {
            fail(field, "A line has at least 2 positions.")
            return nil
        }
        var points: [GeoPoint] = []
        for (index, position) in positions.enumerated() {
            guard case .array(let numbers) = position, (2...3).contains(numbers.count),
                let longitude = numbers[0].number, let latitude = numbers[1].number
            else {
                fail(field, "Position \(index) is not [longitude, latitude].")
                return nil
            }
            let point = GeoPoint(latitude: latitude, longitude: longitude)
            guard point.isValid else {
                fail(field, "Position \(index) is out of range: longitude -180 to 180, latitude -90 to 90.")
                return nil
            }
            points.append(point)
        }
        return points
    }
}

extension RoadImport.JSON: Equatable {}
