import Testing

@testable import Routing

/// Layer 3: seeded runs on standard instances, stopped by iterations so that they are
/// deterministic, must keep producing exactly these costs (and feasible solutions). A
/// change here means the search changed: check the benchmarks before updating them.
@Suite struct RegressionTests {
    static func run(_ fixture: String, iterations: Int, seed: UInt64 = 1) throws -> SolverResult {
        let instance = try InstanceReader.read(path: TestSupport.fixture(fixture))
        let result = Solver(problem: instance.problem).solve(stop: .maxIterations(iterations), seed: seed)
        #expect(result.report.isFeasible)
        #expect(FeasibilityChecker(problem: instance.problem).check(result.solution) == result.report)
        return result
    }

    @Test func augeratA32() throws {
        let result = try Self.run("A-n32-k5.vrp", iterations: 60)
        #expect(result.report.cost == 784)  // optimal
    }

    @Test func solomonC101() throws {
        let result = try Self.run("C101.txt", iterations: 8)
        #expect(result.report.cost == 9007)  // optimum 8273 (827.3 with one-decimal distances)
    }

    @Test func dethloffCON30() throws {
        let result = try Self.run("CON3-0.vrpspd", iterations: 15)
        #expect(result.report.cost == 6_359_855)  // BKS 616.52 × 10⁴
    }

    @Test func sameSeedSameSolution() throws {
        let first = try Self.run("A-n32-k5.vrp", iterations: 15, seed: 7)
        let second = try Self.run("A-n32-k5.vrp", iterations: 15, seed: 7)
        #expect(first.solution == second.solution)
        #expect(first.iterations == 15)
    }
}
