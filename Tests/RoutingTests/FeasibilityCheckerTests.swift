import Testing

@testable import Routing

/// The step-by-step checker and the search's segment algebra must agree, and the checker
/// must catch what it is for.
@Suite struct FeasibilityCheckerTests {
    /// With penalties of 1 the search's penalised cost is cost + excess load + time warp;
    /// the checker recomputes each part by simulation.
    @Test(arguments: TestSupport.Variant.allCases) func segmentsAgreeWithSimulation(variant: TestSupport.Variant) throws
    {
        for seed in UInt64(1)...6 {
            let problem = try TestSupport.randomProblem(variant, clients: 12, seed: seed)
            var search = LocalSearch(problem: problem, neighbourCount: 5, seed: seed)
            search.loadPenalty = 1
            search.timePenalty = 1
            for round in UInt64(0)..<5 {
                let solution = TestSupport.randomSolution(search, seed: seed * 10 + round)
                search.load(solution, asLocalOptimum: false)
                let report = FeasibilityChecker(problem: problem).check(solution)
                #expect(report.structuralErrors.isEmpty)
                #expect(search.penalisedCost == report.cost + report.excessLoad + report.timeWarp)
                #expect(search.isFeasible == report.isFeasible)
            }
        }
    }

    @Test func pickupAndDeliveryLoadPeaksMidRoute() throws {
        // Client 1 delivers 5 and picks up 9, client 2 delivers 5: leaving with 10, after 1: 14.
        let problem = try ProblemData(
            dimension: 3, distances: [0, 1, 1, 1, 0, 1, 1, 1, 0], deliveries: [0, 5, 5],
            pickups: [0, 9, 0], vehicleTypes: [VehicleType(capacity: 12, count: 1)])
        let checker = FeasibilityChecker(problem: problem)
        #expect(checker.check(Solution(routes: [SolutionRoute(clients: [1, 2])])).excessLoad == 2)
        #expect(checker.check(Solution(routes: [SolutionRoute(clients: [2, 1])])).excessLoad == 0)
    }

    @Test func timeWarpAndDurationLimit() throws {
        // Unit distances; client 1 must start by 0, client 2 within [5, 6], service 2.
        let problem = try ProblemData(
            dimension: 3, distances: [0, 3, 3, 3, 0, 3, 3, 3, 0], deliveries: [0, 1, 1],
            serviceTimes: [0, 2, 2], earliest: [0, 0, 5], latest: [100, 0, 6],
            vehicleTypes: [VehicleType(capacity: 5, count: 1, maxDuration: 9)])
        let checker = FeasibilityChecker(problem: problem)
        // 0 →(3) 1: late by 3, warped back to 0; +2 service +3 travel = 5 at 2: on time;
        // +2 +3 = back at 10. Duration counts the warp, as in Vidal's segments: 13 > 9.
        let report = checker.check(Solution(routes: [SolutionRoute(clients: [1, 2])]))
        #expect(report.timeWarp == 3 + 4)
    }

    @Test func structuralErrors() throws {
        let problem = try TestSupport.randomProblem(.cvrp, clients: 4, seed: 1)
        let checker = FeasibilityChecker(problem: problem)
        let report = checker.check(Solution(routes: [SolutionRoute(clients: [1, 2, 2, 9])]))
        #expect(!report.isFeasible)
        #expect(report.structuralErrors.contains { $0.contains("unknown location 9") })
        let missing = checker.check(Solution(routes: [SolutionRoute(clients: [1, 2, 2])]))
        #expect(missing.structuralErrors.contains { $0.contains("client 2 is visited 2 times") })
        #expect(missing.structuralErrors.contains { $0.contains("client 3 is not visited") })
    }
}
