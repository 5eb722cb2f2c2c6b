extension LocalSearch {
    /// Everything that is wrong with the search state: broken links, stale positions or
    /// cached segments, route costs that differ from a recomputation, clients routed twice.
    /// Empty when consistent. O(n + routes); asserted after every descent in debug builds.
    func invariantViolations() -> [String] {
        var problems: [String] = []
        var seen = Array(repeating: 0, count: n + 1)
        for r in 0..<routeCount {
            var node = startDepot(r)
            var distance = 0
            var load = LoadSegment.empty
            var time = locationTime[0]
            var count = 0
            while node != endDepot(r) {
                let following = next[node]
                guard following >= 0, prev[following] == node else {
                    problems.append("route \(r): broken link after node \(node)")
                    break
                }
                count += 1
                let l = location(following)
                distance += problem.distance(location(node), l)
                load = load.followed(by: locationLoad[l])
                if hasTime {
                    time = time.followed(by: locationTime[l], travel: problem.duration(location(node), l))
                }
                if routeOf[following] != r {
                    problems.append("node \(following): route \(routeOf[following]), not \(r)")
                }
                if position[following] != count { problems.append("node \(following): stale position") }
                if distBefore[following] != distance { problems.append("node \(following): stale distance") }
                if loadBefore[following] != load { problems.append("node \(following): stale load") }
                if hasTime && timeBefore[following] != time { problems.append("node \(following): stale time") }
                if !isDepot(following) { seen[following] += 1 }
                node = following
                if count > n + 1 {
                    problems.append("route \(r): cycle")
                    break
                }
            }
            if routeSize[r] != max(0, count - 1) {
                problems.append("route \(r): size \(routeSize[r]), counted \(count - 1)")
            }
            if routeCost[r] != cost(prefix(endDepot(r)), slot: r, clients: routeSize[r]) {
                problems.append("route \(r): stale cost")
            }
        }
        for client in 1..<(n + 1) where isRouted(client) && seen[client] != 1 {
            problems.append("client \(client) is on \(seen[client]) routes")
        }
        return problems
    }
}
