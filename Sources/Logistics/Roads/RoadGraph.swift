import Foundation
import HeapModule
import JishiKit

/// The road network as a graph, for shortest paths.
///
/// - Vertices are positions rounded to 5 decimal places of a degree (about 1 m): two lines
///   connect exactly where they share such a position (an end or an inner point); lines that
///   merely cross (a road over a river, an overpass) do not connect.
/// - Each pair of consecutive positions of a line is an edge, both ways; its length is the
///   great-circle distance, its time that length at the line's speed.
/// - Costs are whole millimetres and milliseconds, so sums are exact; a shortest path is the
///   fastest, and among equally fast ones the shortest.
public struct RoadGraph: Sendable {
    /// Positions closer than this are one vertex (1e5: 5 decimal places).
    public static let snapScale = 1e5

    /// One road line: its positions and speed, and a label the routes report (its name).
    public struct Line: Sendable {
        public var points: [GeoPoint]
        public var speedKmh: Double
        public var label: String?

        public init(points: [GeoPoint], speedKmh: Double, label: String? = nil) {
            self.points = points
            self.speedKmh = speedKmh
            self.label = label
        }
    }

    struct Key: Hashable {
        var latitude: Int
        var longitude: Int

        init(_ point: GeoPoint) {
            latitude = Int((point.latitude * RoadGraph.snapScale).rounded())
            longitude = Int((point.longitude * RoadGraph.snapScale).rounded())
        }
    }

    /// Each vertex's position (the first position snapped to it).
    public private(set) var vertices: [GeoPoint] = []
    /// Edges out of vertex `v` are `edgeStart[v] ..< edgeStart[v + 1]`.
    private var edgeStart: [Int] = []
    private var edgeTarget: [Int] = []
    private var edgeMillimetres: [Int] = []
    private var edgeMilliseconds: [Int] = []
    private var edgeLine: [Int] = []
    private var edgeSource: [Int] = []
    private var labels: [String?] = []

    public var vertexCount: Int { vertices.count }
    public var isEmpty: Bool { vertices.isEmpty }

    public init(lines: [Line]) {
        var index: [Key: Int] = [:]
        var edges: [(from: Int, to: Int, mm: Int, ms: Int, line: Int)] = []
        for (lineIndex, line) in lines.enumerated() {
            labels.append(line.label)
            let metresPerSecond = max(line.speedKmh, 1) / 3.6
            var previous: (vertex: Int, point: GeoPoint)?
            for point in line.points {
                let key = Key(point)
                let vertex: Int
                if let known = index[key] {
                    vertex = known
                } else {
                    vertex = vertices.count
                    index[key] = vertex
                    vertices.append(point)
                }
                if let previous, previous.vertex != vertex {
                    let metres = Self.metres(previous.point, point)
                    let mm = Int((metres * 1000).rounded())
                    let ms = Int((metres / metresPerSecond * 1000).rounded())
                    edges.append((previous.vertex, vertex, mm, ms, lineIndex))
                    edges.append((vertex, previous.vertex, mm, ms, lineIndex))
                }
                previous = (vertex, point)
            }
        }
        // Compressed rows: edges grouped by their start vertex.
        var counts = [Int](repeating: 0, count: vertices.count + 1)
        for edge in edges { counts[edge.from + 1] += 1 }
        for v in 0..<vertices.count { counts[v + 1] += counts[v] }
        edgeStart = counts
        var next = counts
        edgeTarget = [Int](repeating: 0, count: edges.count)
        edgeMillimetres = edgeTarget
        edgeMilliseconds = edgeTarget
        edgeLine = edgeTarget
        edgeSource = edgeTarget
        for edge in edges {
            let slot = next[edge.from]
            next[edge.from] += 1
            edgeTarget[slot] = edge.to
            edgeMillimetres[slot] = edge.mm
            edgeMilliseconds[slot] = edge.ms
            edgeLine[slot] = edge.line
            edgeSource[slot] = edge.from
        }
    }

