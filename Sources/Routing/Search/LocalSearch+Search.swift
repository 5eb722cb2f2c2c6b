extension LocalSearch {
    /// Applies improving moves until none is left: for each client `u` (in random order)
    /// and each granular neighbour `v`, the node moves in a fixed order, first improvement;
    /// then SWAP* between routes with overlapping polar sectors. Pairs whose routes have
    /// not changed since `u` was last tested are skipped (Vidal 2022, section 3), so after
    /// a small perturbation only its surroundings are searched again.
    mutating func search() {
        var order = Array(1..<(n + 1))
        order.shuffle(using: &rng)
        var improved = true
        while improved {
            improved = false
            for u in order where isRouted(u) {
                let lastTest = lastTested[u]
                lastTested[u] = moveCounter
                let begin = neighbourStart[u]
                let end = neighbourStart[u + 1]
                var k = begin
                while k < end {
                    let v = neighbourList[k]
                    k &+= 1
                    guard isRouted(v) else { continue }
                    if lastModified[routeOf[u]] <= lastTest && lastModified[routeOf[v]] <= lastTest { continue }
                    if tryNodeMoves(u, v) { improved = true }
                }
                if lastModified[routeOf[u]] > lastTest && routeSize[routeOf[u]] > 1 {
                    if tryEmptyRoutes(u) { improved = true }
                }
            }
            if useSwapStar && swapStarPass() { improved = true }
        }
        assert(invariantViolations().isEmpty, "search state: \(invariantViolations().prefix(3))")
    }

    @inline(__always)
    mutating func attempt<Move: NodeMove>(_ move: Move.Type, _ u: Int, _ v: Int) -> Bool {
        guard let delta = Move.delta(u, v, in: self), delta < 0 else { return false }
        Move.apply(u, v, to: &self)
        return true
    }

    /// The node moves of Vidal 2022 (relocate, Or-opt, swap, (2,1)/(2,2) swaps, 2-opt,
    /// 2-opt*), also with `v`'s route start when `v` is first in its route.
    mutating func tryNodeMoves(_ u: Int, _ v: Int) -> Bool {
        if attempt(Relocate.self, u, v) { return true }
        if attempt(OrOpt.self, u, v) { return true }
        if attempt(Swap.self, u, v) { return true }
        if attempt(Swap21.self, u, v) { return true }
        if attempt(Swap22.self, u, v) { return true }
        if routeOf[u] == routeOf[v] {
            if attempt(TwoOpt.self, u, v) { return true }
        } else if attempt(TwoOptStar.self, u, v) {
            return true
        }
        let pv = prev[v]
        if isDepot(pv) {
            if attempt(Relocate.self, u, pv) { return true }
            if attempt(OrOpt.self, u, pv) { return true }
            if routeOf[u] != routeOf[v] && attempt(TwoOptStar.self, u, pv) { return true }
        }
        return false
    }

    /// Relocates `u` into an empty vehicle of each type, if one is left.
    mutating func tryEmptyRoutes(_ u: Int) -> Bool {
        var seenTypes = 0
        var r = 0
        while r < routeCount {
            if routeSize[r] == 0 && seenTypes & (1 << min(routeType[r], 62)) == 0 {
                seenTypes |= 1 << min(routeType[r], 62)
                if attempt(Relocate.self, u, startDepot(r)) { return true }
            }
            r &+= 1
        }
        return false
    }

    /// One round of SWAP* over pairs of non-empty routes, at least one changed since the
    /// first was last tested, whose sectors overlap (all pairs without coordinates).
    mutating func swapStarPass() -> Bool {
        var improved = false
        let used = (0..<routeCount).filter { routeSize[$0] > 0 }
        for (index, a) in used.enumerated() {
            let lastTest = lastTestedSwapStar[a]
            lastTestedSwapStar[a] = moveCounter
            for b in used[(index + 1)...] {
                guard routeSize[a] > 0, routeSize[b] > 0 else { continue }
                if lastModified[a] <= lastTest && lastModified[b] <= lastTest { continue }
                if !angle.isEmpty && !CircleSector.overlap(sector[a], sector[b]) { continue }
                if SwapStar.improve(a, b, in: &self) { improved = true }
            }
        }
        return improved
    }
}
