/// What a progress callback is told, by vehicle routing and station siting alike, each time
/// the best solution (or, for siting, the bound) improves.
public struct SolverProgress: Sendable, Hashable {
    /// Best objective so far: the cost of the best feasible routes, the p-median cost, or the
    /// covered population for maximal covering.
    public var best: Int
    /// Best proven bound so far: lower for p-median, upper for maximal covering; `nil` when
    /// there is none yet, and always for vehicle routing, which proves no bound.
    public var bound: Int?
    /// Iterations performed so far (as ``StoppingCriterion/maxIterations(_:)`` counts them).
    public var iterations: Int
    /// Wall-clock seconds since the search started.
    public var seconds: Double

    public init(best: Int, bound: Int? = nil, iterations: Int, seconds: Double) {
        self.best = best
        self.bound = bound
        self.iterations = iterations
        self.seconds = seconds
    }
}
