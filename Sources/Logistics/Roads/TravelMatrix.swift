import FluentKit
import Foundation
import JishiKit
import SQLKit

/// Road distances (metres) and driving times (seconds) between a list of network nodes, as
/// row-major `count × count` matrices: entry `i * count + j` is from node `i` to node `j`.
public struct TravelMatrix: Sendable, Equatable {
    public let count: Int
    public let meters: [Int]
    public let seconds: [Int]

    public init(count: Int, meters: [Int], seconds: [Int]) {
        precondition(meters.count == count * count && seconds.count == count * count)
        self.count = count
        self.meters = meters
        self.seconds = seconds
    }

    @inline(__always) public func meters(_ from: Int, _ to: Int) -> Int { meters[from * count + to] }
    @inline(__always) public func seconds(_ from: Int, _ to: Int) -> Int { seconds[from * count + to] }
}

/// Where distances between nodes come from: the county's road network when one is loaded,
/// else the straight line times `circuity`, driven at `fallbackSpeedKmh`.
///
/// On the roads, a node joins the road vertex nearest it by a straight stub driven at
/// `stubSpeedKmh`; a trip is stub, fastest road path, stub. A pair the roads do not connect
/// gets the straight line times the circuity at the stub speed, so the matrix is always
/// finite and such trips look as slow as they are. A county admin's `circuity` and
/// `fallback_speed_kmh` (imported with the roads) win over the values given here.
///
/// Road results are cached by node pair in `road_travel_times`, each row stamped with a
/// fingerprint of the network's version and both nodes' positions: a second call with nothing
/// changed reads them; a moved node or a new import makes them stale.
public struct RoadService: Sendable {
    /// How much longer a road trip is than the straight line, when no road network is loaded.
    public var circuity: Double
    /// The speed assumed on such a trip.
    public var fallbackSpeedKmh: Double
    /// The speed on the straight stub between a node and its nearest road vertex.
    public var stubSpeedKmh: Double

    public static let cacheTable = "road_travel_times"

    public init(circuity: Double = 1.3, fallbackSpeedKmh: Double = 40, stubSpeedKmh: Double = 15) {
        self.circuity = circuity
        self.fallbackSpeedKmh = fallbackSpeedKmh
        self.stubSpeedKmh = stubSpeedKmh
    }

    /// The distances and times between `nodes`, in their order.
    public func matrix(between nodes: [NetworkNode], on database: any Database) async throws -> TravelMatrix {
        let record = try await RoadNetworkRecord.query(on: database).sort(\.$updatedAt, .descending).first()
        var service = self
        service.circuity = record?.circuity ?? circuity
        service.fallbackSpeedKmh = record?.fallbackSpeedKmh ?? fallbackSpeedKmh
        guard let record, record.segmentCount > 0 else { return service.straightLine(nodes.map(\.location)) }
        return try await service.roadMatrix(nodes, version: record.version, on: database)
    }

    /// Straight line times the circuity factor, at the fallback speed.
    public func straightLine(_ points: [GeoPoint]) -> TravelMatrix {
        let count = points.count
        var meters = [Int](repeating: 0, count: count * count)
        var seconds = meters
        let metersPerSecond = fallbackSpeedKmh * 1000 / 3600
        for i in 0..<count {
            for j in 0..<count where i != j {
                let road = Int((Double(points[i].distance(to: points[j])) * circuity).rounded())
                meters[i * count + j] = road
                seconds[i * count + j] = Int((Double(road) / metersPerSecond).rounded())
            }
        }
        return TravelMatrix(count: count, meters: meters, seconds: seconds)
    }

    /// The road network of the database as a graph (every county's roads).
    public static func graph(on database: any Database) async throws -> RoadGraph {
        let segments = try await RoadSegment.query(on: database).sort(\.$county.$id).sort(\.$position).all()
        return RoadGraph(
            lines: segments.flatMap { segment in
                segment.lines.map { RoadGraph.Line(points: $0, speedKmh: segment.speedKmh, label: segment.name) }
            })
    }

