/// What the progress callback is told each time the best feasible solution improves.
public struct SolverProgress: Sendable {
    public var bestCost: Int
    public var seconds: Double
    public var iterations: Int
}
