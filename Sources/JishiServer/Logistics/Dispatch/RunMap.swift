import FluentKit
import Foundation
import JishiKit
import Logistics

/// The day's runs over the county as one SVG drawn on the server: the county's roads as thin
/// grey lines and its other nodes as grey dots underneath, the hub as a square, each run's
/// stops as dots joined in order in the run's colour, hub to hub. North is up; the projection
/// is equirectangular, which is true enough over a county.
struct RunMap: Sendable {
    struct Line: Sendable {
        var code: String
        var colour: String
        var points: [(x: Double, y: Double, label: String)]
    }

    static let size = 320.0
    static let palette = ["#c0392b", "#1f6fb2", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b7950b"]

    var hub: (x: Double, y: Double, label: String)
    var lines: [Line]
    /// Roads, each as projected points (those closer than a pixel to the last kept dropped).
    var roads: [[(x: Double, y: Double)]] = []
    /// The network's other nodes.
    var nodes: [(x: Double, y: Double, label: String)] = []

    /// The map of `runs`; with `roads` and `nodes` (the whole network) it spans the county.
    init(hub: NetworkNode, runs: [PlanView.Run], roads: [[GeoPoint]] = [], nodes: [NetworkNode] = []) {
        let places = [hub.location] + runs.flatMap { $0.stops.map(\.node.location) } + nodes.map(\.location)
        let projection = MapProjection(fitting: places, size: Self.size, margin: 12)
        func project(_ point: GeoPoint) -> (Double, Double) { projection(point) }
        self.roads = roads.map { line in
            var kept: [(x: Double, y: Double)] = []
            for point in line {
                let p = project(point)
                if let last = kept.last, abs(last.x - p.0) + abs(last.y - p.1) < 1 { continue }
                kept.append((p.0, p.1))
            }
            if let last = line.last, kept.count == 1 {
                let p = project(last)
                kept.append((p.0, p.1))
            }
            return kept
        }
        let onRuns = Set(runs.flatMap { $0.stops.compactMap(\.node.id) } + [hub.id].compactMap { $0 })
        self.nodes = nodes.filter { node in node.id.map { !onRuns.contains($0) } ?? false }.map { node in
            let p = project(node.location)
            return (p.0, p.1, node.name)
        }
        let h = project(hub.location)
        self.hub = (h.0, h.1, hub.name)
        self.lines = runs.enumerated().map { index, run in
            Line(
                code: run.vehicle.code, colour: Self.palette[index % Self.palette.count],
                points: run.stops.map {
                    let p = project($0.node.location)
                    return (p.0, p.1, $0.node.name)
                })
        }
    }

    /// The map as SVG markup; every label escaped.
    var svg: String {
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var parts = [
            "<svg class=\"map\" viewBox=\"0 0 \(Int(Self.size)) \(Int(Self.size))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"#f7f5ef\"/>",
        ]
        if !roads.isEmpty {
            parts.append("<g class=\"roads\" fill=\"none\" stroke=\"#b9b4a8\" stroke-width=\"0.8\">")
            for road in roads where road.count >= 2 {
                parts.append(
                    "<polyline points=\"" + road.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ") + "\"/>")
            }
            parts.append("</g>")
        }
        for node in nodes {
            parts.append(
                "<circle cx=\"\(f(node.x))\" cy=\"\(f(node.y))\" r=\"1.8\" fill=\"#9a958a\"><title>"
                    + HTMLEscaping.escape(node.label) + "</title></circle>")
        }
        for line in lines {
            let path = ([(hub.x, hub.y)] + line.points.map { ($0.x, $0.y) } + [(hub.x, hub.y)])
                .map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
            parts.append(
                "<polyline fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\" points=\"\(path)\"><title>"
                    + HTMLEscaping.escape(line.code) + "</title></polyline>")
            for point in line.points {
                parts.append(
                    "<circle cx=\"\(f(point.x))\" cy=\"\(f(point.y))\" r=\"3.5\" fill=\"\(line.colour)\"><title>"
                        + HTMLEscaping.escape(line.code + " · " + point.label) + "</title></circle>")
            }
        }
        parts.append(
            "<rect x=\"\(f(hub.x - 6))\" y=\"\(f(hub.y - 6))\" width=\"12\" height=\"12\" fill=\"#222\"><title>"
                + HTMLEscaping.escape(hub.label) + "</title></rect>")
        parts.append("</svg>")
        return parts.joined()
    }
}

extension RunMap {
    /// The county's road lines as stored.
    /// `runs` from `hub` over the county's roads and its active nodes: the map every day's page
    /// (the dispatcher's, the courier's, the county's figures) draws.
    static func county(hub: NetworkNode, runs: [PlanView.Run], on database: any Database) async throws -> RunMap {
        let nodes = try await NetworkNode.query(on: database).filter(\.$active == true).all()
        return RunMap(hub: hub, runs: runs, roads: try await roads(on: database), nodes: nodes)
    }

    static func roads(on database: any Database) async throws -> [[GeoPoint]] {
        try await RoadSegment.query(on: database).sort(\.$position).all().flatMap(\.lines)
    }
}