    /// The matrix over a graph, without the cache.
    public func matrix(between points: [GeoPoint], on graph: RoadGraph) -> TravelMatrix {
        let count = points.count
        var meters = [Int](repeating: 0, count: count * count)
        var seconds = meters
        var needed = (0..<(count * count)).map { $0 / count != $0 % count }
        _ = fill(points, needed: &needed, graph: graph, meters: &meters, seconds: &seconds)
        return TravelMatrix(count: count, meters: meters, seconds: seconds)
    }

    /// Fills the `needed` cells from the graph and returns them. One Dijkstra per source, the
    /// sources with the most needed cells first; a trip costs the same both ways (every road
    /// is two-way at one speed, stubs too), so each source fills its row and its column.
    func fill(_ points: [GeoPoint], needed: inout [Bool], graph: RoadGraph, meters: inout [Int], seconds: inout [Int])
        -> [Int]
    {
        let count = points.count
        let stubMetresPerSecond = stubSpeedKmh / 3.6
        let snaps = points.map { graph.nearestVertex(to: $0) }
        var filled: [Int] = []
        let load = (0..<count).map { i in (0..<count).reduce(0) { $0 + (needed[i * count + $1] ? 1 : 0) } }
        for i in (0..<count).filter({ load[$0] > 0 }).sorted(by: { (load[$1], $0) < (load[$0], $1) }) {
            let targets = (0..<count).filter { j in j != i && (needed[i * count + j] || needed[j * count + i]) }
            guard !targets.isEmpty else { continue }
            let paths = snaps[i].map { from in
                graph.shortestPaths(from: from.vertex, until: Set(targets.compactMap { snaps[$0]?.vertex }))
            }
            for j in targets {
                var road: (meters: Int, seconds: Int)
                if let from = snaps[i], let to = snaps[j], let paths, paths.milliseconds[to.vertex] != .max {
                    let stubs = from.metres + to.metres
                    road = (
                        Int((stubs + Double(paths.millimetres[to.vertex]) / 1000).rounded()),
                        Int((stubs / stubMetresPerSecond + Double(paths.milliseconds[to.vertex]) / 1000).rounded())
                    )
                } else {
                    // Not connected by road: the straight line times the circuity, slowly.
                    let straight = RoadGraph.metres(points[i], points[j]) * circuity
                    road = (Int(straight.rounded()), Int((straight / stubMetresPerSecond).rounded()))
                }
                for cell in [i * count + j, j * count + i] where needed[cell] {
                    meters[cell] = road.meters
                    seconds[cell] = road.seconds
                    needed[cell] = false
                    filled.append(cell)
                }
            }
        }
        return filled
    }

    /// The fastest road route between two nodes: its length, time, the names of the roads
    /// driven (in order) and the positions passed; `nil` without roads or a connection.
    public struct Route: Sendable, Hashable {
        public var meters: Int
        public var seconds: Int
        public var roads: [String]
        public var points: [GeoPoint]
    }

    public func route(from: NetworkNode, to: NetworkNode, on database: any Database) async throws -> Route? {
        let graph = try await Self.graph(on: database)
        guard let start = graph.nearestVertex(to: from.location), let end = graph.nearestVertex(to: to.location)
        else { return nil }
        let paths = graph.shortestPaths(from: start.vertex, until: [end.vertex])
        guard let path = graph.route(paths, to: end.vertex) else { return nil }
        let stubs = start.metres + end.metres
        return Route(
            meters: Int((stubs + Double(paths.millimetres[end.vertex]) / 1000).rounded()),
            seconds: Int((stubs / (stubSpeedKmh / 3.6) + Double(paths.milliseconds[end.vertex]) / 1000).rounded()),
            roads: path.labels, points: [from.location] + path.vertices.map { graph.vertices[$0] } + [to.location])
    }

    /// Forgets every cached travel time.
    static func clearCache(on database: any Database) async throws {
        try await database.sql().delete(from: cacheTable).run()
    }

