/// When a search stops, for vehicle routing (`Solver`, `ParallelSolver`) and station siting
/// (`PMedianSolver`, `MaximalCoveringSolver`) alike. Composable: `.any([...])` stops when one
/// part says so, `.all([...])` when every part does (an empty `.any` never stops, an empty
/// `.all` neither).
///
/// Besides the stop test, a criterion gives the share of its budget used (``progress(_:)``,
/// which cools the routing search's acceptance threshold) and its wall-clock budget
/// (``runtimeLimit``, which the siting searches split between their phases with
/// ``isOutOfTime(seconds:fraction:)``).
public indirect enum StoppingCriterion: Sendable, Hashable {
    /// Wall-clock seconds since the start of the search.
    case maxRuntime(Double)
    /// Iterations performed: perturbation and local search for routing, shake and descent
    /// for siting.
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

    /// The wall-clock budget in seconds: the runtime limit, the smallest of the parts' for
    /// `.any` and the largest for `.all` (as ``progress(_:)`` counts them); `nil` when no
    /// part limits the runtime.
    public var runtimeLimit: Double? {
        switch self {
        case .maxRuntime(let limit): return limit
        case .maxIterations, .noImprovement: return nil
        case .any(let parts): return parts.compactMap(\.runtimeLimit).min()
        case .all(let parts): return parts.compactMap(\.runtimeLimit).max()
        }
    }

    /// Whether `seconds` have used `fraction` of the ``runtimeLimit`` or more; never without
    /// a runtime limit. The siting searches give a phase a share of the time this way.
    public func isOutOfTime(seconds: Double, fraction: Double = 1) -> Bool {
        guard let limit = runtimeLimit else { return false }
        return seconds >= limit * fraction
    }
}
