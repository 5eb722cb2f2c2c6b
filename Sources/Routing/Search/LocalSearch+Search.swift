extension LocalSearch {
    /// Applies improving moves until none is left: for each client `u` (in random order)
    /// and each granular neighbour `v`, the node operators in their list's order, first
    /// improvement; then the route operators (SWAP*) between routes with overlapping polar
    /// sectors. Pairs whose routes have not changed since `u` was last tested are skipped
    /// (Vidal 2022, section 3), so after a small perturbation only its surroundings are
    /// searched again.
    mutating func search() {
        var order = Array(1..<(n + 1))
        order.shuffle(using: &rng)
        let operators = nodeOperators
        let startOperators = routeStartOperators
        let intoEmptyRoutes = relocatesIntoEmptyRoutes
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
                    if tryNodeMoves(u, v, operators, startOperators) { improved = true }
                }
                if intoEmptyRoutes && lastModified[routeOf[u]] > lastTest && routeSize[routeOf[u]] > 1 {
                    if tryEmptyRoutes(u) { improved = true }
                }
            }
            if !routeOperators.isEmpty && routeOperatorPass() { improved = true }
        }
        assert(invariantViolations().isEmpty, "search state: \(invariantViolations().prefix(3))")
    }

    @inline(__always)
    mutating func attempt<Move: NodeMove>(_ move: Move.Type, _ u: Int, _ v: Int) -> Bool {
        guard let delta = Move.delta(u, v, in: self), delta < 0 else { return false }
        Move.apply(u, v, to: &self)
        return true
    }

    /// Applies the first improving move that ``firstImprovingMove(_:_:_:_:)`` finds for
    /// `(u, v)`, if any.
    mutating func tryNodeMoves(
        _ u: Int, _ v: Int, _ operators: [NodeOperator], _ startOperators: [NodeOperator]
    ) -> Bool {
        guard let (move, target) = firstImprovingMove(u, v, operators, startOperators) else { return false }
        apply(move, u, target)
        return true
    }

    /// The first of `operators` that improves on `(u, v)`, in order, then, when `v` is first
    /// in its route, of `startOperators` with `v`'s route start in place of `v`; with the node
    /// it applies to. Operators for pairs within one route (2-opt) or in two (2-opt*) are
    /// priced only on such pairs. (Not mutating, so that pricing reads the state in place.)
    func firstImprovingMove(
        _ u: Int, _ v: Int, _ operators: [NodeOperator], _ startOperators: [NodeOperator]
    ) -> (NodeOperator, Int)? {
        let sameRoute = routeOf[u] == routeOf[v]
        for move in operators where improves(move, u, v, sameRoute: sameRoute) { return (move, v) }
        let pv = prev[v]
        if isDepot(pv) {
            for move in startOperators where improves(move, u, pv, sameRoute: sameRoute) { return (move, pv) }
        }
        return nil
    }

    @inline(__always)
    func improves(_ move: NodeOperator, _ u: Int, _ v: Int, sameRoute: Bool) -> Bool {
        if let within = move.withinOneRoute, within != sameRoute { return false }
        guard let delta = delta(move, u, v) else { return false }
        return delta < 0
    }

    /// Relocates `u` into an empty vehicle of each type, if one is left (the relocate
    /// operator with an empty route's start for `v`).
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

    /// One round of the route operators over pairs of non-empty routes, at least one changed
    /// since the first was last tested, whose sectors overlap (all pairs without coordinates).
    mutating func routeOperatorPass() -> Bool {
        let operators = routeOperators
        var improved = false
        let used = (0..<routeCount).filter { routeSize[$0] > 0 }
        for (index, a) in used.enumerated() {
            let lastTest = lastTestedRoutePairs[a]
            lastTestedRoutePairs[a] = moveCounter
            for b in used[(index + 1)...] {
                guard routeSize[a] > 0, routeSize[b] > 0 else { continue }
                if lastModified[a] <= lastTest && lastModified[b] <= lastTest { continue }
                if !angle.isEmpty && !CircleSector.overlap(sector[a], sector[b]) { continue }
                for move in operators where improve(move, a, b) {
                    improved = true
                    break
                }
            }
        }
        return improved
    }
}
