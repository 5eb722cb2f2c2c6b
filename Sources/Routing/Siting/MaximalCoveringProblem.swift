/// Immutable, validated maximal covering location problem (Church & ReVelle 1974): open p
/// sites to maximise the population within `radius` of an open site.
///
/// Keeps, for every demand point, the sites that cover it and, for every site, the demand
/// points it covers; building costs O(n · m) time and O(covered pairs) memory.
public struct MaximalCoveringProblem: Sendable {
    public let siting: SitingProblem
    /// A demand point is covered when an open site is at distance ≤ radius.
    public let radius: Int
    /// Total population of all demand points.
    public let totalPopulation: Int
    /// `coveringSites[u]`: sites within radius of demand point u, ascending.
    let coveringSites: [[Int]]
    /// `coveredDemand[j]`: demand points within radius of site j, ascending.
    let coveredDemand: [[Int]]

    public init(siting: SitingProblem, radius: Int) throws(SitingProblemError) {
        guard radius >= 0 else { throw .negativeRadius(radius) }
        self.siting = siting
        self.radius = radius
        totalPopulation = siting.weights.reduce(0, +)
        var coveringSites = Array(repeating: [Int](), count: siting.demandCount)
        var coveredDemand = Array(repeating: [Int](), count: siting.siteCount)
        for u in 0..<siting.demandCount {
            for j in 0..<siting.siteCount where siting.distance(from: u, to: j) <= radius {
                coveringSites[u].append(j)
                coveredDemand[j].append(u)
            }
        }
        self.coveringSites = coveringSites
        self.coveredDemand = coveredDemand
    }

    /// Number of stations to open.
    public var p: Int { siting.p }

    /// Population within radius of at least one of `sites`.
    public func coveredPopulation(by sites: [Int]) -> Int {
        siting.coveredPopulation(by: sites, radius: radius)
    }
}
