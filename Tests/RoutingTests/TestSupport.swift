import Foundation

@testable import Routing

/// Shared helpers: fixtures, random small problems and a brute-force optimum.
enum TestSupport {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
    }

    /// `../shared/data/benchmarks` next to the repository, when present (developer machines, CI).
    static let benchmarks: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/benchmarks")

    static var hasBenchmarks: Bool { FileManager.default.fileExists(atPath: benchmarks.path) }

    enum Variant: CaseIterable {
        case cvrp, pickupDelivery, timeWindows, mixedFleet
    }

    /// A random Euclidean problem of the given variant with `clients` clients.
    static func randomProblem(_ variant: Variant, clients: Int, seed: UInt64) throws -> ProblemData {
        var rng = Xoshiro256(seed: seed)
        let n = clients + 1
        let points = (0..<n).map { _ in SIMD2(Double(rng.below(100)), Double(rng.below(100))) }
        var distances = Array(repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let d = points[i] - points[j]
                distances[i * n + j] = Int(((d * d).sum()).squareRoot().rounded())
            }
        }
        let deliveries = (0..<n).map { $0 == 0 ? 0 : 1 + rng.below(10) }
        var pickups: [Int]?
        var service: [Int]?
        var earliest: [Int]?
        var latest: [Int]?
        var types = [VehicleType(capacity: 25, count: n)]
        switch variant {
        case .cvrp:
            break
        case .pickupDelivery:
            pickups = (0..<n).map { $0 == 0 ? 0 : rng.below(10) }
        case .timeWindows:
            service = (0..<n).map { $0 == 0 ? 0 : 5 }
            let starts = (0..<n).map { _ in rng.below(200) }
            earliest = (0..<n).map { $0 == 0 ? 0 : starts[$0] }
            latest = (0..<n).map { $0 == 0 ? 400 : starts[$0] + 30 + rng.below(60) }
        case .mixedFleet:
            types = [
                VehicleType(capacity: 15, count: 3, fixedCost: 20, unitDistanceCost: 1),
                VehicleType(capacity: 40, count: 2, fixedCost: 60, unitDistanceCost: 2, maxDuration: 250),
            ]
            service = (0..<n).map { $0 == 0 ? 0 : 2 }
        }
        return try ProblemData(
            dimension: n, distances: distances, deliveries: deliveries, pickups: pickups,
            serviceTimes: service, earliest: earliest, latest: latest, vehicleTypes: types,
            coordinates: points)
    }

    /// A random assignment of all clients to route slots, in random orders.
    static func randomSolution(_ search: LocalSearch, seed: UInt64) -> Solution {
        var rng = Xoshiro256(seed: seed)
        var routes = Array(repeating: [Int](), count: search.routeCount)
        let used = max(1, min(search.routeCount, 2 + rng.below(4)))
        for client in 1...search.n { routes[rng.below(used)].append(client) }
        return Solution(
            routes: routes.enumerated().map {
                SolutionRoute(vehicleType: search.routeType[$0.offset], clients: $0.element)
            })
    }

    /// Cheapest feasible solution by enumerating every ordered partition of the clients
    /// into at most `fleet` routes (single vehicle type). Tiny instances only.
    static func bruteForceOptimum(_ problem: ProblemData) -> Int {
        let checker = FeasibilityChecker(problem: problem)
        let clients = Array(1...problem.clientCount)
        var best = Int.max
        // Every permutation, cut into routes at every subset of the gaps.
        func permutations(_ items: [Int]) -> [[Int]] {
            if items.count <= 1 { return [items] }
            var result: [[Int]] = []
            for (index, item) in items.enumerated() {
                var rest = items
                rest.remove(at: index)
                for tail in permutations(rest) { result.append([item] + tail) }
            }
            return result
        }
        let gaps = clients.count - 1
        for order in permutations(clients) {
            for mask in 0..<(1 << gaps) {
                var routes: [SolutionRoute] = []
                var current: [Int] = [order[0]]
                for gap in 0..<gaps {
                    if mask & (1 << gap) != 0 {
                        routes.append(SolutionRoute(clients: current))
                        current = []
                    }
                    current.append(order[gap + 1])
                }
                routes.append(SolutionRoute(clients: current))
                let report = checker.check(Solution(routes: routes))
                if report.isFeasible && report.cost < best { best = report.cost }
            }
        }
        return best
    }
}
