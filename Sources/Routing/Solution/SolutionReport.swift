/// The cost and constraint violations of a solution, recomputed from scratch.
public struct SolutionReport: Sendable, Equatable {
    /// Fixed costs of used vehicles plus distance costs: the objective.
    public var cost: Int
    /// Total distance driven.
    public var distance: Int
    /// Sum over routes of the load above capacity at the worst point of the route.
    public var excessLoad: Int
    /// Sum over routes of lateness (time warp) and duration above the limit.
    public var timeWarp: Int
    /// Human-readable reasons the solution is not valid: missing or repeated clients,
    /// unknown locations, too many vehicles of a type. Empty when structurally valid.
    public var structuralErrors: [String]

    public var isFeasible: Bool { excessLoad == 0 && timeWarp == 0 && structuralErrors.isEmpty }
}
