import Community
import FluentKit
import Foundation
import JishiKit

/// The demo county's small synthetic road network, made from the network's own positions so it
/// is the same on every run:
///
/// - provincial roads from the county hub to each town depot and from 柳林镇 to 青河乡, and a
///   village road through each village, between the nearest points of the two nearest
///   provincial roads on its own bank;
/// - the 青河 river runs west to east halfway between the hub and 青河乡's depot. Two bridges
///   cross it, one 7 km west of the hub and one 11 km east of 青河乡's depot, and every road
///   that would cross the river goes round by the nearer of them;
/// - 柳林镇's village farthest from its depot is a mountain village, reached only by a winding
///   track of eight switchbacks.
extension LogisticsDemo {
    public static let riverName = "青河"
    public static let westBridgeName = "青河西桥"
    public static let eastBridgeName = "青河东桥"
    public static let mountainRoadName = "盘山路"

    /// Positions in metres north and east of the county centre.
    struct Plane {
        var north: Double
        var east: Double

        init(north: Double, east: Double) {
            self.north = north
            self.east = east
        }

        init(_ point: GeoPoint) {
            let metresPerDegree = 111_320.0
            north = (point.latitude - DemoCounty.centre.latitude) * metresPerDegree
            east =
                (point.longitude - DemoCounty.centre.longitude) * metresPerDegree
                * cos(DemoCounty.centre.latitude * .pi / 180)
        }

        var point: GeoPoint { DemoCounty.centre.offset(northMetres: north, eastMetres: east) }

        func distance(to other: Plane) -> Double {
            ((north - other.north) * (north - other.north) + (east - other.east) * (east - other.east)).squareRoot()
        }
    }

