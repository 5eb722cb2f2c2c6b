import Foundation

/// Iterated local search for every problem variant of `ProblemData`, in the spirit of
/// PyVRP 0.14's ILS and SISR: each iteration ruins the current solution around a random
/// client (string removal), recreates it by cheapest insertion, and descends with the
/// granular local search (the operator lists of `parameters`, by default relocate, Or-opt,
/// swaps, 2-opt, 2-opt* and SWAP*). Capacity and time-window violations are penalised with
/// self-adjusting penalties; an infeasible result is repaired by a second descent with
/// tenfold penalties. Candidates are accepted by a simulated-annealing rule cooled over the
/// budget. Deterministic for a seed when stopped by iterations (a time limit makes the
/// number of iterations machine-dependent).
///
/// One iteration costs O(removed × neighbours) to perturb plus the local search of the
/// touched routes; memory is O(n² ) for the matrices plus O(n × neighbours).
public struct Solver: Sendable {
    public let problem: ProblemData
    public var parameters: SolverParameters

    public init(problem: ProblemData, parameters: SolverParameters = SolverParameters()) {
        self.problem = problem
        self.parameters = parameters
    }

    /// Searches until `stop` says so, drawing every random choice from a ``Xoshiro256``
    /// seeded with `seed`: the caller names the seed, and the same seed with an iteration
    /// limit gives the same result. `progress` is told each better feasible solution.
    public func solve(
        stop: StoppingCriterion, seed: UInt64, progress: ((SolverProgress) -> Void)? = nil
    ) -> SolverResult {
        let budget = SearchBudget(stop)
        func elapsed() -> Double { budget.seconds }
        let checker = FeasibilityChecker(problem: problem)
        guard problem.clientCount > 0 else {
            let empty = Solution(routes: [])
            return SolverResult(solution: empty, report: checker.check(empty), iterations: 0, seconds: elapsed())
        }
        var search = LocalSearch(problem: problem, neighbourCount: parameters.neighbourCount, seed: seed)
        search.useOperators(parameters.nodeOperators, parameters.routeOperators)
        var loadPenalty = initialLoadPenalty()
        var timePenalty = initialTimePenalty()
        search.loadPenalty = Int(loadPenalty.rounded())
        search.timePenalty = Int(timePenalty.rounded())
        let ruin = StringRemoval(
            averageRemoved: parameters.averageRemoved, maxStringLength: parameters.maxStringLength)

        // Construction: cheapest insertion in random order, then descent.
        var order = Array(1...problem.clientCount)
        order.shuffle(using: &search.rng)
        for client in order { search.insertCheapest(client) }
        descend(&search)

        var currentRoutes = (0..<search.routeCount).map { search.clients(of: $0) }
        var currentFeasible = search.isFeasible
        var currentCost = search.penalisedCost
        var best = search.solution()
        var bestCost = currentFeasible ? currentCost : Int.max
        var bestPenalised = currentCost
        let scale = max(1.0, Double(currentCost) / Double(problem.clientCount))
        let hot = parameters.initialTemperature * scale
        let cold = max(1e-9, parameters.finalTemperature * scale)
        var iterations = 0
        var sinceImprovement = 0
        var loadFeasibleCount = 0
        var timeFeasibleCount = 0
        var sinceUpdate = 0
        if bestCost < Int.max {
            progress?(SolverProgress(best: bestCost, iterations: 0, seconds: elapsed()))
        }

        while true {
            let state = budget.state(iterations: iterations, sinceImprovement: sinceImprovement)
            if stop.shouldStop(state) { break }
            let fraction = stop.progress(state) ?? Double(iterations % 20_000) / 20_000
            let temperature = hot * pow(cold / hot, fraction)
            iterations += 1
            sinceImprovement += 1

            let mark = search.moveCounter
            var removed = ruin.ruin(&search)
            switch search.rng.below(3) {
            case 0: removed.shuffle(using: &search.rng)
            case 1:
                removed.sort {
                    problem.deliveries[$0] + problem.pickups[$0] > problem.deliveries[$1] + problem.pickups[$1]
                }
            default: removed.sort { problem.distance(0, $0) > problem.distance(0, $1) }
            }
            for client in removed { search.insertCheapest(client) }
            search.search()
            if search.isLoadFeasible { loadFeasibleCount += 1 }
            if search.isTimeFeasible { timeFeasibleCount += 1 }
            if !search.isFeasible { repair(&search) }

            let feasible = search.isFeasible
            let cost = search.penalisedCost
            let accept: Bool
            if feasible {
                accept =
                    !currentFeasible
                    || Double(cost) < Double(currentCost) - temperature * log(search.rng.unit() + 1e-300)
            } else {
                accept = !currentFeasible && cost < currentCost
            }
            if accept {
                for r in 0..<search.routeCount where search.lastModified[r] > mark {
                    currentRoutes[r] = search.clients(of: r)
                }
                currentFeasible = feasible
                currentCost = cost
                if feasible && cost < bestCost {
                    bestCost = cost
                    best = search.solution()
                    sinceImprovement = 0
                    progress?(SolverProgress(best: bestCost, iterations: iterations, seconds: elapsed()))
                } else if !feasible && bestCost == Int.max && cost < bestPenalised {
                    bestPenalised = cost
                    best = search.solution()
                }
            } else {
                search.restore(currentRoutes, changedSince: mark)
            }

            sinceUpdate += 1
            if sinceUpdate >= parameters.penaltyUpdateInterval {
                loadPenalty = adjusted(loadPenalty, Double(loadFeasibleCount) / Double(sinceUpdate))
                timePenalty = adjusted(timePenalty, Double(timeFeasibleCount) / Double(sinceUpdate))
                loadFeasibleCount = 0
                timeFeasibleCount = 0
                sinceUpdate = 0
                search.loadPenalty = Int(loadPenalty.rounded())
                search.timePenalty = Int(timePenalty.rounded())
                search.repriceRoutes()
                if !currentFeasible { currentCost = search.penalisedCost }
            }
        }
        return SolverResult(solution: best, report: checker.check(best), iterations: iterations, seconds: elapsed())
    }

