/// Elapsed time and stop test of one solve call.
struct SitingClock {
    let start = ContinuousClock.now
    let stop: SitingStop

    var elapsed: Duration { ContinuousClock.now - start }
    var seconds: Double {
        let e = elapsed.components
        return Double(e.seconds) + Double(e.attoseconds) * 1e-18
    }

    func isExpired(iterations: Int) -> Bool {
        if iterations >= stop.effectiveIterationLimit { return true }
        if let limit = stop.timeLimit, elapsed >= limit { return true }
        return false
    }

    func isOutOfTime(fraction: Double = 1) -> Bool {
        guard let limit = stop.timeLimit else { return false }
        return elapsed >= limit * fraction
    }
}
