import Testing

@testable import Routing

@Suite("Siting problem data")
struct SitingProblemTests {
    @Test func rejectsInvalidData() {
        #expect(throws: SitingProblemError.stationCount(p: 3, candidateSites: 2)) {
            try SitingProblem(weights: [1], distances: [[1, 2]], p: 3)
        }
        #expect(throws: SitingProblemError.stationCount(p: 0, candidateSites: 2)) {
            try SitingProblem(weights: [1], distances: [[1, 2]], p: 0)
        }
        #expect(throws: SitingProblemError.negativeWeight(demandPoint: 1, weight: -4)) {
            try SitingProblem(weights: [1, -4], distances: [[1, 2], [3, 4]], p: 1)
        }
        #expect(throws: SitingProblemError.negativeDistance(demandPoint: 1, site: 0, distance: -3)) {
            try SitingProblem(weights: [1, 1], distances: [[1, 2], [-3, 4]], p: 1)
        }
        #expect(throws: SitingProblemError.rowLength(demandPoint: 1, expected: 2, actual: 1)) {
            try SitingProblem(weights: [1, 1], distances: [[1, 2], [3]], p: 1)
        }
        #expect(throws: SitingProblemError.weightCount(expected: 2, actual: 1)) {
            try SitingProblem(weights: [1], distances: [[1, 2], [3, 4]], p: 1)
        }
        #expect(throws: SitingProblemError.noDemandPoints) {
            try SitingProblem(weights: [], distances: [], p: 1)
        }
        #expect(throws: SitingProblemError.costOverflow) {
            try SitingProblem(weights: [Int.max / 2, Int.max / 2], distances: [[1], [1]], p: 1)
        }
        #expect(throws: SitingProblemError.costOverflow) {
            try SitingProblem(nodeCount: 2, roads: [.init(from: 0, to: 1, length: Int.max)], p: 1)
        }
        #expect(throws: SitingProblemError.unreachable(demandPoint: 0, site: 2)) {
            try SitingProblem(nodeCount: 3, roads: [.init(from: 0, to: 1, length: 1)], p: 1)
        }
    }

    @Test func shortestPathsUseTheLastOfRepeatedRoads() throws {
        // 0 –5– 1 –1– 2, and 0–2 given first as 1, then as 9: the 9 counts.
        let roads: [SitingProblem.Road] = [
            .init(from: 0, to: 1, length: 5), .init(from: 0, to: 2, length: 1),
            .init(from: 1, to: 2, length: 1), .init(from: 2, to: 0, length: 9),
        ]
        let problem = try SitingProblem(nodeCount: 3, roads: roads, p: 1)
        #expect(problem.distances == [0, 5, 6, 5, 0, 1, 6, 1, 0])
        #expect(problem.maxDistance == 6)
        #expect(problem.medianCost(of: [1]) == 6)
    }

    @Test func costsOfHandCheckedSites() throws {
        let problem = try SitingProblem(weights: [2, 1, 3], distances: [[0, 4], [2, 2], [5, 1]], p: 1)
        #expect(problem.medianCost(of: [0]) == 2 * 0 + 1 * 2 + 3 * 5)
        #expect(problem.medianCost(of: [0, 1]) == 0 + 2 + 3)
        #expect(problem.coveredPopulation(by: [1], radius: 2) == 4)
        #expect(try problem.with(p: 2).p == 2)
    }
}
