/// SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and
/// SWAP* neighborhood", section 4): exchanges a client `u` of route A with a client `v` of
/// route B, each inserted at its best position in the other route rather than in the
/// other's place. Candidates are screened with distances and loads in O(|A|·|B|) using the
/// three cheapest insertion positions of every client; the best is then priced exactly with
/// route segments (so time windows and pickups count) and applied only if it improves.
enum SwapStar: RouteMove {
    /// One of the three cheapest places to insert a client into the other route.
    struct Insertion {
        var cost = Int.max
        var after = -1
    }

    struct TopThree {
        var items = (Insertion(), Insertion(), Insertion())

        mutating func add(_ cost: Int, _ after: Int) {
            if cost >= items.2.cost { return }
            if cost >= items.1.cost {
                items.2 = Insertion(cost: cost, after: after)
            } else if cost >= items.0.cost {
                items.2 = items.1
                items.1 = Insertion(cost: cost, after: after)
            } else {
                items.2 = items.1
                items.1 = items.0
                items.0 = Insertion(cost: cost, after: after)
            }
        }
    }

    static func improve(_ a: Int, _ b: Int, in search: inout LocalSearch) -> Bool {
        let clientsA = search.clients(of: a)
        let clientsB = search.clients(of: b)
        let topA = clientsA.map { insertionCosts($0, into: b, search) }
        let topB = clientsB.map { insertionCosts($0, into: a, search) }
        let removalA = clientsA.map { removalCost($0, search) }
        let removalB = clientsB.map { removalCost($0, search) }
        let p = search.problem
        let loadA = search.loadBefore[search.endDepot(a)].delivery
        let loadB = search.loadBefore[search.endDepot(b)].delivery
        func loadPenalty(_ load: Int, _ r: Int) -> Int {
            max(0, load &- search.capacity[r]) &* search.loadPenalty
        }
        let penaltyA = loadPenalty(loadA, a)
        let penaltyB = loadPenalty(loadB, b)
        var best = (delta: 0, u: -1, afterU: -1, v: -1, afterV: -1)
        for (i, u) in clientsA.enumerated() {
            for (j, v) in clientsB.enumerated() {
                let shift = p.deliveries[v] &- p.deliveries[u]
                let deltaPenalty =
                    loadPenalty(loadA &+ shift, a) &- penaltyA
                    &+ loadPenalty(loadB &- shift, b) &- penaltyB
                let base = deltaPenalty &+ removalA[i] &+ removalB[j]
                if base >= 0 { continue }
                let (costU, afterU) = cheapestInsertion(u, topA[i], replacing: v, in: b, search)
                let (costV, afterV) = cheapestInsertion(v, topB[j], replacing: u, in: a, search)
                let delta = base &+ costU &+ costV
                if delta < best.delta { best = (delta, u, afterU, v, afterV) }
            }
        }
        guard best.u >= 0 else { return false }
        let exact =
            costAfterReplacing(best.u, by: best.v, after: best.afterV, search)
            &+ costAfterReplacing(best.v, by: best.u, after: best.afterU, search)
            &- search.routeCost[a] &- search.routeCost[b]
        guard exact < 0 else { return false }
        search.noteMove()
        search.unlink(best.u)
        search.unlink(best.v)
        search.link(best.v, after: best.afterV)
        search.link(best.u, after: best.afterU)
        search.updateRoute(a)
        search.updateRoute(b)
        return true
    }

    /// Distance cost of taking `u` out of its route (negative when it saves distance).
    static func removalCost(_ u: Int, _ search: LocalSearch) -> Int {
        let p = search.problem
        let pu = search.location(search.prev[u])
        let nu = search.location(search.next[u])
        return search.unitCost[search.routeOf[u]]
            &* (p.distance(pu, nu) &- p.distance(pu, u) &- p.distance(u, nu))
    }

    static func insertionCosts(_ u: Int, into r: Int, _ search: LocalSearch) -> TopThree {
        let p = search.problem
        var top = TopThree()
        var node = search.startDepot(r)
        let end = search.endDepot(r)
        let unit = search.unitCost[r]
        while node != end {
            let following = search.next[node]
            let x = search.location(node)
            let y = search.location(following)
            top.add(unit &* (p.distance(x, u) &+ p.distance(u, y) &- p.distance(x, y)), node)
            node = following
        }
        return top
    }

    /// Cheapest place for `u` in `v`'s route once `v` has left it: one of the three
    /// precomputed places not next to `v`, or `v`'s own place.
    static func cheapestInsertion(
        _ u: Int, _ top: TopThree, replacing v: Int, in r: Int, _ search: LocalSearch
    ) -> (Int, Int) {
        let p = search.problem
        let pv = search.prev[v]
        let nv = search.next[v]
        let lp = search.location(pv)
        let ln = search.location(nv)
        var bestCost = search.unitCost[r] &* (p.distance(lp, u) &+ p.distance(u, ln) &- p.distance(lp, ln))
        var bestAfter = pv
        for item in [top.items.0, top.items.1, top.items.2] where item.after >= 0 {
            if item.after != v && search.next[item.after] != v && item.cost < bestCost {
                bestCost = item.cost
                bestAfter = item.after
            }
        }
        return (bestCost, bestAfter)
    }

    /// Exact penalised cost of `u`'s route with `u` removed and `w` inserted after `x`
    /// (`x` in the same route, not `u`). O(distance between u and x) with time windows.
    static func costAfterReplacing(_ u: Int, by w: Int, after x: Int, _ search: LocalSearch) -> Int {
        let r = search.routeOf[u]
        let pu = search.prev[u]
        let nu = search.next[u]
        let inserted = search.single(w)
        let route: RouteSegment
        if x == pu {
            route = search.concat(search.prefix(pu), inserted, search.suffix(nu))
        } else if search.position[x] < search.position[u] {
            route = search.concat(
                search.concat(search.prefix(x), inserted), search.between(search.next[x], pu), search.suffix(nu))
        } else {
            route = search.concat(
                search.concat(search.prefix(pu), search.between(nu, x)), inserted, search.suffix(search.next[x]))
        }
        return search.cost(route, slot: r, clients: search.routeSize[r])
    }
}
