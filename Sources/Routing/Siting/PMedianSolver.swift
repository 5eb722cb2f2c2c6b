/// Solves the p-median problem: open p sites minimising population-weighted distance to the
/// nearest open site.
///
/// 1. Greedy construction (add the site saving most, p times; sorted neighbour lists make a
///    step cost the number of sites nearer than each point's current distance).
/// 2. Fast interchange descent (``FastInterchange``, Resende & Werneck 2004).
/// 3. Lagrangian lower bound and heuristic (``PMedianLagrangianBound``, Beasley 1993): descent
///    from the relaxation's sites; the solve ends as soon as the incumbent meets the bound.
/// 4. Variable neighbourhood search (Hansen & Mladenović 1997, "Variable neighborhood search
///    for the p-median", Location Science 5): shake by k random swaps, descend, move or return,
///    k = 1 … maxShake. While the bound leaves a gap it yields after `stagnationLimit`
///    iterations without improvement or `searchTimeShare` of the time limit, to
/// 5. depth-first branch and bound on the Lagrangian relaxation (``PMedianBranchAndBound``),
///    which proves the incumbent optimal or improves it, in the time left.
///
/// Memory O(n · m + m²) (distances, neighbour lists, weighted distances of the relaxation, the
/// interchange's `extra` matrix): `jishi site solve` peaked at 49 MB resident on pmed40 (n = 900).
/// Deterministic for a seed when stopped by iterations; a time limit only cuts the run short.
public struct PMedianSolver: Sendable {
    public var parameters: PMedianParameters

    public init(parameters: PMedianParameters = PMedianParameters()) {
        self.parameters = parameters
    }

    /// Solves `problem` until `stop` says so or the bound proves the incumbent optimal,
    /// drawing the shakes from a ``Xoshiro256`` seeded with `seed`, which the caller names.
    /// `progress` is told each better solution or bound.
    public func solve(
        _ problem: SitingProblem, stop: StoppingCriterion = .maxIterations(1_000), seed: UInt64,
        progress: ((SolverProgress) -> Void)? = nil
    ) -> SitingSolution {
        let budget = SearchBudget(stop)
        var random = Xoshiro256(seed: seed)
        let nearestSites = SitingNearestSites(problem)
        let (m, p) = (problem.siteCount, problem.p)

        var state = FastInterchange(
            problem: problem, nearestSites: nearestSites, sites: greedySites(problem, nearestSites))
        #if DEBUG
            state.checksInvariants = parameters.checksInvariants
        #endif
        state.descend()
        var bestSites = state.sites
        var bestCost = state.cost
        var lowerBound: Int? = nil
        var rootMultipliers: [Double] = []
        var iterations = 0
        var branchNodes = 0
        func report() {
            progress?(
                SolverProgress(best: bestCost, bound: lowerBound, iterations: iterations, seconds: budget.seconds))
        }
        report()

        var relaxation: PMedianLagrangianBound? = nil
        if parameters.computesLowerBound, p < m {
            let bound = PMedianLagrangianBound(problem: problem, nearestSites: nearestSites)
            relaxation = bound
            let multipliers = (0..<problem.demandCount).map {
                Double(problem.weights[$0] * state.nearestDistance[$0]) + 1
            }
            let result = bound.run(
                upperBound: bestCost, multipliers: multipliers, iterationLimit: parameters.boundIterations,
                stallLimit: parameters.boundStallLimit,
                shouldStop: { budget.isOutOfTime(fraction: parameters.boundTimeShare) })
            lowerBound = min(result.bound, bestCost)
            rootMultipliers = result.multipliers
            // Lagrangian heuristic: descend from the relaxation's sites (Beasley 1993).
            for sites in [result.bestSites, result.boundSites].compactMap({ $0 }) where sites.count == p {
                state.move(to: sites)
                state.descend()
                if state.cost < bestCost {
                    bestCost = state.cost
                    bestSites = state.sites
                }
            }
            state.move(to: bestSites)
            report()
        } else if p == m {
            lowerBound = bestCost
        }

        // Variable neighbourhood search.
        let maxShake = max(1, min(parameters.maxShake, p, m - p))
        var k = 1
        var lastImprovement = 0
        let searchesTree = parameters.provesOptimality && !rootMultipliers.isEmpty
        while lowerBound != bestCost,
            !budget.isExhausted(iterations: iterations, sinceImprovement: iterations - lastImprovement),
            !(searchesTree
                && (budget.isOutOfTime(fraction: parameters.searchTimeShare)
                    || iterations - lastImprovement >= parameters.stagnationLimit))
        {
            iterations += 1
            state.shake(k, random: &random)
            state.descend()
            if state.cost < bestCost {
                bestCost = state.cost
                bestSites = state.sites
                k = 1
                lastImprovement = iterations
                report()
            } else {
                if state.cost > bestCost || random.unbiasedBelow(2) == 0 {
                    state.move(to: bestSites)
                }
                k = k % maxShake + 1
            }
        }

        // Branch and bound on the Lagrangian relaxation closes the gap the root bound leaves.
        if searchesTree, let relaxation, let bound = lowerBound, bound < bestCost, !budget.isOutOfTime() {
            var tree = PMedianBranchAndBound(relaxation: relaxation)
            tree.nodeLimit = parameters.branchNodeLimit
            tree.nodeIterations = parameters.branchNodeIterations
            let outcome = tree.run(
                incumbent: bestCost, incumbentSites: bestSites, rootMultipliers: rootMultipliers,
                rootBound: bound, shouldStop: { budget.isOutOfTime() })
            if outcome.bestCost < bestCost {
                bestCost = outcome.bestCost
                bestSites = outcome.bestSites
            }
            lowerBound = max(bound, min(outcome.lowerBound, bestCost))
            branchNodes = outcome.nodes
            report()
        }
        var solution = SitingSolution(
            sites: bestSites, cost: bestCost, lowerBound: lowerBound, iterations: iterations,
            seconds: budget.seconds)
        solution.branchNodes = branchNodes
        return solution
    }

    /// Adds, p times, the site that lowers the cost most (ties to the lower index).
    func greedySites(_ problem: SitingProblem, _ nearestSites: SitingNearestSites) -> [Int] {
        let (n, m) = (problem.demandCount, problem.siteCount)
        let unserved = problem.maxDistance + 1
        var current = [Int](repeating: unserved, count: n)
        var saving = [Int](repeating: 0, count: m)
        var open = [Bool](repeating: false, count: m)
        var sites: [Int] = []
        for _ in 0..<problem.p {
            for j in 0..<m { saving[j] = 0 }
            for u in 0..<n {
                let (w, row, c) = (problem.weights[u], u * m, current[u])
                for k in 0..<m {
                    let j = Int(nearestSites.order[row + k])
                    let d = problem.distances[row + j]
                    if d >= c { break }
                    saving[j] += w * (c - d)
                }
            }
            var best = -1
            for j in 0..<m where !open[j] && (best < 0 || saving[j] > saving[best]) { best = j }
            open[best] = true
            sites.append(best)
            for u in 0..<n { current[u] = min(current[u], problem.distances[u * m + best]) }
        }
        return sites
    }
}
