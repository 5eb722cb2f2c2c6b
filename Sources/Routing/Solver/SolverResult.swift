/// The outcome of a search: the best solution found (feasible when one was found), its
/// independently recomputed report, and the effort spent.
public struct SolverResult: Sendable {
    public var solution: Solution
    public var report: SolutionReport
    public var iterations: Int
    public var seconds: Double
}
