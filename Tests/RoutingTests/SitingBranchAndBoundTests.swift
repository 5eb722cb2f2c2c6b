import Testing

@testable import Routing

@Suite("p-median branch and bound and reduced-cost fixing")
struct SitingBranchAndBoundTests {
    @Test("finds and proves the brute-force optimum from a poor incumbent", arguments: 1...20)
    func provesOptimum(seed: Int) throws {
        let problem = try SitingTestSupport.randomProblem(
            demand: 14, sites: 10, p: 1 + seed % 4, seed: UInt64(200 + seed))
        let optimum = SitingTestSupport.bruteForceMedian(problem)
        let start = Array(0..<problem.p)
        let relaxation = PMedianLagrangianBound(problem: problem, nearestSites: SitingNearestSites(problem))
        let outcome = PMedianBranchAndBound(relaxation: relaxation).run(
            incumbent: problem.medianCost(of: start), incumbentSites: start,
            rootMultipliers: Array(repeating: 0, count: problem.demandCount), shouldStop: { false })
        #expect(outcome.isComplete)
        #expect(outcome.bestCost == optimum && outcome.lowerBound == optimum)
        #expect(problem.medianCost(of: outcome.bestSites) == optimum)
    }

    @Test("a tree cut short still reports a valid lower bound", arguments: 1...12)
    func truncatedTreeBound(seed: Int) throws {
        let problem = try SitingTestSupport.randomProblem(
            demand: 16, sites: 12, p: 2 + seed % 3, seed: UInt64(400 + seed))
        let optimum = SitingTestSupport.bruteForceMedian(problem)
        let start = Array(0..<problem.p)
        var tree = PMedianBranchAndBound(
            relaxation: PMedianLagrangianBound(problem: problem, nearestSites: SitingNearestSites(problem)))
        for limit in [1, 2, 3, 5] {
            tree.nodeLimit = limit
            let outcome = tree.run(
                incumbent: problem.medianCost(of: start), incumbentSites: start,
                rootMultipliers: Array(repeating: 0, count: problem.demandCount), shouldStop: { false })
            #expect(outcome.lowerBound <= optimum && outcome.bestCost >= optimum)
            #expect(problem.medianCost(of: outcome.bestSites) == outcome.bestCost)
        }
    }

    @Test("reduced-cost fixing never removes every optimal solution", arguments: 1...20)
    func fixingKeepsAnOptimum(seed: Int) throws {
        let problem = try SitingTestSupport.randomProblem(
            demand: 12, sites: 9, p: 2 + seed % 3, seed: UInt64(300 + seed))
        let all = SitingTestSupport.combinations(problem.siteCount, problem.p)
        let optimum = all.map { problem.medianCost(of: $0) }.min()!
        let optimal = all.filter { problem.medianCost(of: $0) == optimum }
        let relaxation = PMedianLagrangianBound(problem: problem, nearestSites: SitingNearestSites(problem))
        var lambda = [Double](repeating: 0, count: problem.demandCount)
        var random = Xoshiro256(seed: UInt64(seed))
        for _ in 0..<10 {
            // Fixing against the upper bound optimum + 1 must keep every optimal solution.
            var fixing = [PMedianLagrangianBound.Fixing](repeating: .free, count: problem.siteCount)
            let at = try #require(relaxation.evaluate(lambda, fixing: fixing))
            #expect(at.value <= Double(optimum) + 1e-6)
            relaxation.fixSites(&fixing, by: at, upperBound: optimum + 1)
            for sites in optimal {
                #expect(sites.allSatisfy { fixing[$0] != .closed })
                #expect((0..<problem.siteCount).allSatisfy { fixing[$0] != .open || sites.contains($0) })
            }
            lambda = lambda.indices.map { _ in Double(random.unbiasedBelow(40)) }
        }
    }

    @Test func solverProvesTheOptimumWhenTheRootBoundHasAGap() throws {
        // Search the seeds for a tiny instance whose Lagrangian (LP) bound is below the optimum.
        var checked = 0
        for seed in UInt64(1)...UInt64(60) {
            let problem = try SitingTestSupport.randomProblem(demand: 16, sites: 12, p: 3, seed: seed)
            let optimum = SitingTestSupport.bruteForceMedian(problem)
            let root = PMedianLagrangianBound(problem: problem, nearestSites: SitingNearestSites(problem)).run(
                upperBound: optimum, multipliers: Array(repeating: 1, count: problem.demandCount),
                iterationLimit: 3_000, shouldStop: { false })
            guard root.bound < optimum else { continue }
            checked += 1
            let solution = PMedianSolver().solve(problem, stop: .maxIterations(20), seed: seed)
            #expect(solution.cost == optimum)
            #expect(solution.isProvenOptimal)
        }
        #expect(checked > 0)
    }
}