    /// Descent followed, when the result violates a constraint, by a repair descent.
    private func descend(_ search: inout LocalSearch) {
        search.search()
        if !search.isFeasible { repair(&search) }
    }

    /// Second descent with penalties multiplied by 10 (then 100), as HGS repairs
    /// infeasible offspring; restores the penalties afterwards.
    private func repair(_ search: inout LocalSearch) {
        let load = search.loadPenalty
        let time = search.timePenalty
        for factor in [10, 100] {
            search.loadPenalty = load &* factor
            search.timePenalty = time &* factor
            search.repriceRoutes()
            search.moveCounter &+= 1
            for r in 0..<search.routeCount where search.routePenalty[r] > 0 {
                search.lastModified[r] = search.moveCounter
            }
            search.search()
            if search.isFeasible { break }
        }
        search.loadPenalty = load
        search.timePenalty = time
        search.repriceRoutes()
    }

    private func adjusted(_ penalty: Double, _ feasibleShare: Double) -> Double {
        let target = parameters.targetFeasible
        if feasibleShare < target - 0.05 { return min(1e7, penalty * 1.25 + 1) }
        if feasibleShare > target + 0.05 { return max(1, penalty * 0.85) }
        return penalty
    }

    /// Largest edge cost over largest demand: one unit of excess load costs about as much
    /// as the longest edge per unit of demand (Vidal et al. 2012's initial penalty). The edge
    /// is priced at the dearest vehicle's cost per unit of distance, so that a fleet whose
    /// distance costs more than 1 a unit (fen per km over metres) does not start by finding
    /// overloads cheap; with unit costs of 1 this is the plain longest edge.
    private func initialLoadPenalty() -> Double {
        let maxDistance = problem.distances.max() ?? 1
        let maxDemand = max(problem.deliveries.max() ?? 1, problem.pickups.max() ?? 1, 1)
        return min(1e7, max(1, Double(maxDistance) * distanceCostScale / Double(maxDemand)))
    }

    /// One unit of lateness starts out costing what the longest edge costs per unit of its
    /// duration: 1 when durations are distances at a unit cost of 1, as in the benchmarks.
    private func initialTimePenalty() -> Double {
        let maxDistance = problem.distances.max() ?? 1
        let maxDuration = max(problem.durations.max() ?? 1, 1)
        return min(1e7, max(1, (Double(maxDistance) * distanceCostScale / Double(maxDuration)).rounded()))
    }

    private var distanceCostScale: Double {
        Double(max(1, problem.vehicleTypes.map(\.unitDistanceCost).max() ?? 1))
    }
}
