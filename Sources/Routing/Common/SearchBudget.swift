/// A search's stopping criterion together with the clock it is measured by, started with
/// the search: what vehicle routing and both siting searches ask when they decide to go on.
struct SearchBudget {
    let stop: StoppingCriterion
    private let start = ContinuousClock.now

    init(_ stop: StoppingCriterion) {
        self.stop = stop
    }

    /// Wall-clock seconds since the search started.
    var seconds: Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }

    /// Where the search stands now, after `iterations` of which the last `sinceImprovement`
    /// did not improve the best solution.
    func state(iterations: Int, sinceImprovement: Int) -> StoppingCriterion.State {
        StoppingCriterion.State(
            seconds: seconds, iterations: iterations, iterationsWithoutImprovement: sinceImprovement)
    }

    /// Whether the criterion stops the search now.
    func isExhausted(iterations: Int, sinceImprovement: Int) -> Bool {
        stop.shouldStop(state(iterations: iterations, sinceImprovement: sinceImprovement))
    }

    /// Whether `fraction` of the time budget is used; never without a runtime limit.
    func isOutOfTime(fraction: Double = 1) -> Bool {
        stop.isOutOfTime(seconds: seconds, fraction: fraction)
    }
}
