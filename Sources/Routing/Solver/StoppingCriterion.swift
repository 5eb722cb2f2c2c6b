/// When a search stops. Composable: `.any([...])` stops when one part says so,
/// `.all([...])` when every part does.
public indirect enum StoppingCriterion: Sendable, Hashable {
    /// Wall-clock seconds since the start of the search.
    case maxRuntime(Double)
    /// Iterations (perturbation + local search) performed.
    case maxIterations(Int)
    /// Iterations since the best solution last improved.
    case noImprovement(Int)
    case any([StoppingCriterion])
    case all([StoppingCriterion])

    /// Where a search stands, as the criteria see it.
    public struct State: Sendable {
        public var seconds: Double
        public var iterations: Int
        public var iterationsWithoutImprovement: Int

        public init(seconds: Double, iterations: Int, iterationsWithoutImprovement: Int) {
            self.seconds = seconds
            self.iterations = iterations
            self.iterationsWithoutImprovement = iterationsWithoutImprovement
        }
    }

    public func shouldStop(_ state: State) -> Bool {
        switch self {
        case .maxRuntime(let limit): return state.seconds >= limit
        case .maxIterations(let limit): return state.iterations >= limit
        case .noImprovement(let limit): return state.iterationsWithoutImprovement >= limit
        case .any(let parts): return parts.contains { $0.shouldStop(state) }
        case .all(let parts): return !parts.isEmpty && parts.allSatisfy { $0.shouldStop(state) }
        }
    }

    /// Fraction of the budget used, in [0, 1], from the runtime and iteration limits
    /// (the largest for `.any`, the smallest for `.all`); `nil` when there is no such limit.
    /// The search uses it to cool its acceptance threshold.
    public func progress(_ state: State) -> Double? {
        switch self {
        case .maxRuntime(let limit): return limit > 0 ? min(1, state.seconds / limit) : 1
        case .maxIterations(let limit): return limit > 0 ? min(1, Double(state.iterations) / Double(limit)) : 1
        case .noImprovement: return nil
        case .any(let parts): return parts.compactMap { $0.progress(state) }.max()
        case .all(let parts): return parts.compactMap { $0.progress(state) }.min()
        }
    }
}
