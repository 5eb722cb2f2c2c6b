extension LocalSearch {
    /// Penalised cost change of inserting unrouted `client` right after `anchor`. O(1).
    func insertionDelta(_ client: Int, after anchor: Int) -> Int {
        let r = routeOf[anchor]
        let route = concat(prefix(anchor), single(client), suffix(next[anchor]))
        return cost(route, slot: r, clients: routeSize[r] &+ 1) &- routeCost[r]
    }

    /// Inserts unrouted `client` at the cheapest of: next to one of its routed granular
    /// neighbours (before or after), the start of an empty vehicle of each type, or, when
    /// none of those exists, the start of any used route. O(neighbours).
    mutating func insertCheapest(_ client: Int) {
        var bestDelta = Int.max
        var bestAnchor = -1
        for v in neighbours(of: client) where isRouted(v) {
            let afterDelta = insertionDelta(client, after: v)
            if afterDelta < bestDelta {
                bestDelta = afterDelta
                bestAnchor = v
            }
            let pv = prev[v]
            if isDepot(pv) || !isNeighbour(pv, of: client) {
                let beforeDelta = insertionDelta(client, after: pv)
                if beforeDelta < bestDelta {
                    bestDelta = beforeDelta
                    bestAnchor = pv
                }
            }
        }
        var seenTypes = 0
        for r in 0..<routeCount where routeSize[r] == 0 && seenTypes & (1 << min(routeType[r], 62)) == 0 {
            seenTypes |= 1 << min(routeType[r], 62)
            let delta = insertionDelta(client, after: startDepot(r))
            if delta < bestDelta {
                bestDelta = delta
                bestAnchor = startDepot(r)
            }
        }
        if bestAnchor < 0 || bestDelta == Int.max {
            for r in 0..<routeCount where routeSize[r] > 0 {
                let delta = insertionDelta(client, after: startDepot(r))
                if delta < bestDelta {
                    bestDelta = delta
                    bestAnchor = startDepot(r)
                }
            }
        }
        if bestAnchor < 0 { bestAnchor = startDepot(0) }
        moveCounter &+= 1
        link(client, after: bestAnchor)
        updateRoute(routeOf[bestAnchor])
    }

    /// Whether `v` is among `client`'s granular neighbours. O(neighbours).
    @inline(__always) func isNeighbour(_ v: Int, of client: Int) -> Bool {
        neighbours(of: client).contains(v)
    }

    /// Removes routed `clients` and updates their routes once each.
    mutating func remove(_ clients: [Int]) {
        moveCounter &+= 1
        var touched: [Int] = []
        for client in clients where isRouted(client) {
            let r = routeOf[client]
            if !touched.contains(r) { touched.append(r) }
            unlink(client)
        }
        for r in touched { updateRoute(r) }
    }
}

extension LocalSearch {
    /// Whether no route is late or over its duration limit.
    var isTimeFeasible: Bool {
        guard hasTime else { return true }
        return (0..<routeCount).allSatisfy {
            let time = timeBefore[endDepot($0)]
            return routeSize[$0] == 0 || (time.timeWarp == 0 && time.duration <= maxDuration[$0])
        }
    }

    /// Puts back the routes changed since move counter `mark` as they are in `routes`
    /// (one client list per route slot) and marks every client as tested, so that the next
    /// descent starts from this local optimum without re-searching it.
    mutating func restore(_ routes: [[Int]], changedSince mark: Int) {
        let changed = (0..<routeCount).filter { lastModified[$0] > mark }
        for r in changed {
            var node = next[startDepot(r)]
            while !isDepot(node) {
                let following = next[node]
                routeOf[node] = -1
                node = following
            }
        }
        for r in changed { setRoute(r, routes[r]) }
        moveCounter &+= 1
        for client in 1..<(n + 1) { lastTested[client] = moveCounter }
        for r in 0..<routeCount { lastTestedRoutePairs[r] = moveCounter }
    }
}
