import Foundation

/// Lower bound on the p-median optimum by Lagrangian relaxation of the assignment constraints
/// (every demand point served once), maximised by subgradient optimisation — Beasley (1993),
/// "Lagrangean heuristics for location problems", EJOR 65.
///
/// For multipliers λ ≥ 0, with ρ_j = Σ_u min(0, w_u·d(u,j) − λ_u), the relaxation is
/// L(λ) = Σ_u λ_u + (sum of the p smallest ρ_j) ≤ optimum. An iteration visits, for every demand
/// point, only the sites with w_u·d(u,j) < λ_u (sorted neighbour lists), then selects the p
/// smallest ρ in O(m log m). The selected sites also serve as a primal (Lagrangian heuristic)
/// solution. Costs are integers, so ⌈L⌉ is a bound too.
struct PMedianLagrangianBound {
    let problem: SitingProblem
    let nearestSites: SitingNearestSites

    struct Result {
        /// Best proven lower bound, already rounded up.
        var bound: Int
        /// Best primal solution met (the p sites of a relaxation), and its cost.
        var bestSites: [Int]?
        var bestCost: Int
        /// The p sites selected by the relaxation at the best bound: a good start for descent.
        var boundSites: [Int] = []
        var iterations: Int
    }

    /// Runs at most `iterationLimit` subgradient steps from `multipliers`, stopping early when the
    /// bound reaches `upperBound` (the incumbent cost), when the step size vanishes, or when
    /// `shouldStop` says so.
    func run(
        upperBound: Int, multipliers initial: [Double], iterationLimit: Int, stallLimit: Int = 30,
        shouldStop: () -> Bool
    ) -> Result {
        let (n, m, p) = (problem.demandCount, problem.siteCount, problem.p)
        var lambda = initial
        var rho = [Double](repeating: 0, count: m)
        var selected = [Bool](repeating: false, count: m)
        var subgradient = [Double](repeating: 0, count: n)
        var indices = Array(0..<m)
        var result = Result(bound: 0, bestSites: nil, bestCost: upperBound, iterations: 0)
        var bestL = -Double.infinity
        var theta = 2.0
        var sinceImprovement = 0
        let weights = problem.weights.map(Double.init)
        var upper = Double(upperBound)

        for iteration in 0..<iterationLimit {
            if iteration % 16 == 0, shouldStop() { break }
            result.iterations = iteration + 1
            for j in 0..<m { rho[j] = 0 }
            var sumLambda = 0.0
            problem.distances.withUnsafeBufferPointer { distances in
                nearestSites.order.withUnsafeBufferPointer { order in
                    for u in 0..<n {
                        let (l, w, row) = (lambda[u], weights[u], u * m)
                        sumLambda += l
                        for k in 0..<m {
                            let j = Int(order[row + k])
                            let c = w * Double(distances[row + j])
                            if c >= l { break }
                            rho[j] += c - l
                        }
                    }
                }
            }
            // The p most negative ρ; ties by index keep the run deterministic.
            indices.sort { rho[$0] != rho[$1] ? rho[$0] < rho[$1] : $0 < $1 }
            var value = sumLambda
            for j in 0..<m { selected[j] = false }
            for k in 0..<p {
                value += rho[indices[k]]
                selected[indices[k]] = true
            }
            if value > bestL + 1e-9 {
                bestL = value
                result.bound = max(result.bound, Int((value - 1e-6).rounded(.up)))
                result.boundSites = Array(indices[0..<p])
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= stallLimit {
                    theta /= 2
                    sinceImprovement = 0
                }
            }
            // Lagrangian heuristic: evaluate the relaxation's sites now and then.
            if iteration % 10 == 0 || sinceImprovement == 0 {
                let sites = Array(indices[0..<p])
                let cost = problem.medianCost(of: sites)
                if cost < result.bestCost || result.bestSites == nil && cost == result.bestCost {
                    result.bestCost = cost
                    result.bestSites = sites.sorted()
                    upper = Double(min(upperBound, cost))
                }
            }
            if result.bound >= Int(upper) || theta < 1e-4 { break }
            var norm = 0.0
            problem.distances.withUnsafeBufferPointer { distances in
                nearestSites.order.withUnsafeBufferPointer { order in
                    for u in 0..<n {
                        let (l, w, row) = (lambda[u], weights[u], u * m)
                        var served = 0
                        for k in 0..<m {
                            let j = Int(order[row + k])
                            if w * Double(distances[row + j]) >= l { break }
                            if selected[j] { served += 1 }
                        }
                        subgradient[u] = Double(1 - served)
                        norm += subgradient[u] * subgradient[u]
                    }
                }
            }
            if norm == 0 { break }  // the relaxation is feasible, hence optimal
            let step = theta * (upper - value) / norm
            for u in 0..<n { lambda[u] = max(0, lambda[u] + step * subgradient[u]) }
        }
        return result
    }
}
