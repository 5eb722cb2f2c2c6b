import Foundation
import JishiKit
import Logistics
import Testing

/// The road graph's fastest paths against a brute-force Floyd–Warshall, and how lines connect.
@Suite("Logistics: the road graph")
struct RoadGraphTests {
    /// A random graph: `count` points on a jittered grid (never within a metre of each other)
    /// and random 2-point lines between them at random speeds, some points left unconnected.
    static func randomGraph(seed: UInt64, count: Int) -> (points: [GeoPoint], lines: [RoadGraph.Line]) {
        var random = SeededGenerator(seed: seed)
        let origin = GeoPoint(latitude: 34.8, longitude: 115.5)
        let points = (0..<count).map { index in
            origin.offset(
                northMetres: Double(index / 5) * 900 + Double.random(in: 0...400, using: &random),
                eastMetres: Double(index % 5) * 900 + Double.random(in: 0...400, using: &random))
        }
        var lines: [RoadGraph.Line] = []
        // The last two points stay off the roads (unreachable), but for a line between them.
        for _ in 0..<(count * 2) {
            let a = Int.random(in: 0..<(count - 2), using: &random)
            let b = Int.random(in: 0..<(count - 2), using: &random)
            guard a != b else { continue }
            let speed = SpeedClass.allCases.randomElement(using: &random)!.kmh
            lines.append(RoadGraph.Line(points: [points[a], points[b]], speedKmh: speed))
        }
        lines.append(RoadGraph.Line(points: [points[count - 2], points[count - 1]], speedKmh: 30))
        return (points, lines)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func fastestPathsEqualFloydWarshall(seed: UInt64) {
        let count = 18
        let (points, lines) = Self.randomGraph(seed: seed, count: count)
        // Floyd–Warshall on seconds (metres carried along the same path), from the lines alone.
        var seconds = [[Double]](repeating: [Double](repeating: .infinity, count: count), count: count)
        var metres = seconds
        for i in 0..<count {
            seconds[i][i] = 0
            metres[i][i] = 0
        }
        for line in lines {
            let a = points.firstIndex(of: line.points[0])!
            let b = points.firstIndex(of: line.points[1])!
            let length = RoadGraph.metres(line.points[0], line.points[1])
            let time = length / (line.speedKmh / 3.6)
            if time < seconds[a][b] {
                seconds[a][b] = time
                seconds[b][a] = time
                metres[a][b] = length
                metres[b][a] = length
            }
        }
        for k in 0..<count {
            for i in 0..<count {
                for j in 0..<count where seconds[i][k] + seconds[k][j] < seconds[i][j] {
                    seconds[i][j] = seconds[i][k] + seconds[k][j]
                    metres[i][j] = metres[i][k] + metres[k][j]
                }
            }
        }
        let service = RoadService(circuity: 1.4, fallbackSpeedKmh: 40, stubSpeedKmh: 15)
        let graph = RoadGraph(lines: lines)
        let matrix = service.matrix(between: points, on: graph)
        var reachable = 0
        for i in 0..<count {
            for j in 0..<count where i != j {
                if seconds[i][j].isFinite {
                    reachable += 1
                    #expect(abs(Double(matrix.seconds(i, j)) - seconds[i][j]) <= 1, "seconds \(i)→\(j)")
                    #expect(abs(Double(matrix.meters(i, j)) - metres[i][j]) <= 1, "metres \(i)→\(j)")
                } else {
                    // Not connected: the straight line times the circuity, at the stub's speed.
                    let straight = RoadGraph.metres(points[i], points[j]) * 1.4
                    #expect(abs(Double(matrix.meters(i, j)) - straight) <= 1)
                    #expect(abs(Double(matrix.seconds(i, j)) - straight / (15 / 3.6)) <= 1)
                }
            }
        }
        #expect(reachable > count * 4, "the random graph should connect most pairs")
        #expect(matrix.meters(count - 2, count - 1) == matrix.meters(count - 1, count - 2))
    }

    @Test func linesConnectOnlyWhereTheyShareARoundedPosition() {
        let a = GeoPoint(latitude: 34.80000, longitude: 115.50000)
        let b = GeoPoint(latitude: 34.81000, longitude: 115.50000)
        // 0.4 m off b: the same vertex once rounded to 5 decimals.
        let nearB = GeoPoint(latitude: 34.810003, longitude: 115.500002)
        let c = GeoPoint(latitude: 34.81000, longitude: 115.51000)
        // A line crossing a→b in the middle without a shared position does not connect.
        let crossing = [
            GeoPoint(latitude: 34.805, longitude: 115.49), GeoPoint(latitude: 34.805, longitude: 115.51),
        ]
        let graph = RoadGraph(lines: [
            .init(points: [a, b], speedKmh: 60), .init(points: [nearB, c], speedKmh: 60),
            .init(points: crossing, speedKmh: 60),
        ])
        #expect(graph.vertexCount == 5)
        let start = graph.nearestVertex(to: a)!.vertex
        let paths = graph.shortestPaths(from: start)
        #expect(paths.milliseconds[graph.nearestVertex(to: c)!.vertex] != .max)
        #expect(paths.milliseconds[graph.nearestVertex(to: crossing[0])!.vertex] == .max)
    }
}
