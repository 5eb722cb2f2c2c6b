import Testing

@testable import Routing

@Suite("maximal covering")
struct SitingCoveringTests {
    /// A road 0–1–2–3–4–5 with unit lengths; populations 5, 1, 1, 1, 1, 8; radius 1.
    /// One station: site 4 covers 3, 4, 5 (10 people), better than site 0 or 1 (6 or 7).
    /// Two stations: only {1, 4} covers everybody (17); {0, 4} and {1, 5} cover 16.
    @Test func handCheckedRoad() throws {
        let roads = (0..<5).map { SitingProblem.Road(from: $0, to: $0 + 1, length: 1) }
        let siting = try SitingProblem(nodeCount: 6, roads: roads, p: 1, weights: [5, 1, 1, 1, 1, 8])
        let one = try MaximalCoveringProblem(siting: siting, radius: 1)
        let first = MaximalCoveringSolver().solve(one, stop: .maxIterations(20), seed: 1)
        #expect(first.sites == [4] && first.coveredPopulation == 10 && first.totalPopulation == 17)
        #expect(try #require(first.upperBound) >= 10)
        let two = try MaximalCoveringProblem(siting: siting.with(p: 2), radius: 1)
        let second = MaximalCoveringSolver().solve(two, stop: .maxIterations(20), seed: 1)
        #expect(second.sites == [1, 4] && second.coveredPopulation == 17 && second.isProvenOptimal)
        #expect(throws: SitingProblemError.negativeRadius(-1)) {
            try MaximalCoveringProblem(siting: siting, radius: -1)
        }
    }

    @Test("solver finds the brute-force optimum; the upper bound is above it", arguments: 1...16)
    func bruteForce(seed: Int) throws {
        let siting = try SitingTestSupport.randomProblem(demand: 12, sites: 8, p: 1 + seed % 3, seed: UInt64(seed))
        let problem = try MaximalCoveringProblem(siting: siting, radius: 4 + seed % 4)
        let optimum = SitingTestSupport.bruteForceCovering(problem)
        let solution = MaximalCoveringSolver().solve(problem, stop: .maxIterations(40), seed: 2)
        #expect(solution.coveredPopulation == optimum)
        #expect(problem.coveredPopulation(by: solution.sites) == optimum)
        #expect(try #require(solution.upperBound) >= optimum)
        let again = MaximalCoveringSolver().solve(problem, stop: .maxIterations(40), seed: 2)
        #expect(
            again
                == MaximalCoveringSolution(
                    sites: solution.sites, coveredPopulation: solution.coveredPopulation,
                    totalPopulation: solution.totalPopulation,
                    upperBound: solution.upperBound, iterations: solution.iterations, seconds: again.seconds))
    }

    @Test func swapSavingEqualsRecomputedChange() throws {
        let siting = try SitingTestSupport.randomProblem(demand: 25, sites: 10, p: 3, seed: 5)
        let problem = try MaximalCoveringProblem(siting: siting, radius: 6)
        var state = CoveringInterchange(problem: problem)
        for site in [0, 1, 2] { state.open(site) }
        var random = Xoshiro256(seed: 4)
        for _ in 0..<8 {
            state.checkInvariants()
            let open = state.openSites
            for insert in 0..<siting.siteCount where !state.isOpen[insert] {
                for remove in open {
                    let after = open.map { $0 == remove ? insert : $0 }
                    #expect(
                        problem.coveredPopulation(by: after) - state.covered
                            == state.saving(insert: insert, remove: remove))
                }
            }
            let best = open.flatMap { remove in
                (0..<siting.siteCount).filter { !state.isOpen[$0] }.map { state.saving(insert: $0, remove: remove) }
            }.max()
            #expect(state.bestSwap()?.saving == best)
            var insert = random.unbiasedBelow(siting.siteCount)
            while state.isOpen[insert] { insert = random.unbiasedBelow(siting.siteCount) }
            state.swap(insert: insert, remove: open[random.unbiasedBelow(open.count)])
        }
    }

    @Test("best swap is the best of all swaps, by the sparse and the dense scan", arguments: [1, 3, 8, 20] as [Int])
    func bestSwapIsTheBest(p: Int) throws {
        let siting = try SitingTestSupport.randomProblem(demand: 50, sites: 30, p: p, seed: UInt64(60 + p))
        for radius in [2, 5, 9] {
            let problem = try MaximalCoveringProblem(siting: siting, radius: radius)
            var state = CoveringInterchange(problem: problem)
            for site in 0..<p { state.open(site) }
            var random = Xoshiro256(seed: UInt64(radius))
            for _ in 0..<5 {
                var best = Int.min
                for insert in 0..<siting.siteCount where !state.isOpen[insert] {
                    for remove in state.openSites { best = max(best, state.saving(insert: insert, remove: remove)) }
                }
                #expect(state.bestSwap()?.saving == best)
                state.shake(1, random: &random)
            }
        }
    }
}