    /// Great-circle distance in metres (unrounded).
    public static func metres(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let earthRadius = 6_371_008.8
        let lat1 = a.latitude * .pi / 180
        let lat2 = b.latitude * .pi / 180
        let dLat = (b.latitude - a.latitude) * .pi / 180
        let dLon = (b.longitude - a.longitude) * .pi / 180
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * earthRadius * atan2(h.squareRoot(), (1 - h).squareRoot())
    }

    /// The vertex nearest `point` and its distance in metres; `nil` for an empty graph.
    public func nearestVertex(to point: GeoPoint) -> (vertex: Int, metres: Double)? {
        guard !vertices.isEmpty else { return nil }
        // Compare on a flat projection around `point` (cheap), measure the winner exactly.
        let scale = cos(point.latitude * .pi / 180)
        var best = 0
        var bestSquare = Double.infinity
        for (vertex, candidate) in vertices.enumerated() {
            let dy = candidate.latitude - point.latitude
            let dx = (candidate.longitude - point.longitude) * scale
            let square = dx * dx + dy * dy
            if square < bestSquare {
                bestSquare = square
                best = vertex
            }
        }
        return (best, Self.metres(point, vertices[best]))
    }

    /// The fastest paths from `source`: milliseconds and millimetres to every vertex
    /// (`Int.max` where unreachable), and each vertex's predecessor edge (`-1` for none).
    /// Stops once every vertex of `targets` is settled, when given.
    public struct Paths: Sendable {
        public var milliseconds: [Int]
        public var millimetres: [Int]
        var previousEdge: [Int]
    }

    private struct Entry: Comparable {
        var milliseconds: Int
        var millimetres: Int
        var vertex: Int

        static func < (a: Entry, b: Entry) -> Bool {
            (a.milliseconds, a.millimetres, a.vertex) < (b.milliseconds, b.millimetres, b.vertex)
        }
    }

    /// Dijkstra with a binary heap.
    public func shortestPaths(from source: Int, until targets: Set<Int>? = nil) -> Paths {
        let count = vertices.count
        var ms = [Int](repeating: .max, count: count)
        var mm = [Int](repeating: .max, count: count)
        var previous = [Int](repeating: -1, count: count)
        var settled = [Bool](repeating: false, count: count)
        var remaining = targets.map { $0.count } ?? -1
        var heap = Heap<Entry>()
        ms[source] = 0
        mm[source] = 0
        heap.insert(Entry(milliseconds: 0, millimetres: 0, vertex: source))
        while let entry = heap.popMin() {
            let v = entry.vertex
            if settled[v] { continue }
            settled[v] = true
            if let targets, targets.contains(v) {
                remaining -= 1
                if remaining == 0 { break }
            }
            for edge in edgeStart[v]..<edgeStart[v + 1] {
                let w = edgeTarget[edge]
                if settled[w] { continue }
                let time = entry.milliseconds + edgeMilliseconds[edge]
                let length = entry.millimetres + edgeMillimetres[edge]
                if (time, length) < (ms[w], mm[w]) {
                    ms[w] = time
                    mm[w] = length
                    previous[w] = edge
                    heap.insert(Entry(milliseconds: time, millimetres: length, vertex: w))
                }
            }
        }
        return Paths(milliseconds: ms, millimetres: mm, previousEdge: previous)
    }

    /// The vertices from the source of `paths` to `target`, and the labels of the lines
    /// driven, in order (each once per stretch); `nil` when unreachable.
    public func route(_ paths: Paths, to target: Int) -> (vertices: [Int], labels: [String])? {
        guard paths.milliseconds[target] != .max else { return nil }
        var vertices = [target]
        var lines: [Int] = []
        var v = target
        while paths.previousEdge[v] >= 0 {
            let edge = paths.previousEdge[v]
            if lines.last != edgeLine[edge] { lines.append(edgeLine[edge]) }
            v = edgeSource[edge]
            vertices.append(v)
        }
        return (vertices.reversed(), lines.reversed().compactMap { labels[$0] })
    }
}
