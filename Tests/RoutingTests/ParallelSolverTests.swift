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
}
