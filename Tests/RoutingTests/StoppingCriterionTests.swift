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

    @Test func solverHonoursIterationLimitAndReportsProgress() throws {
        let problem = try TestSupport.randomProblem(.cvrp, clients: 20, seed: 3)
        var improvements: [Int] = []
        let result = Solver(problem: problem).solve(stop: .any([.maxIterations(25), .maxRuntime(30)]), seed: 3) {
            improvements.append($0.bestCost)
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
