/// Solves the maximal covering location problem: open p sites to maximise the population
/// within the radius of an open site.
///
/// Greedy construction (open the site covering most uncovered population, p times), then a
/// variable neighbourhood search over swaps (``CoveringInterchange``): shake by k random swaps,
/// descend by best-improvement swaps, keep or return, k = 1 … maxShake. A Lagrangian upper
/// bound (``MaximalCoveringLagrangianBound``) stops the search once the coverage meets it.
/// Deterministic for a seed when stopped by iterations.
public struct MaximalCoveringSolver: Sendable {
    /// Largest number of random swaps in a shake (capped by p and m − p). Default 10.
    public var maxShake: Int
    /// Whether to compute the Lagrangian upper bound. Default true.
    public var computesUpperBound: Bool
    /// Subgradient iterations for the bound. Default 500.
    public var boundIterations: Int

    public init(maxShake: Int = 10, computesUpperBound: Bool = true, boundIterations: Int = 500) {
        self.maxShake = maxShake
        self.computesUpperBound = computesUpperBound
        self.boundIterations = boundIterations
    }

    /// Solves `problem` until `stop` says so or the coverage meets the bound, drawing the
    /// shakes from a ``Xoshiro256`` seeded with `seed`, which the caller names. `progress` is
    /// told each better solution.
    public func solve(
        _ problem: MaximalCoveringProblem, stop: StoppingCriterion = .maxIterations(1_000), seed: UInt64,
        progress: ((SolverProgress) -> Void)? = nil
    ) -> MaximalCoveringSolution {
        let budget = SearchBudget(stop)
        var random = Xoshiro256(seed: seed)
        let (m, p) = (problem.siting.siteCount, problem.p)
        var state = CoveringInterchange(problem: problem)
        for _ in 0..<p { state.open(state.bestOpening()!) }
        state.descend()
        var bestSites = state.sites
        var best = state.covered
        var iterations = 0
        var lastImprovement = 0
        var upperBound: Int? = nil
        func report() {
            progress?(SolverProgress(best: best, bound: upperBound, iterations: iterations, seconds: budget.seconds))
        }
        if best == problem.totalPopulation || p == m {
            upperBound = best
        } else if computesUpperBound {
            upperBound = MaximalCoveringLagrangianBound(problem: problem).run(
                lowerBound: best, iterationLimit: boundIterations, shouldStop: { budget.isOutOfTime(fraction: 0.3) })
        }
        report()
        let maxShake = max(1, min(maxShake, p, m - p))
        var k = 1
        while upperBound != best,
            !budget.isExhausted(iterations: iterations, sinceImprovement: iterations - lastImprovement)
        {
            iterations += 1
            state.shake(k, random: &random)
            state.descend()
            if state.covered > best {
                best = state.covered
                bestSites = state.sites
                k = 1
                lastImprovement = iterations
                report()
            } else {
                if state.covered < best || random.unbiasedBelow(2) == 0 { state.move(to: bestSites) }
                k = k % maxShake + 1
            }
        }
        return MaximalCoveringSolution(
            sites: bestSites, coveredPopulation: best, totalPopulation: problem.totalPopulation,
            upperBound: upperBound, iterations: iterations, seconds: budget.seconds)
    }
}
