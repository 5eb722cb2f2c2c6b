import Testing

@testable import Routing

/// Layer 2: every move's O(1) delta must equal the change of the penalised cost that a
/// full recomputation sees after applying it, on every problem variant.
@Suite struct MoveTests {
    /// Loads random solutions and checks `Move.delta` against the recomputed cost change
    /// for many node pairs (including route starts). Returns how many moves were checked.
    @discardableResult
    static func checkDeltas<Move: NodeMove>(_ move: Move.Type, variant: TestSupport.Variant) throws -> Int {
        var checked = 0
        for seed in UInt64(1)...4 {
            let problem = try TestSupport.randomProblem(variant, clients: 14, seed: seed)
            var search = LocalSearch(problem: problem, neighbourCount: 13, seed: seed)
            search.loadPenalty = 7
            search.timePenalty = 3
            var rng = Xoshiro256(seed: seed &* 31)
            for round in 0..<12 {
                search.load(
                    TestSupport.randomSolution(search, seed: seed &* 100 &+ UInt64(round)), asLocalOptimum: false)
                for _ in 0..<30 {
                    let u = 1 + rng.below(search.n)
                    var v = 1 + rng.below(search.n)
                    if rng.below(5) == 0 { v = search.startDepot(search.routeOf[v]) }
                    guard let delta = Move.delta(u, v, in: search) else { continue }
                    let before = search.penalisedCost
                    Move.apply(u, v, to: &search)
                    let after = search.penalisedCost
                    #expect(after - before == delta, "\(Move.self) u=\(u) v=\(v) \(variant)")
                    #expect(recomputedCost(search) == after)
                    #expect(search.invariantViolations().isEmpty)
                    checked += 1
                }
            }
        }
        return checked
    }

    /// Penalised cost rebuilt from a fresh search state, independent of incremental updates.
    static func recomputedCost(_ search: LocalSearch) -> Int {
        var fresh = LocalSearch(problem: search.problem, neighbourCount: 3, seed: 1)
        fresh.loadPenalty = search.loadPenalty
        fresh.timePenalty = search.timePenalty
        fresh.load(search.solution(), asLocalOptimum: false)
        return fresh.penalisedCost
    }

    @Test(arguments: TestSupport.Variant.allCases) func relocate(variant: TestSupport.Variant) throws {
        #expect(try Self.checkDeltas(Relocate.self, variant: variant) > 0)
    }

    @Test(arguments: TestSupport.Variant.allCases) func orOpt(variant: TestSupport.Variant) throws {
        #expect(try Self.checkDeltas(OrOpt.self, variant: variant) > 0)
    }

    @Test(arguments: TestSupport.Variant.allCases) func swap(variant: TestSupport.Variant) throws {
        #expect(try Self.checkDeltas(Swap.self, variant: variant) > 0)
    }

    @Test(arguments: TestSupport.Variant.allCases) func swap21(variant: TestSupport.Variant) throws {
        #expect(try Self.checkDeltas(Swap21.self, variant: variant) > 0)
    }

    @Test(arguments: TestSupport.Variant.allCases) func swap22(variant: TestSupport.Variant) throws {
        #expect(try Self.checkDeltas(Swap22.self, variant: variant) > 0)
    }

    @Test(arguments: TestSupport.Variant.allCases) func twoOpt(variant: TestSupport.Variant) throws {
        #expect(try Self.checkDeltas(TwoOpt.self, variant: variant) > 0)
    }

    @Test(arguments: TestSupport.Variant.allCases) func twoOptStar(variant: TestSupport.Variant) throws {
        #expect(try Self.checkDeltas(TwoOptStar.self, variant: variant) > 0)
    }

    /// SWAP*: the exact price used to accept a candidate equals the recomputed change, and
    /// an applied SWAP* always lowers the cost.
    @Test(arguments: TestSupport.Variant.allCases) func swapStar(variant: TestSupport.Variant) throws {
        var checked = 0
        var improved = 0
        for seed in UInt64(1)...4 {
            let problem = try TestSupport.randomProblem(variant, clients: 14, seed: seed)
            var search = LocalSearch(problem: problem, neighbourCount: 13, seed: seed)
            search.loadPenalty = 7
            search.timePenalty = 3
            var rng = Xoshiro256(seed: seed)
            for round in 0..<10 {
                search.load(
                    TestSupport.randomSolution(search, seed: seed &* 50 &+ UInt64(round)), asLocalOptimum: false)
                let used = (0..<search.routeCount).filter { search.routeSize[$0] > 0 }
                guard used.count >= 2 else { continue }
                let a = used[0]
                let b = used[1]
                let clientsA = search.clients(of: a)
                let clientsB = search.clients(of: b)
                let u = clientsA[rng.below(clientsA.count)]
                let v = clientsB[rng.below(clientsB.count)]
                let anchorsA = [search.startDepot(a)] + clientsA.filter { $0 != u }
                let anchorsB = [search.startDepot(b)] + clientsB.filter { $0 != v }
                let afterV = anchorsA[rng.below(anchorsA.count)]
                let afterU = anchorsB[rng.below(anchorsB.count)]
                let predicted =
                    SwapStar.costAfterReplacing(u, by: v, after: afterV, search)
                    + SwapStar.costAfterReplacing(v, by: u, after: afterU, search)
                    - search.routeCost[a] - search.routeCost[b]
                let before = search.penalisedCost
                search.unlink(u)
                search.unlink(v)
                search.link(v, after: afterV)
                search.link(u, after: afterU)
                search.updateRoute(a)
                search.updateRoute(b)
                #expect(search.penalisedCost - before == predicted)
                checked += 1
                let current = search.penalisedCost
                if SwapStar.improve(a, b, in: &search) {
                    #expect(search.penalisedCost < current)
                    #expect(MoveTests.recomputedCost(search) == search.penalisedCost)
                    improved += 1
                }
            }
        }
        #expect(checked > 0)
        #expect(improved > 0)
    }

    /// The whole descent leaves no improving move and a consistent state.
    @Test(arguments: TestSupport.Variant.allCases) func descentReachesLocalOptimum(variant: TestSupport.Variant) throws
    {
        let problem = try TestSupport.randomProblem(variant, clients: 30, seed: 9)
        var search = LocalSearch(problem: problem, neighbourCount: 10, seed: 9)
        search.load(TestSupport.randomSolution(search, seed: 9), asLocalOptimum: false)
        let start = search.penalisedCost
        search.search()
        #expect(search.penalisedCost <= start)
        #expect(MoveTests.recomputedCost(search) == search.penalisedCost)
        for u in 1...search.n {
            for v in search.neighbours(of: u) {
                #expect((Relocate.delta(u, v, in: search) ?? 0) >= 0)
                #expect((Swap.delta(u, v, in: search) ?? 0) >= 0)
            }
        }
    }
}
