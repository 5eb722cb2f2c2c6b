/// Tuning of `Solver`, with the defaults used on the benchmarks.
public struct SolverParameters: Sendable, Hashable {
    /// Granular neighbourhood size: moves only between a client and its closest ones.
    public var neighbourCount: Int = 20
    /// Average number of clients removed by one perturbation (SISR's c̄, Christiaens &
    /// Vanden Berghe 2020).
    public var averageRemoved: Int = 12
    /// Longest string of consecutive clients removed from one route by a perturbation.
    public var maxStringLength: Int = 10
    /// Acceptance temperature at the start and end of the budget, as a fraction of the
    /// average cost per client; cooled geometrically with the budget used.
    public var initialTemperature: Double = 0.15
    public var finalTemperature: Double = 0.002
    /// The local search's operators on pairs of nodes, tried in this order; those that the
    /// problem cannot use are left out (``NodeOperator/supports(_:)``).
    public var nodeOperators: [NodeOperator] = NodeOperator.standard
    /// Its operators between two routes (SWAP*), tried in this order; empty for none.
    public var routeOperators: [RouteOperator] = RouteOperator.standard
    /// Target share of local-search results that respect capacity (and time windows);
    /// penalties rise when fewer do and fall when more do (Vidal et al. 2012).
    public var targetFeasible: Double = 0.5
    /// How many iterations between penalty updates.
    public var penaltyUpdateInterval: Int = 40

    public init() {}
}
