/// 2-opt* (Potvin & Rousseau 1995): exchanges the tails of two routes after `u` and after
/// `v`, giving (u, next v) and (v, next u). `v` may be a route's start depot, which moves
/// all of `v`'s route behind `u`. O(1).
enum TwoOptStar: NodeMove {
    static func delta(_ u: Int, _ v: Int, in search: LocalSearch) -> Int? {
        let ru = search.routeOf[u]
        let rv = search.routeOf[v]
        guard ru != rv, v != search.endDepot(rv), u != search.endDepot(ru) else { return nil }
        let nu = search.next[u]
        let nv = search.next[v]
        let p = search.problem
        let lu = search.location(u)
        let lv = search.location(v)
        let sizeU = search.position[u] &+ search.routeSize[rv] &- search.position[v]
        let sizeV = search.position[v] &+ search.routeSize[ru] &- search.position[u]
        let totalU = search.distBefore[search.endDepot(ru)]
        let totalV = search.distBefore[search.endDepot(rv)]
        let distanceU = search.distBefore[u] &+ p.distance(lu, search.location(nv)) &+ totalV &- search.distBefore[nv]
        let distanceV = search.distBefore[v] &+ p.distance(lv, search.location(nu)) &+ totalU &- search.distBefore[nu]
        var bound =
            search.unitCost[ru] &* distanceU &+ search.unitCost[rv] &* distanceV
            &- search.routeCost[ru] &- search.routeCost[rv]
        if sizeU > 0 { bound &+= search.fixedCost[ru] }
        if sizeV > 0 { bound &+= search.fixedCost[rv] }
        if bound >= 0 { return nil }
        let newU = search.concat(search.prefix(u), search.suffix(nv))
        let newV = search.concat(search.prefix(v), search.suffix(nu))
        return search.cost(newU, slot: ru, clients: sizeU) &+ search.cost(newV, slot: rv, clients: sizeV)
            &- search.routeCost[ru] &- search.routeCost[rv]
    }

    static func apply(_ u: Int, _ v: Int, to search: inout LocalSearch) {
        let ru = search.routeOf[u]
        let rv = search.routeOf[v]
        let clientsU = search.clients(of: ru)
        let clientsV = search.clients(of: rv)
        let iu = search.position[u]
        let iv = search.position[v]
        search.noteMove()
        search.setRoute(ru, Array(clientsU[..<iu] + clientsV[iv...]))
        search.setRoute(rv, Array(clientsV[..<iv] + clientsU[iu...]))
    }
}
