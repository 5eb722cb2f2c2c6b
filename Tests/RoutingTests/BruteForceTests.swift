import Testing

@testable import Routing

/// Layer 1: on tiny instances the solver must find the optimum a brute force finds.
@Suite struct BruteForceTests {
    @Test(arguments: [TestSupport.Variant.cvrp, .pickupDelivery, .timeWindows], [1, 2, 3])
    func solverFindsBruteForceOptimum(variant: TestSupport.Variant, seed: UInt64) throws {
        let problem = try TestSupport.randomProblem(variant, clients: 6, seed: seed)
        let optimum = TestSupport.bruteForceOptimum(problem)
        let result = Solver(problem: problem).solve(stop: .maxIterations(150), seed: seed)
        #expect(result.report.isFeasible)
        #expect(result.report.cost == optimum)
    }

    @Test func solverSolvesHandCheckedLine() throws {
        // Depot at 0, clients on a line at 10, 20, 30; capacity 2 units, demand 1 each.
        let positions = [0, 10, 20, 30]
        let distances = positions.flatMap { a in positions.map { b in abs(a - b) } }
        let problem = try ProblemData(
            dimension: 4, distances: distances, deliveries: [0, 1, 1, 1],
            vehicleTypes: [VehicleType(capacity: 2, count: 3)])
        #expect(TestSupport.bruteForceOptimum(problem) == 80)  // 0-20-30-0 (60) and 0-10-0 (20)
        let result = Solver(problem: problem).solve(stop: .maxIterations(50), seed: 1)
        #expect(result.report.cost == 80)
    }
}