    /// The demo roads for the demo county's nodes and villages.
    static func roads(nodes: [NetworkNode], villages: [Village], towns: [Town]) -> RoadImport.Network {
        guard let hub = nodes.first(where: { $0.kind == .countyHub }),
            let qinghe = towns.first(where: { $0.code == DemoCounty.countyCode + "200" }),
            let liulin = towns.first(where: { $0.code == DemoCounty.countyCode + "102" }),
            let qingheID = qinghe.id, let liulinID = liulin.id
        else { return RoadImport.Network(features: []) }
        let depots = nodes.filter { $0.kind == .townDepot }.sorted { $0.code < $1.code }
        let depotOfTown = Dictionary(depots.map { ($0.$town.id, $0) }, uniquingKeysWith: { a, _ in a })
        guard let qingheDepot = depotOfTown[qingheID] else { return RoadImport.Network(features: []) }

        let hubPlane = Plane(hub.location)
        let riverNorth = (hubPlane.north + Plane(qingheDepot.location).north) / 2
        let bridges: [(name: String, east: Double)] = [
            (westBridgeName, hubPlane.east - 7_000), (eastBridgeName, Plane(qingheDepot.location).east + 11_000),
        ]
        func northBank(_ p: Plane) -> Bool { p.north > riverNorth }

        var features: [RoadImport.Feature] = []
        /// Where village roads may join: every position of the provincial roads, and which
        /// road (feature) it is on.
        var junctions: [(point: Plane, road: Int)] = []
        func add(_ name: String?, _ speedClass: SpeedClass, _ points: [Plane]) {
            features.append(
                RoadImport.Feature(name: name, speedClass: speedClass, multi: false, lines: [points.map(\.point)]))
            if speedClass == .provincial { junctions += points.map { ($0, features.count - 1) } }
        }
        /// `a`, then a position every 2 km or less on the way to `b`, then `b`.
        func straight(_ a: Plane, _ b: Plane) -> [Plane] {
            let steps = max(1, Int((a.distance(to: b) / 2_000).rounded(.up)))
            return (0...steps).map { step in
                let t = Double(step) / Double(steps)
                return Plane(north: a.north + (b.north - a.north) * t, east: a.east + (b.east - a.east) * t)
            }
        }
        for bridge in bridges {
            add(
                bridge.name, .county,
                [Plane(north: riverNorth + 150, east: bridge.east), Plane(north: riverNorth - 150, east: bridge.east)])
        }
        /// A road from `a` to `b`; across the river, by the bridge that makes it shortest.
        func road(_ name: String?, _ speedClass: SpeedClass, _ a: Plane, _ b: Plane) {
            guard northBank(a) != northBank(b) else { return add(name, speedClass, straight(a, b)) }
            let side: (Plane) -> Double = { northBank($0) ? 150 : -150 }
            func detour(_ east: Double) -> Double {
                a.distance(to: Plane(north: riverNorth + side(a), east: east))
                    + Plane(north: riverNorth + side(b), east: east).distance(to: b)
            }
            let best = bridges.min { detour($0.east) < detour($1.east) }!
            add(name, speedClass, straight(a, Plane(north: riverNorth + side(a), east: best.east)))
            add(name, speedClass, straight(Plane(north: riverNorth + side(b), east: best.east), b))
        }

        for depot in depots {
            road(
                depot.name.replacingOccurrences(of: "快递服务中心", with: "公路"), .provincial, hubPlane, Plane(depot.location))
        }
        // Between 柳林镇 and 青河乡, by the east bridge.
        if let liulinStart = depotOfTown[liulinID] {
            road("柳青公路", .provincial, Plane(liulinStart.location), Plane(qingheDepot.location))
        }
        // The mountain village: 柳林镇's village farthest from its depot.
        let liulinDepot = depotOfTown[liulinID].map { Plane($0.location) }
        let mountain = villages.filter { $0.$town.id == liulinID }.max { a, b in
            Plane(a.location).distance(to: liulinDepot ?? Plane(a.location))
                < Plane(b.location).distance(to: liulinDepot ?? Plane(b.location))
        }
        let provincial = junctions
        for village in villages.sorted(by: { $0.code < $1.code }) {
            let place = Plane(village.location)
            guard let depot = depotOfTown[village.$town.id].map({ Plane($0.location) }) else { continue }
            if village.id == mountain?.id {
                // Eight switchbacks, 1.2 km to either side of the straight line.
                let dn = place.north - depot.north
                let de = place.east - depot.east
                let length = (dn * dn + de * de).squareRoot()
                var points = [depot]
                for step in 1...8 {
                    let t = Double(step) / 9
                    let side = step % 2 == 0 ? -1_200.0 : 1_200.0
                    points.append(
                        Plane(
                            north: depot.north + dn * t + de / length * side,
                            east: depot.east + de * t - dn / length * side))
                }
                points.append(place)
                add(mountainRoadName, .track, points)
                continue
            }
            // Every other village: a through road between the nearest points of the two nearest
            // provincial roads on its own bank.
            var nearest: [Int: Plane] = [:]
            for junction in provincial where northBank(junction.point) == northBank(place) {
                if nearest[junction.road].map({ junction.point.distance(to: place) < $0.distance(to: place) }) ?? true {
                    nearest[junction.road] = junction.point
                }
            }
            let ends = nearest.sorted {
                ($0.value.distance(to: place), $0.key) < ($1.value.distance(to: place), $1.key)
            }
            .prefix(2).map(\.value)
            guard let first = ends.first else {
                road(village.name + "路", .village, place, depot)
                continue
            }
            add(village.name + "路", .village, [first, place] + ends.dropFirst())
        }
        return RoadImport.Network(features: features)
    }

    /// Loads the demo roads for the network already in `database`.
    public static func loadRoads(on database: any Database) async throws {
        let nodes = try await NetworkNode.query(on: database).all()
        let villages = try await Village.query(on: database).all()
        let towns = try await Town.query(on: database).all()
        _ = try await RoadImport().replace(with: roads(nodes: nodes, villages: villages, towns: towns), on: database)
    }
}
