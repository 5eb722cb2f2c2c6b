import FluentKit
import Foundation
import JishiKit

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

/// Where distances between nodes come from. Until a road network is loaded: the straight
/// line times `circuity`, driven at `fallbackSpeedKmh`.
public struct RoadService: Sendable {
    /// How much longer a road trip is than the straight line, when no road network is loaded.
    public var circuity: Double
    /// The speed assumed on such a trip.
    public var fallbackSpeedKmh: Double

    public init(circuity: Double = 1.3, fallbackSpeedKmh: Double = 40) {
        self.circuity = circuity
        self.fallbackSpeedKmh = fallbackSpeedKmh
    }

    /// The distances and times between `nodes`, in their order.
    public func matrix(between nodes: [NetworkNode], on database: any Database) async throws -> TravelMatrix {
        straightLine(nodes.map(\.location))
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
}
