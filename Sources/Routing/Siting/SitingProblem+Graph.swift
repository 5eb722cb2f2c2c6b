extension SitingProblem {
    /// One undirected road between two nodes (0-based) with an integer length.
    public struct Road: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var length: Int
        public init(from: Int, to: Int, length: Int) {
            self.from = from
            self.to = to
            self.length = length
        }
    }

    /// A problem on a road network where every node is both a demand point and a candidate site
    /// (the OR-Library p-median setting); distances are shortest paths.
    ///
    /// Runs Dijkstra with a binary heap from every node: O(n · (n + m) log n) time, O(n²) memory.
    /// When a pair of nodes appears in several roads the last one counts (Beasley's convention).
    /// - Parameter weights: population per node; all 1 when `nil`.
    /// - Throws: ``SitingProblemError/unreachable(demandPoint:site:)`` for a disconnected network.
    public init(nodeCount: Int, roads: [Road], p: Int, weights: [Int]? = nil) throws(SitingProblemError) {
        guard nodeCount > 0 else { throw .noDemandPoints }
        let distances = try Self.shortestPaths(nodeCount: nodeCount, roads: roads)
        try self.init(
            weights: weights ?? Array(repeating: 1, count: nodeCount),
            demandCount: nodeCount, siteCount: nodeCount, distances: distances, p: p)
    }

    /// All-pairs shortest paths, row-major `nodeCount × nodeCount`; the last road between a pair counts.
    static func shortestPaths(nodeCount n: Int, roads: [Road]) throws(SitingProblemError) -> [Int] {
        var lengthByPair: [Int: Int] = [:]
        var order: [Int] = []
        // Any path is shorter than n roads, so this keeps every path length far from overflow.
        let longestRoad = Int.max / 8 / max(n, 1)
        for road in roads where road.from != road.to {
            guard road.length >= 0 else {
                throw .negativeDistance(demandPoint: road.from, site: road.to, distance: road.length)
            }
            guard road.length <= longestRoad else { throw .costOverflow }
            let key = min(road.from, road.to) * n + max(road.from, road.to)
            if lengthByPair.updateValue(road.length, forKey: key) == nil { order.append(key) }
        }
        // Compressed adjacency: the neighbours of node a are targets[offsets[a]..<offsets[a + 1]].
        var offsets = [Int](repeating: 0, count: n + 1)
        for key in order {
            offsets[key / n + 1] += 1
            offsets[key % n + 1] += 1
        }
        for a in 0..<n { offsets[a + 1] += offsets[a] }
        var fill = offsets
        var targets = [Int](repeating: 0, count: offsets[n])
        var lengths = [Int](repeating: 0, count: offsets[n])
        for key in order {
            let (a, b, length) = (key / n, key % n, lengthByPair[key]!)
            (targets[fill[a]], lengths[fill[a]]) = (b, length)
            fill[a] += 1
            (targets[fill[b]], lengths[fill[b]]) = (a, length)
            fill[b] += 1
        }
        let unreached = Int.max
        var result = Array(repeating: unreached, count: n * n)
        var heap = SitingMinHeap()
        for source in 0..<n {
            let row = source * n
            result[row + source] = 0
            heap.push(key: 0, value: source)
            while let (d, node) = heap.pop() {
                if d > result[row + node] { continue }
                for edge in offsets[node]..<offsets[node + 1] {
                    let (next, candidate) = (targets[edge], d + lengths[edge])
                    if candidate < result[row + next] {
                        result[row + next] = candidate
                        heap.push(key: candidate, value: next)
                    }
                }
            }
            if let missing = (0..<n).first(where: { result[row + $0] == unreached }) {
                throw .unreachable(demandPoint: source, site: missing)
            }
        }
        return result
    }
}
