import Testing

@testable import Routing

@Suite struct StoppingCriterionTests {
    let state = StoppingCriterion.State(seconds: 5, iterations: 100, iterationsWithoutImprovement: 30)

    @Test func singleCriteria() {
        #expect(StoppingCriterion.maxRuntime(5).shouldStop(state))
        #expect(!StoppingCriterion.maxRuntime(6).shouldStop(state))
        #expect(StoppingCriterion.maxIterations(100).shouldStop(state))
        #expect(!StoppingCriterion.noImprovement(31).shouldStop(state))
    }

    @Test func composition() {
        #expect(StoppingCriterion.any([.maxRuntime(60), .maxIterations(50)]).shouldStop(state))
        #expect(!StoppingCriterion.all([.maxRuntime(60), .maxIterations(50)]).shouldStop(state))
        #expect(StoppingCriterion.all([.noImprovement(10), .maxIterations(50)]).shouldStop(state))
        #expect(StoppingCriterion.any([.maxRuntime(10), .maxIterations(400)]).progress(state) == 0.5)
        #expect(StoppingCriterion.noImprovement(5).progress(state) == nil)
    }

    @Test func emptyCompositionsNeverStop() {
        #expect(!StoppingCriterion.any([]).shouldStop(state))
        #expect(!StoppingCriterion.all([]).shouldStop(state))
        #expect(StoppingCriterion.any([]).progress(state) == nil)
    }

    @Test func runtimeLimitIsTheTimeBudget() {
        #expect(StoppingCriterion.maxRuntime(8).runtimeLimit == 8)
        #expect(StoppingCriterion.maxIterations(8).runtimeLimit == nil)
        #expect(StoppingCriterion.noImprovement(8).runtimeLimit == nil)
        #expect(StoppingCriterion.any([.maxRuntime(10), .maxIterations(5), .maxRuntime(4)]).runtimeLimit == 4)
        #expect(StoppingCriterion.all([.maxRuntime(10), .noImprovement(5), .maxRuntime(4)]).runtimeLimit == 10)
        #expect(StoppingCriterion.any([.all([.maxRuntime(3), .maxRuntime(6)]), .maxRuntime(9)]).runtimeLimit == 6)
        #expect(StoppingCriterion.any([.maxIterations(5)]).runtimeLimit == nil)
    }

    /// The siting searches hand a phase a share of the time budget.
    @Test func outOfTimeForAShareOfTheBudget() {
        let stop = StoppingCriterion.any([.maxRuntime(10), .maxIterations(1_000)])
        #expect(stop.isOutOfTime(seconds: 3, fraction: 0.3))
        #expect(!stop.isOutOfTime(seconds: 2.9, fraction: 0.3))
        #expect(!stop.isOutOfTime(seconds: 9.9))
        #expect(stop.isOutOfTime(seconds: 10))
        #expect(!StoppingCriterion.maxIterations(5).isOutOfTime(seconds: 1e9, fraction: 0))
    }

    @Test func budgetMeasuresFromItsStart() {
        let budget = SearchBudget(.any([.maxRuntime(3_600), .maxIterations(10), .noImprovement(4)]))
        #expect(budget.seconds >= 0 && budget.seconds < 60)
        #expect(!budget.isOutOfTime(fraction: 0.5))
        #expect(!budget.isExhausted(iterations: 9, sinceImprovement: 3))
        #expect(budget.isExhausted(iterations: 10, sinceImprovement: 0))
        #expect(budget.isExhausted(iterations: 5, sinceImprovement: 4))
        #expect(SearchBudget(.maxRuntime(0)).isOutOfTime())
    }

    @Test func pMedianStopsOnTheSharedCriterion() throws {
        var parameters = PMedianParameters()
        parameters.computesLowerBound = false
        let problem = try SitingTestSupport.randomProblem(demand: 40, sites: 25, p: 4, seed: 8)
        let solver = PMedianSolver(parameters: parameters)
        let byIterations = solver.solve(problem, stop: .any([.maxRuntime(600), .maxIterations(17)]), seed: 2)
        #expect(byIterations.iterations == 17)
        var lastImprovement = 0
        let stalled = solver.solve(problem, stop: .any([.noImprovement(9), .maxIterations(5_000)]), seed: 2) {
            lastImprovement = $0.iterations
        }
        #expect(stalled.iterations == min(5_000, lastImprovement + 9))
        let both = solver.solve(problem, stop: .all([.maxIterations(30), .noImprovement(9)]), seed: 2)
        #expect(both.iterations >= 30)
    }

    @Test func maximalCoveringStopsOnTheSharedCriterion() throws {
        let siting = try SitingTestSupport.randomProblem(demand: 50, sites: 30, p: 4, seed: 12)
        let problem = try MaximalCoveringProblem(siting: siting, radius: 5)
        let solver = MaximalCoveringSolver(computesUpperBound: false)
        let byIterations = solver.solve(problem, stop: .maxIterations(23), seed: 4)
        #expect(byIterations.iterations == 23)
        var lastImprovement = 0
        let stalled = solver.solve(problem, stop: .any([.noImprovement(7), .maxIterations(5_000)]), seed: 4) {
            lastImprovement = $0.iterations
        }
        #expect(stalled.coveredPopulation < problem.totalPopulation)
        #expect(stalled.iterations == min(5_000, lastImprovement + 7))
    }

    @Test func solverHonoursIterationLimitAndReportsProgress() throws {
        let problem = try TestSupport.randomProblem(.cvrp, clients: 20, seed: 3)
        var improvements: [Int] = []
        let result = Solver(problem: problem).solve(stop: .any([.maxIterations(25), .maxRuntime(30)]), seed: 3) {
            improvements.append($0.best)
        }
        #expect(result.iterations == 25)
        #expect(!improvements.isEmpty)
        #expect(improvements == improvements.sorted(by: >))
        #expect(improvements.last == result.report.cost)
    }

    @Test func xoshiroIsDeterministic() {
        var a = Xoshiro256(seed: 42)
        var b = Xoshiro256(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
        var c = Xoshiro256(seed: 1)
        #expect((0..<1000).allSatisfy { _ in c.below(7) < 7 })
    }
}
