/// Intra-route 2-opt (Croes 1958): replaces edges (u, next u) and (v, next v) by (u, v)
/// and (next u, next v), reversing the path between. O(1) for symmetric distances without
/// time windows or pickups; otherwise O(length of the reversed path).
enum TwoOpt: NodeMove {
    static func delta(_ u: Int, _ v: Int, in search: LocalSearch) -> Int? {
        let r = search.routeOf[u]
        guard search.routeOf[v] == r, u != v else { return nil }
        let (a, b) = search.position[u] < search.position[v] ? (u, v) : (v, u)
        let na = search.next[a]
        let nb = search.next[b]
        guard na != b else { return nil }
        let p = search.problem
        let la = search.location(a)
        let lna = search.location(na)
        let lnb = search.location(nb)
        let plain = !search.hasTime && !search.hasPickups && search.symmetric
        if search.symmetric {
            let change = p.distance(la, b) &+ p.distance(lna, lnb) &- p.distance(la, lna) &- p.distance(b, lnb)
            let bound = search.unitCost[r] &* change
            if plain { return bound }
            if bound &- search.routePenalty[r] >= 0 { return nil }
        }
        let route = search.concat(search.prefix(a), search.reversed(na, b), search.suffix(nb))
        return search.cost(route, slot: r, clients: search.routeSize[r]) &- search.routeCost[r]
    }

    static func apply(_ u: Int, _ v: Int, to search: inout LocalSearch) {
        let r = search.routeOf[u]
        let (a, b) = search.position[u] < search.position[v] ? (u, v) : (v, u)
        var route = search.clients(of: r)
        let from = search.position[a]  // index of next[a] in `route`
        let to = search.position[b] - 1
        route[from...to].reverse()
        search.noteMove()
        search.setRoute(r, route)
    }
}
