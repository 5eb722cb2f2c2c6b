/// For every demand point, the candidate sites sorted by distance (ties by index).
///
/// Lets the interchange and the Lagrangian bound visit only the sites closer than some threshold
/// (Resende & Werneck 2004, §4: "sorted lists of neighbours"). Building costs
/// O(n · m log m) time and 4 · n · m bytes.
struct SitingNearestSites: Sendable {
    /// `order[demand * siteCount + k]` is the k-th nearest site of `demand`.
    let order: [Int32]

    init(_ problem: SitingProblem) {
        let m = problem.siteCount
        var order = [Int32](repeating: 0, count: problem.demandCount * m)
        var indices = [Int32](repeating: 0, count: m)
        for demand in 0..<problem.demandCount {
            let row = demand * m
            for site in 0..<m { indices[site] = Int32(site) }
            problem.distances.withUnsafeBufferPointer { d in
                indices.sort { a, b in
                    let (da, db) = (d[row + Int(a)], d[row + Int(b)])
                    return da != db ? da < db : a < b
                }
            }
            for k in 0..<m { order[row + k] = indices[k] }
        }
        self.order = order
    }
}
