/// The result of a p-median solve.
public struct SitingSolution: Sendable, Equatable {
    /// Open sites, 0-based candidate indices, ascending.
    public var sites: [Int]
    /// Population-weighted distance of every demand point to its nearest open site.
    public var cost: Int
    /// A proven lower bound on the optimal cost (Lagrangian), or `nil` when none was computed.
    public var lowerBound: Int?
    /// Metaheuristic iterations run.
    public var iterations: Int
    /// Wall-clock seconds of the solve.
    public var seconds: Double
    /// Branch-and-bound nodes searched (0 when the root bound already closed the gap).
    public var branchNodes: Int = 0

    /// True when the bound proves `cost` optimal.
    public var isProvenOptimal: Bool { lowerBound == cost }

    /// Relative distance to the bound, `(cost − bound) / cost`; 0 when proven optimal.
    public var boundGap: Double? {
        guard let lowerBound else { return nil }
        return cost == 0 ? 0 : Double(cost - lowerBound) / Double(cost)
    }

    public init(sites: [Int], cost: Int, lowerBound: Int?, iterations: Int, seconds: Double) {
        self.sites = sites
        self.cost = cost
        self.lowerBound = lowerBound
        self.iterations = iterations
        self.seconds = seconds
    }
}
