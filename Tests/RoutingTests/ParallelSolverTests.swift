import Testing

@testable import Routing

@Suite struct ParallelSolverTests {
    /// Two independent searches keep the better one and add up their iterations.
    @Test func keepsTheBestOfIndependentSearches() throws {
        let problem = try TestSupport.randomProblem(.cvrp, clients: 15, seed: 4)
        let solver = Solver(problem: problem)
        let both = ParallelSolver(solver: solver, threads: 2).solve(stop: .maxIterations(10), seed: 5)
        let first = solver.solve(stop: .maxIterations(10), seed: 5)
        let second = solver.solve(stop: .maxIterations(10), seed: 6)
        #expect(both.iterations == 20)
        #expect(both.report.isFeasible)
        #expect(both.report.cost == min(first.report.cost, second.report.cost))
    }

    /// The seed is the caller's: one thread is the plain search from that seed, and each
    /// seed gives its own reproducible result.
    @Test func oneThreadSearchesFromTheCallersSeed() throws {
        let problem = try TestSupport.randomProblem(.pickupDelivery, clients: 15, seed: 2)
        let solver = Solver(problem: problem)
        let parallel = ParallelSolver(solver: solver, threads: 1)
        for seed in UInt64(7)...9 {
            let alone = solver.solve(stop: .maxIterations(12), seed: seed)
            let viaParallel = parallel.solve(stop: .maxIterations(12), seed: seed)
            #expect(viaParallel.solution == alone.solution && viaParallel.report.cost == alone.report.cost)
            #expect(viaParallel.iterations == alone.iterations)
        }
    }
}
