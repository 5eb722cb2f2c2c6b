/// Immutable, validated data of a station-siting problem: choose `p` stations among candidate
/// sites for demand points (villages) weighted by population.
///
/// Distances are integers and stored as one row-major matrix `demandCount × siteCount`, so the
/// solvers read a demand point's row contiguously. Building costs O(demandCount × siteCount).
/// Weighted costs must fit in `Int` (checked on construction), so every solver can add them
/// without overflow checks.
public struct SitingProblem: Sendable {
    /// Number of demand points (villages, households grouped by place).
    public let demandCount: Int
    /// Number of candidate sites for a station.
    public let siteCount: Int
    /// Population (or parcel volume) of each demand point; non-negative.
    public let weights: [Int]
    /// `distances[demand * siteCount + site]`, non-negative.
    public let distances: [Int]
    /// Number of stations to open, `1...siteCount`.
    public let p: Int
    /// Largest entry of `distances`.
    public let maxDistance: Int

    /// Builds a problem from a distance matrix with one row per demand point.
    /// - Throws: ``SitingProblemError`` when a count, weight or distance is invalid.
    public init(weights: [Int], distances rows: [[Int]], p: Int) throws(SitingProblemError) {
        guard !rows.isEmpty else { throw .noDemandPoints }
        let siteCount = rows[0].count
        var flat: [Int] = []
        flat.reserveCapacity(rows.count * siteCount)
        for (index, row) in rows.enumerated() {
            guard row.count == siteCount else {
                throw .rowLength(demandPoint: index, expected: siteCount, actual: row.count)
            }
            flat.append(contentsOf: row)
        }
        try self.init(weights: weights, demandCount: rows.count, siteCount: siteCount, distances: flat, p: p)
    }

    /// Builds a problem from a row-major `demandCount × siteCount` distance matrix.
    /// - Throws: ``SitingProblemError`` when a count, weight or distance is invalid.
    public init(weights: [Int], demandCount: Int, siteCount: Int, distances: [Int], p: Int)
        throws(SitingProblemError)
    {
        guard demandCount > 0 else { throw .noDemandPoints }
        guard siteCount > 0 else { throw .noCandidateSites }
        guard weights.count == demandCount else { throw .weightCount(expected: demandCount, actual: weights.count) }
        guard distances.count == demandCount * siteCount else {
            throw .rowLength(demandPoint: 0, expected: demandCount * siteCount, actual: distances.count)
        }
        guard (1...siteCount).contains(p) else { throw .stationCount(p: p, candidateSites: siteCount) }
        var totalWeight = 0
        for (index, weight) in weights.enumerated() {
            guard weight >= 0 else { throw .negativeWeight(demandPoint: index, weight: weight) }
            let (sum, overflow) = totalWeight.addingReportingOverflow(weight)
            guard !overflow else { throw .costOverflow }
            totalWeight = sum
        }
        var maxDistance = 0
        for (index, distance) in distances.enumerated() where distance < 0 || distance > maxDistance {
            guard distance >= 0 else {
                throw .negativeDistance(demandPoint: index / siteCount, site: index % siteCount, distance: distance)
            }
            maxDistance = distance
        }
        // Solvers use maxDistance + 1 as "no second station" and sum weight × distance.
        let (bound, overflow) = totalWeight.multipliedReportingOverflow(by: maxDistance + 2)
        guard !overflow, bound < Int.max / 4 else { throw .costOverflow }
        self.demandCount = demandCount
        self.siteCount = siteCount
        self.weights = weights
        self.distances = distances
        self.p = p
        self.maxDistance = maxDistance
    }

    /// Distance from a demand point to a candidate site.
    @inlinable
    public func distance(from demand: Int, to site: Int) -> Int {
        distances[demand * siteCount + site]
    }

    /// The same data with another number of stations.
    public func with(p newP: Int) throws(SitingProblemError) -> SitingProblem {
        try SitingProblem(
            weights: weights, demandCount: demandCount, siteCount: siteCount, distances: distances, p: newP)
    }

    /// Population-weighted distance of every demand point to its nearest open site, O(n × |sites|).
    public func medianCost(of sites: [Int]) -> Int {
        precondition(!sites.isEmpty, "at least one site must be open")
        var total = 0
        for demand in 0..<demandCount {
            let row = demand * siteCount
            var nearest = Int.max
            for site in sites { nearest = min(nearest, distances[row + site]) }
            total += weights[demand] * nearest
        }
        return total
    }

    /// Population within `radius` of at least one of `sites`, O(n × |sites|).
    public func coveredPopulation(by sites: [Int], radius: Int) -> Int {
        var total = 0
        for demand in 0..<demandCount {
            let row = demand * siteCount
            if sites.contains(where: { distances[row + $0] <= radius }) { total += weights[demand] }
        }
        return total
    }
}
