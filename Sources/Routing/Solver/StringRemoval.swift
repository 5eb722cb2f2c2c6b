/// Ruin step of the perturbation: removes a few strings of consecutive clients from routes
/// near a random seed client, as in SISR (Christiaens & Vanden Berghe 2020, "Slack induction
/// by string removals for vehicle routing problems", section 4.1). The removed clients are
/// then reinserted greedily (`LocalSearch.insertCheapest`). O(removed + neighbours).
struct StringRemoval: Sendable {
    var averageRemoved: Int
    var maxStringLength: Int

    func ruin(_ search: inout LocalSearch) -> [Int] {
        let used = (0..<search.routeCount).filter { search.routeSize[$0] > 0 }
        guard !used.isEmpty, search.n > 0 else { return [] }
        let routed = used.reduce(0) { $0 + search.routeSize[$1] }
        let averageSize = max(1, routed / used.count)
        let lengthLimit = max(1, min(maxStringLength, averageSize))
        let stringLimit = max(1, 4 * averageRemoved / (1 + lengthLimit) - 1)
        let strings = 1 + search.rng.below(stringLimit)
        let seed = 1 + search.rng.below(search.n)
        var ruined: [Int] = []
        var removed: [Int] = []
        var candidates = [seed]
        candidates += search.neighbours(of: seed)
        for client in candidates where search.isRouted(client) {
            let r = search.routeOf[client]
            if ruined.contains(r) { continue }
            ruined.append(r)
            let size = search.routeSize[r]
            let length = 1 + search.rng.below(min(size, lengthLimit))
            // A random string of `length` clients that contains `client`.
            let offset = search.rng.below(length)
            var first = client
            var steps = 0
            while steps < offset && !search.isDepot(search.prev[first]) {
                first = search.prev[first]
                steps += 1
            }
            var node = first
            for _ in 0..<length {
                if search.isDepot(node) { break }
                removed.append(node)
                node = search.next[node]
            }
            if ruined.count >= strings { break }
        }
        search.remove(removed)
        return removed
    }
}
