import Testing

@testable import Routing

@Suite("p-median solver")
struct SitingPMedianTests {
    @Test("solver finds the brute-force optimum and the bound is below it", arguments: 1...24)
    func bruteForceOptimum(seed: Int) throws {
        let (n, m, p) = (6 + seed % 5, 5 + seed % 4, 1 + seed % 4)
        let problem = try SitingTestSupport.randomProblem(demand: n, sites: m, p: p, seed: UInt64(seed))
        let optimum = SitingTestSupport.bruteForceMedian(problem)
        let solution = PMedianSolver().solve(problem, stop: .maxIterations(60), seed: 7)
        #expect(solution.cost == optimum)
        #expect(solution.cost == problem.medianCost(of: solution.sites))
        #expect(solution.sites.count == problem.p && Set(solution.sites).count == problem.p)
        let bound = try #require(solution.lowerBound)
        #expect(bound <= optimum)
    }

    @Test func lagrangianBoundNeverExceedsTheOptimum() throws {
        for seed in UInt64(100)..<UInt64(130) {
            let problem = try SitingTestSupport.randomProblem(demand: 9, sites: 8, p: 1 + Int(seed % 4), seed: seed)
            let optimum = SitingTestSupport.bruteForceMedian(problem)
            let result = PMedianLagrangianBound(problem: problem, nearestSites: SitingNearestSites(problem)).run(
                upperBound: optimum, multipliers: Array(repeating: 0, count: problem.demandCount),
                iterationLimit: 500, shouldStop: { false })
            #expect(result.bound <= optimum, "seed \(seed)")
            if let sites = result.bestSites { #expect(problem.medianCost(of: sites) == result.bestCost) }
        }
    }

    @Test func everySiteOpenCostsTheSumOfNearestDistances() throws {
        let problem = try SitingProblem(weights: [1, 2], distances: [[3, 1], [2, 5]], p: 2)
        let solution = PMedianSolver().solve(problem, seed: 1)
        #expect(solution.sites == [0, 1])
        #expect(solution.cost == 1 + 4)
        #expect(solution.isProvenOptimal)
    }

    @Test func sameSeedSameAnswer() throws {
        let problem = try SitingTestSupport.randomProblem(demand: 60, sites: 40, p: 6, seed: 42)
        var reports = 0
        let a = PMedianSolver().solve(problem, stop: .maxIterations(50), seed: 3) { _ in reports += 1 }
        let b = PMedianSolver().solve(problem, stop: .maxIterations(50), seed: 3)
        #expect(a.sites == b.sites && a.cost == b.cost && a.lowerBound == b.lowerBound && a.iterations == b.iterations)
        #expect(reports >= 1)
    }

    @Test func invariantsHoldThroughoutASearch() throws {
        var parameters = PMedianParameters()
        parameters.checksInvariants = true
        let problem = try SitingTestSupport.randomProblem(demand: 25, sites: 15, p: 4, seed: 9)
        let solution = PMedianSolver(parameters: parameters).solve(problem, stop: .maxIterations(30), seed: 1)
        #expect(solution.cost == SitingTestSupport.bruteForceMedian(problem))
    }

    @Test func timeLimitStopsTheSearch() throws {
        var parameters = PMedianParameters()
        parameters.computesLowerBound = false
        let problem = try SitingTestSupport.randomProblem(demand: 40, sites: 30, p: 5, seed: 5)
        let solution = PMedianSolver(parameters: parameters).solve(problem, stop: .maxRuntime(0.2), seed: 1)
        #expect(solution.seconds < 2)
        #expect(solution.lowerBound == nil)
    }
}