    /// The cache key of a trip: the network version, the settings and both ends' positions
    /// (FNV-1a, 64 bits: stable across runs, unlike `Hasher`).
    func fingerprint(version: Int, from: GeoPoint, to: GeoPoint) -> Int64 {
        let text =
            "\(version)|\(circuity)|\(stubSpeedKmh)|\(from.latitude),\(from.longitude)|\(to.latitude),\(to.longitude)"
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    private struct CachedRow: Decodable {
        var from_node_id: UUID
        var to_node_id: UUID
        var fingerprint: Int64
        var meters: Int64
        var seconds: Int64
    }

    /// The road matrix, from the cache where it is fresh; the rows of any source with a stale
    /// or missing pair are computed and stored again.
    func roadMatrix(_ nodes: [NetworkNode], version: Int, on database: any Database) async throws -> TravelMatrix {
        let count = nodes.count
        var meters = [Int](repeating: 0, count: count * count)
        var seconds = meters
        let ids = nodes.map(\.id)
        var position: [UUID: [Int]] = [:]
        for (index, id) in ids.enumerated() { if let id { position[id, default: []].append(index) } }
        var found = [Bool](repeating: false, count: count * count)
        let sql = try database.sql()
        let known = Array(position.keys)
        for chunk in stride(from: 0, to: known.count, by: 500) {
            let part = Array(known[chunk..<min(chunk + 500, known.count)])
            let rows = try await sql.select().columns("from_node_id", "to_node_id", "fingerprint", "meters", "seconds")
                .from(Self.cacheTable).where("from_node_id", .in, part).all(decoding: CachedRow.self)
            for row in rows {
                guard let froms = position[row.from_node_id], let tos = position[row.to_node_id] else { continue }
                for i in froms {
                    for j in tos where i != j {
                        guard
                            row.fingerprint
                                == fingerprint(version: version, from: nodes[i].location, to: nodes[j].location)
                        else { continue }
                        meters[i * count + j] = Int(row.meters)
                        seconds[i * count + j] = Int(row.seconds)
                        found[i * count + j] = true
                    }
                }
            }
        }
        var needed = (0..<(count * count)).map { $0 / count != $0 % count && !found[$0] }
        guard needed.contains(true) else { return TravelMatrix(count: count, meters: meters, seconds: seconds) }

        let graph = try await Self.graph(on: database)
        let filled = fill(nodes.map(\.location), needed: &needed, graph: graph, meters: &meters, seconds: &seconds)
        try? await store(filled, of: nodes, version: version, meters: meters, seconds: seconds, on: database)
        return TravelMatrix(count: count, meters: meters, seconds: seconds)
    }

    /// Stores the computed `cells` (best effort: a concurrent call storing the same pairs wins).
    private func store(
        _ cells: [Int], of nodes: [NetworkNode], version: Int, meters: [Int], seconds: [Int],
        on database: any Database
    ) async throws {
        let count = nodes.count
        var byFrom: [UUID: [UUID: [any Encodable & Sendable]]] = [:]
        for cell in cells {
            let (i, j) = (cell / count, cell % count)
            guard let from = nodes[i].id, let to = nodes[j].id, from != to else { continue }
            byFrom[from, default: [:]][to] = [
                from, to, fingerprint(version: version, from: nodes[i].location, to: nodes[j].location),
                Int64(meters[cell]), Int64(seconds[cell]),
            ]
        }
        let groups = byFrom.map { (from: $0.key, rows: Array($0.value.values), tos: Array($0.value.keys)) }
        try await database.transaction { db in
            let sql = try db.sql()
            for group in groups {
                for chunk in stride(from: 0, to: group.tos.count, by: 500) {
                    try await sql.delete(from: Self.cacheTable).where("from_node_id", .equal, group.from)
                        .where("to_node_id", .in, Array(group.tos[chunk..<min(chunk + 500, group.tos.count)])).run()
                }
            }
            let rows = groups.flatMap(\.rows)
            for chunk in stride(from: 0, to: rows.count, by: 400) {
                let insert = sql.insert(into: Self.cacheTable)
                    .columns("from_node_id", "to_node_id", "fingerprint", "meters", "seconds")
                for row in rows[chunk..<min(chunk + 400, rows.count)] { insert.values(row) }
                try await insert.run()
            }
        }
    }
}
