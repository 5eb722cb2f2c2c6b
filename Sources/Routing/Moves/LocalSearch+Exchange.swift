extension LocalSearch {
    /// Last node of the run of `length` nodes starting at `u`, or `nil` if the run reaches a depot.
    @inline(__always) func segmentEnd(_ u: Int, _ length: Int) -> Int? {
        var end = u
        var remaining = length
        while remaining > 1 {
            end = next[end]
            if isDepot(end) { return nil }
            remaining &-= 1
        }
        return end
    }

    /// Cost change of exchanging the `uLength` nodes from `u` with the `vLength` nodes from
    /// `v`; with `vLength == 0` the nodes from `u` move to just after `v` instead. The
    /// (N, M)-exchange family of Osman (1993) as generalised in PyVRP's `Exchange<N, M>`:
    /// relocate (1, 0), Or-opt (2, 0), swap (1, 1), (2, 1) and (2, 2).
    func exchangeDelta(_ u: Int, _ uLength: Int, _ v: Int, _ vLength: Int) -> Int? {
        guard !isDepot(u), let uEnd = segmentEnd(u, uLength) else { return nil }
        let ru = routeOf[u]
        let rv = routeOf[v]
        let d = problem.distances
        let dim = problem.dimension
        if vLength == 0 {
            if v == endDepot(rv) { return nil }
            let pu = prev[u]
            let nu = next[uEnd]
            let nv = next[v]
            if ru != rv {
                let lpu = location(pu)
                let lnu = location(nu)
                let lv = location(v)
                let lnv = location(nv)
                let dU = d[lpu &* dim &+ lnu] &- d[lpu &* dim &+ u] &- d[uEnd &* dim &+ lnu]
                let dV = d[lv &* dim &+ u] &+ d[uEnd &* dim &+ lnv] &- d[lv &* dim &+ lnv]
                var bound = unitCost[ru] &* dU &+ unitCost[rv] &* dV &- routePenalty[ru] &- routePenalty[rv]
                if routeSize[ru] == uLength { bound &-= fixedCost[ru] }
                if routeSize[rv] == 0 { bound &+= fixedCost[rv] }
                if bound >= 0 { return nil }
                let segment = between(u, uEnd)
                let newU = concat(prefix(pu), suffix(nu))
                let newV = concat(prefix(v), segment, suffix(nv))
                return cost(newU, slot: ru, clients: routeSize[ru] &- uLength) &- routeCost[ru]
                    &+ cost(newV, slot: rv, clients: routeSize[rv] &+ uLength) &- routeCost[rv]
            }
            if v == pu || (position[v] >= position[u] && position[v] <= position[uEnd]) { return nil }
            let segment = between(u, uEnd)
            let route: RouteSegment
            if position[v] < position[u] {
                route = concat(concat(prefix(v), segment), between(nv, pu), suffix(nu))
            } else {
                route = concat(concat(prefix(pu), between(nu, v)), segment, suffix(nv))
            }
            return cost(route, slot: ru, clients: routeSize[ru]) &- routeCost[ru]
        }
        guard !isDepot(v), let vEnd = segmentEnd(v, vLength) else { return nil }
        if ru != rv {
            let pu = prev[u]
            let nu = next[uEnd]
            let pv = prev[v]
            let nv = next[vEnd]
            let lpu = location(pu)
            let lnu = location(nu)
            let lpv = location(pv)
            let lnv = location(nv)
            let innerU = distBefore[uEnd] &- distBefore[u]
            let innerV = distBefore[vEnd] &- distBefore[v]
            let dU =
                d[lpu &* dim &+ v] &+ innerV &+ d[vEnd &* dim &+ lnu]
                &- d[lpu &* dim &+ u] &- innerU &- d[uEnd &* dim &+ lnu]
            let dV =
                d[lpv &* dim &+ u] &+ innerU &+ d[uEnd &* dim &+ lnv]
                &- d[lpv &* dim &+ v] &- innerV &- d[vEnd &* dim &+ lnv]
            let bound = unitCost[ru] &* dU &+ unitCost[rv] &* dV &- routePenalty[ru] &- routePenalty[rv]
            if bound >= 0 { return nil }
            let newU = concat(prefix(pu), between(v, vEnd), suffix(nu))
            let newV = concat(prefix(pv), between(u, uEnd), suffix(nv))
            let sizeU = routeSize[ru] &- uLength &+ vLength
            let sizeV = routeSize[rv] &- vLength &+ uLength
            return cost(newU, slot: ru, clients: sizeU) &- routeCost[ru]
                &+ cost(newV, slot: rv, clients: sizeV) &- routeCost[rv]
        }
        if position[uEnd] >= position[v] && position[vEnd] >= position[u] { return nil }
        let (a, aEnd, b, bEnd) = position[u] < position[v] ? (u, uEnd, v, vEnd) : (v, vEnd, u, uEnd)
        var route = concat(prefix(prev[a]), between(b, bEnd))
        if next[aEnd] != b { route = concat(route, between(next[aEnd], prev[b])) }
        route = concat(route, between(a, aEnd), suffix(next[bEnd]))
        return cost(route, slot: ru, clients: routeSize[ru]) &- routeCost[ru]
    }

    mutating func applyExchange(_ u: Int, _ uLength: Int, _ v: Int, _ vLength: Int) {
        let ru = routeOf[u]
        let rv = routeOf[v]
        let iu = position[u] - 1
        noteMove()
        if ru != rv {
            var clientsU = clients(of: ru)
            var clientsV = clients(of: rv)
            let moving = Array(clientsU[iu..<(iu + uLength)])
            if vLength == 0 {
                clientsU.removeSubrange(iu..<(iu + uLength))
                clientsV.insert(contentsOf: moving, at: position[v])
            } else {
                let iv = position[v] - 1
                let other = Array(clientsV[iv..<(iv + vLength)])
                clientsU.replaceSubrange(iu..<(iu + uLength), with: other)
                clientsV.replaceSubrange(iv..<(iv + vLength), with: moving)
            }
            setRoute(ru, clientsU)
            setRoute(rv, clientsV)
            return
        }
        var route = clients(of: ru)
        let moving = Array(route[iu..<(iu + uLength)])
        if vLength == 0 {
            route.removeSubrange(iu..<(iu + uLength))
            let at = isDepot(v) ? 0 : route.firstIndex(of: v)! + 1
            route.insert(contentsOf: moving, at: at)
        } else {
            let iv = position[v] - 1
            let other = Array(route[iv..<(iv + vLength)])
            if iu < iv {
                route.replaceSubrange(iv..<(iv + vLength), with: moving)
                route.replaceSubrange(iu..<(iu + uLength), with: other)
            } else {
                route.replaceSubrange(iu..<(iu + uLength), with: other)
                route.replaceSubrange(iv..<(iv + vLength), with: moving)
            }
        }
        setRoute(ru, route)
    }
}
