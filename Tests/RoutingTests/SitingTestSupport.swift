import Foundation
import Testing

@testable import Routing

/// Small instances and brute force for the siting tests.
enum SitingTestSupport {
    /// Demand points and sites on a 20 × 20 grid, Manhattan distances, populations 0…9.
    static func randomProblem(demand n: Int, sites m: Int, p: Int, seed: UInt64) throws -> SitingProblem {
        var random = Xoshiro256(seed: seed)
        let demand = (0..<n).map { _ in (random.unbiasedBelow(20), random.unbiasedBelow(20)) }
        let sites = (0..<m).map { _ in (random.unbiasedBelow(20), random.unbiasedBelow(20)) }
        let rows = demand.map { d in sites.map { s in abs(d.0 - s.0) + abs(d.1 - s.1) } }
        let weights = (0..<n).map { _ in random.unbiasedBelow(10) }
        return try SitingProblem(weights: weights, distances: rows, p: p)
    }

    /// Every subset of `k` elements of `0..<m`, in lexicographic order.
    static func combinations(_ m: Int, _ k: Int) -> [[Int]] {
        guard k > 0 else { return [[]] }
        guard k <= m else { return [] }
        var result: [[Int]] = []
        var current: [Int] = []
        func extend(from start: Int) {
            if current.count == k {
                result.append(current)
                return
            }
            for i in start..<m where m - i >= k - current.count {
                current.append(i)
                extend(from: i + 1)
                current.removeLast()
            }
        }
        extend(from: 0)
        return result
    }

    static func bruteForceMedian(_ problem: SitingProblem) -> Int {
        combinations(problem.siteCount, problem.p).map { problem.medianCost(of: $0) }.min()!
    }

    static func bruteForceCovering(_ problem: MaximalCoveringProblem) -> Int {
        combinations(problem.siting.siteCount, problem.p).map { problem.coveredPopulation(by: $0) }.max()!
    }

    /// The fixture copied from OR-Library (pmed1: n = 100, 200 edges, p = 5, optimum 5819).
    static var pmed1URL: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "siting-pmed1", withExtension: "txt", subdirectory: "Fixtures"))
        }
    }

    /// `../shared/data/benchmarks` beside the repository root, when it exists.
    static let benchmarks: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.appendingPathComponent("../shared/data/benchmarks").standardizedFileURL
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()
}
