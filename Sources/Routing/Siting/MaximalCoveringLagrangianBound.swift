/// Upper bound on the maximal covering optimum by Lagrangian relaxation of the coverage
/// constraints y_u ≤ Σ_{j covers u} x_j (Galvão & ReVelle 1996, "A Lagrangean heuristic for
/// the maximal covering location problem", EJOR 88), minimised by subgradient optimisation.
///
/// For λ ≥ 0: L(λ) = Σ_u max(0, w_u − λ_u) + (sum of the p largest Σ_{u covered by j} λ_u).
/// One iteration is O(covered pairs + m log m). Populations are integers, so ⌊L⌋ bounds too.
struct MaximalCoveringLagrangianBound {
    let problem: MaximalCoveringProblem

    /// Runs at most `iterationLimit` steps; stops early when the bound meets `lowerBound`
    /// (the incumbent) or the step vanishes. Returns the best bound, at most the total population.
    func run(lowerBound: Int, iterationLimit: Int, shouldStop: () -> Bool) -> Int {
        let siting = problem.siting
        let (n, m, p) = (siting.demandCount, siting.siteCount, siting.p)
        let weights = siting.weights.map(Double.init)
        var lambda = weights.map { $0 / 2 }
        var value = [Double](repeating: 0, count: m)
        var selected = [Bool](repeating: false, count: m)
        var indices = Array(0..<m)
        var best = problem.totalPopulation
        var bestL = Double.infinity
        var theta = 2.0
        var sinceImprovement = 0
        for iteration in 0..<iterationLimit {
            if iteration % 16 == 0, shouldStop() { break }
            var l = 0.0
            for u in 0..<n { l += max(0, weights[u] - lambda[u]) }
            for j in 0..<m { value[j] = problem.coveredDemand[j].reduce(0) { $0 + lambda[$1] } }
            indices.sort { value[$0] != value[$1] ? value[$0] > value[$1] : $0 < $1 }
            for j in 0..<m { selected[j] = false }
            for k in 0..<p {
                l += value[indices[k]]
                selected[indices[k]] = true
            }
            if l < bestL - 1e-9 {
                bestL = l
                best = min(best, Int((l + 1e-9 * max(1, abs(l))).rounded(.down)))
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 30 {
                    theta /= 2
                    sinceImprovement = 0
                }
            }
            if best <= lowerBound || theta < 1e-4 { break }
            // Subgradient of L at λ: −y_u + (number of selected sites covering u).
            var g = [Double](repeating: 0, count: n)
            var norm = 0.0
            for u in 0..<n {
                let y = weights[u] > lambda[u] ? 1.0 : 0.0
                let cover = Double(problem.coveringSites[u].reduce(0) { $0 + (selected[$1] ? 1 : 0) })
                g[u] = cover - y
                norm += g[u] * g[u]
            }
            if norm == 0 { break }
            let step = theta * (l - Double(lowerBound)) / norm
            for u in 0..<n { lambda[u] = max(0, lambda[u] - step * g[u]) }
        }
        return max(best, lowerBound)
    }
}
