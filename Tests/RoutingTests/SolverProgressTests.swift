import Testing

@testable import Routing

/// The one progress type that vehicle routing and both siting searches report with.
@Suite struct SolverProgressTests {
    @Test func routingReportsFallingCostsAndNoBound() throws {
        let problem = try TestSupport.randomProblem(.timeWindows, clients: 18, seed: 5)
        var reports: [SolverProgress] = []
        let result = Solver(problem: problem).solve(stop: .maxIterations(40), seed: 5) { reports.append($0) }
        #expect(!reports.isEmpty)
        #expect(reports.allSatisfy { $0.bound == nil })
        #expect(reports.map(\.best) == reports.map(\.best).sorted(by: >))
        #expect(reports.map(\.iterations) == reports.map(\.iterations).sorted())
        #expect(reports.last?.best == result.report.cost)
        #expect(reports.allSatisfy { $0.iterations <= result.iterations && $0.seconds >= 0 })
    }

    @Test func pMedianReportsFallingCostsAboveItsLowerBound() throws {
        let problem = try SitingTestSupport.randomProblem(demand: 60, sites: 40, p: 6, seed: 42)
        var reports: [SolverProgress] = []
        let solution = PMedianSolver().solve(problem, stop: .maxIterations(50), seed: 3) { reports.append($0) }
        #expect(!reports.isEmpty)
        #expect(reports.map(\.best) == reports.map(\.best).sorted(by: >))
        #expect(reports.allSatisfy { report in report.bound.map { $0 <= report.best } ?? true })
        #expect(reports.last?.best == solution.cost)
        #expect(reports.last?.bound == solution.lowerBound)
    }

    @Test func coveringReportsRisingPopulationsBelowItsUpperBound() throws {
        let siting = try SitingTestSupport.randomProblem(demand: 50, sites: 30, p: 4, seed: 12)
        let problem = try MaximalCoveringProblem(siting: siting, radius: 5)
        var reports: [SolverProgress] = []
        let solution = MaximalCoveringSolver().solve(problem, stop: .maxIterations(60), seed: 4) {
            reports.append($0)
        }
        #expect(!reports.isEmpty)
        #expect(reports.map(\.best) == reports.map(\.best).sorted())
        #expect(reports.allSatisfy { report in report.bound.map { $0 >= report.best } ?? true })
        #expect(reports.last?.best == solution.coveredPopulation)
        #expect(reports.last?.bound == solution.upperBound)
    }

    @Test func boundIsOptional() {
        let routing = SolverProgress(best: 120, iterations: 3, seconds: 0.5)
        #expect(routing.bound == nil)
        #expect(SolverProgress(best: 120, bound: 100, iterations: 3, seconds: 0.5) != routing)
    }
}
