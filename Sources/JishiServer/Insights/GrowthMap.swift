import Foundation
import Insights
import JishiKit
import Logistics

/// The county (or a town) as an SVG drawn on the server: the roads as thin grey lines, each
/// village a dot coloured by its shops per household (paler is fewer), ringed in black when it
/// is on the year's list of Taobao villages, and the stations and pickup points as small dark
/// squares. North is up; the projection is equirectangular, true enough over a county.
struct GrowthMap {
    static let size = 320.0
    /// Shops per household at or above each bound, and their colour.
    static let shades: [(bound: Double, colour: String)] = [
        (0.3, "#8f2a14"), (0.1, "#c8532f"), (0.05, "#e79a7c"), (0.000_001, "#f4cdbb"), (0, "#e4ded2"),
    ]

    var villages: [GrowthFigures.VillageShare]
    var stations: [NetworkNode]
    var roads: [[GeoPoint]]

    static func colour(_ share: Double) -> String {
        shades.first { share >= $0.bound }?.colour ?? "#e4ded2"
    }

    var svg: String {
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        let project = MapProjection(fitting: villages.map(\.location), size: Self.size, margin: 14)
        func inside(_ p: (x: Double, y: Double)) -> Bool {
            p.x >= 0 && p.y >= 0 && p.x <= Self.size && p.y <= Self.size
        }
        var parts = [
            "<svg class=\"map\" viewBox=\"0 0 \(Int(Self.size)) \(Int(Self.size))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"#f7f5ef\"/>",
            "<g class=\"roads\" fill=\"none\" stroke=\"#c9c4b8\" stroke-width=\"0.8\">",
        ]
        for road in roads {
            let points = road.map { project($0) }
            guard points.count >= 2, points.contains(where: inside) else { continue }
            parts.append("<polyline points=\"" + points.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ") + "\"/>")
        }
        parts.append("</g><g class=\"villages\">")
        for village in villages {
            let p = project(village.location)
            let ring =
                village.recognised ? " stroke=\"#111\" stroke-width=\"2\"" : " stroke=\"#fff\" stroke-width=\"0.8\""
            let share = String(format: "%.0f%%", village.shopShare * 100)
            parts.append(
                "<circle id=\"map-\(village.code)\" cx=\"\(f(p.x))\" cy=\"\(f(p.y))\" r=\"6\" fill=\"\(Self.colour(village.shopShare))\"\(ring)><title>"
                    + HTMLEscaping.escape(
                        "\(village.name) \(village.code): \(village.shops) / \(village.households) (\(share))")
                    + "</title></circle>")
        }
        parts.append("</g><g class=\"stations\" fill=\"#222\">")
        for station in stations {
            let p = project(station.location)
            guard inside(p) else { continue }
            parts.append(
                "<rect x=\"\(f(p.x - 2.5))\" y=\"\(f(p.y - 2.5))\" width=\"5\" height=\"5\"><title>"
                    + HTMLEscaping.escape(station.name) + "</title></rect>")
        }
        parts.append("</g></svg>")
        return parts.joined()
    }
}
