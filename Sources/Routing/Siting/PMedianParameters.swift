/// Tuning of ``PMedianSolver``; the defaults are what the OR-Library benchmark in
/// `bench/routing/SITING.md` was run with.
public struct PMedianParameters: Sendable {
    /// Largest number of random swaps in a VNS shake (capped by p and m − p). Default 10.
    public var maxShake: Int = 10
    /// Whether to compute the Lagrangian lower bound. Default true.
    public var computesLowerBound: Bool = true
    /// Subgradient iterations per bound phase. Default 3,000.
    public var boundIterations: Int = 3_000
    /// Subgradient iterations without a better bound before the step size is halved. Default 30.
    public var boundStallLimit: Int = 30
    /// Share of the stopping criterion's runtime limit the bound phase may use at most. Default 0.15.
    public var boundTimeShare: Double = 0.15
    /// Whether to run branch and bound after the search when the bound leaves a gap. Default true.
    public var provesOptimality: Bool = true
    /// Share of the runtime limit after which the search yields to branch and bound. Default 0.3.
    public var searchTimeShare: Double = 0.3
    /// Iterations without improvement after which the search yields to branch and bound. Default 300.
    public var stagnationLimit: Int = 300
    /// Subgradient iterations at each branch-and-bound node. Default 15.
    public var branchNodeIterations: Int = 15
    /// Node limit of the branch and bound. Default 20,000.
    public var branchNodeLimit: Int = 20_000
    #if DEBUG
        /// Recompute the interchange bookkeeping after every swap (slow; tests only).
        public var checksInvariants: Bool = false
    #endif

    public init() {}
}
