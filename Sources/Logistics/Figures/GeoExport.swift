import Community
import FluentKit
import Foundation
import JishiKit

/// The network and a day's runs as GeoJSON (RFC 7946: positions `[longitude, latitude]`),
/// for any GIS.
public enum GeoExport {
    /// A GeoJSON value built from plain parts, encoded with its keys sorted.
    enum Value: Encodable {
        case string(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case null
        case array([Value])
        case object([String: Value])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .int(let value): try container.encode(value)
            case .double(let value): try container.encode(value)
            case .bool(let value): try container.encode(value)
            case .null: try container.encodeNil()
            case .array(let values): try container.encode(values)
            case .object(let members): try container.encode(members)
            }
        }
    }

    static func position(_ point: GeoPoint) -> Value {
        // Seven decimals: about a centimetre.
        .array([
            .double((point.longitude * 1e7).rounded() / 1e7), .double((point.latitude * 1e7).rounded() / 1e7),
        ])
    }

    static func feature(_ geometry: String, _ coordinates: Value, _ properties: [String: Value]) -> Value {
        .object([
            "type": .string("Feature"),
            "geometry": .object(["type": .string(geometry), "coordinates": coordinates]),
            "properties": .object(properties),
        ])
    }

    static func collection(_ features: [Value]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Value.object(["type": .string("FeatureCollection"), "features": .array(features)]))
    }

    /// Every node as a Point (`code`, `kind`, `name`, `villageCode`, `active`) and every road
    /// line as a LineString (`name`, `speedKmh`, `speedClass`).
    public static func network(on database: any Database) async throws -> Data {
        let nodes = try await NetworkNode.query(on: database).with(\.$village).sort(\.$code).all()
        var features = nodes.map { node in
            feature(
                "Point", position(node.location),
                [
                    "featureType": .string("node"), "code": .string(node.code), "kind": .string(node.kind.rawValue),
                    "name": .string(node.name), "villageCode": node.village.map { Value.string($0.code) } ?? .null,
                    "active": .bool(node.active),
                ])
        }
        let segments = try await RoadSegment.query(on: database).sort(\.$county.$id).sort(\.$position).all()
        for segment in segments {
            for line in segment.lines where line.count >= 2 {
                features.append(
                    feature(
                        "LineString", .array(line.map(position)),
                        [
                            "featureType": .string("road"), "name": segment.name.map { Value.string($0) } ?? .null,
                            "speedKmh": .double(segment.speedKmh),
                            "speedClass": segment.speedClass.map { Value.string($0.rawValue) } ?? .null,
                        ]))
            }
        }
        return try collection(features)
    }

    /// The plan's runs: each a LineString hub → stops → hub (`vehicle`, `position`,
    /// `distanceMeters`, `durationSeconds`), each stop a Point (`vehicle`, `stop`, `node`,
    /// `name`, `deliver`, `pickup` counts, `arrivalSeconds`), and the hub a Point.
    public static func runs(_ plan: PlanView, hub: NetworkNode) throws -> Data {
        var features: [Value] = [
            feature(
                "Point", position(hub.location),
                [
                    "featureType": .string("hub"), "code": .string(hub.code), "name": .string(hub.name),
                    "date": .string(plan.date), "status": .string(plan.status.rawValue),
                ])
        ]
        for (index, run) in plan.runs.enumerated() {
            let points = [hub.location] + run.stops.map(\.node.location) + [hub.location]
            features.append(
                feature(
                    "LineString", .array(points.map(position)),
                    [
                        "featureType": .string("run"), "vehicle": .string(run.vehicle.code),
                        "position": .int(index + 1),
                        "distanceMeters": .int(run.distanceMeters), "durationSeconds": .int(run.durationSeconds),
                        "stops": .int(run.stops.count),
                    ]))
            for (offset, stop) in run.stops.enumerated() {
                features.append(
                    feature(
                        "Point", position(stop.node.location),
                        [
                            "featureType": .string("stop"), "vehicle": .string(run.vehicle.code),
                            "stop": .int(offset + 1), "node": .string(stop.node.code), "name": .string(stop.node.name),
                            "deliver": .int(stop.deliver.count), "pickup": .int(stop.pickup.count),
                            "arrivalSeconds": .int(stop.arrivalSeconds),
                        ]))
            }
        }
        return try collection(features)
    }
}
