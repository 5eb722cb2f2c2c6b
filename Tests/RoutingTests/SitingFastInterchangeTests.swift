import Testing

@testable import Routing

@Suite("fast interchange (Resende & Werneck 2004)")
struct SitingFastInterchangeTests {
    @Test("every swap's saving equals the recomputed cost change", arguments: [1, 2, 3, 5] as [Int])
    func savingEqualsRecomputedChange(p: Int) throws {
        let problem = try SitingTestSupport.randomProblem(demand: 30, sites: 12, p: p, seed: UInt64(p))
        var random = Xoshiro256(seed: 11)
        var state = FastInterchange(
            problem: problem, nearestSites: SitingNearestSites(problem), sites: Array(0..<p))
        state.checksInvariants = true
        for _ in 0..<10 {
            let open = state.openSites
            for insert in 0..<problem.siteCount where !state.isOpen[insert] {
                for remove in open {
                    let after = open.map { $0 == remove ? insert : $0 }
                    #expect(state.cost - problem.medianCost(of: after) == state.saving(insert: insert, remove: remove))
                }
            }
            // Take a random swap so later checks start from updated bookkeeping.
            var insert = random.unbiasedBelow(problem.siteCount)
            while state.isOpen[insert] { insert = random.unbiasedBelow(problem.siteCount) }
            state.swap(insert: insert, remove: open[random.unbiasedBelow(p)])
        }
    }

    @Test("best swap is the best of all swaps, by the sparse and the dense scan", arguments: [1, 2, 4, 8, 12] as [Int])
    func bestSwapIsTheBest(p: Int) throws {
        // 40 sites: small p takes the dense scan, large p the sparse one.
        let problem = try SitingTestSupport.randomProblem(demand: 60, sites: 40, p: p, seed: UInt64(30 + p))
        var random = Xoshiro256(seed: 3)
        var state = FastInterchange(
            problem: problem, nearestSites: SitingNearestSites(problem), sites: Array(0..<p))
        for _ in 0..<5 {
            var best = Int.min
            for insert in 0..<problem.siteCount where !state.isOpen[insert] {
                for remove in state.openSites { best = max(best, state.saving(insert: insert, remove: remove)) }
            }
            let move = try #require(state.bestSwap())
            #expect(move.saving == best)
            #expect(state.saving(insert: move.insert, remove: move.remove) == best)
            var insert = random.unbiasedBelow(problem.siteCount)
            while state.isOpen[insert] { insert = random.unbiasedBelow(problem.siteCount) }
            state.swap(insert: insert, remove: state.openSites[random.unbiasedBelow(p)])
        }
    }

    @Test func descentEndsInALocalOptimum() throws {
        let problem = try SitingTestSupport.randomProblem(demand: 40, sites: 20, p: 4, seed: 77)
        var state = FastInterchange(problem: problem, nearestSites: SitingNearestSites(problem), sites: [0, 1, 2, 3])
        state.checksInvariants = true
        let start = state.cost
        let moves = state.descend()
        #expect(moves > 0 && state.cost < start)
        for insert in 0..<problem.siteCount where !state.isOpen[insert] {
            for remove in state.openSites {
                #expect(problem.medianCost(of: state.openSites.map { $0 == remove ? insert : $0 }) >= state.cost)
            }
        }
        state.move(to: [4, 5, 6, 7])
        #expect(state.sites == [4, 5, 6, 7])
        #expect(state.cost == problem.medianCost(of: [4, 5, 6, 7]))
    }
}
