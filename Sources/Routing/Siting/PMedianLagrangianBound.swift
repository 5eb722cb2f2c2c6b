import Foundation

/// Lower bound on the p-median optimum by Lagrangian relaxation of the assignment constraints
/// (every demand point served once), maximised by subgradient optimisation — Beasley (1993),
/// "Lagrangean heuristics for location problems", EJOR 65.
///
/// For multipliers λ ≥ 0, with ρ_j = Σ_u min(0, w_u·d(u,j) − λ_u), the relaxation is
/// L(λ) = Σ_u λ_u + (sum of the p smallest ρ_j) ≤ optimum. An iteration visits, for every demand
/// point, only the sites with w_u·d(u,j) < λ_u (sorted neighbour lists), then selects the p
/// smallest ρ in O(m log m). Sites may be fixed open or closed (branch and bound): fixed-open
/// sites are always selected, fixed-closed never. The selected sites also serve as a primal
/// (Lagrangian heuristic) solution. Costs are integers, so ⌈L⌉ is a bound too; on the
/// OR-Library instances ⌈L⌉ reaches the LP relaxation bound.
struct PMedianLagrangianBound {
    let problem: SitingProblem
    let nearestSites: SitingNearestSites
    /// `sortedCosts[u * m + k]` = w_u · d(u, k-th nearest site of u), read contiguously.
    private let sortedCosts: [Double]
    /// `siteCosts[j * n + u]` = w_u · d(u, j): one site's column, read contiguously.
    private let siteCosts: [Double]

    /// O(n · m) time and 16 · n · m bytes for the weighted distances in neighbour and site order.
    init(problem: SitingProblem, nearestSites: SitingNearestSites) {
        self.problem = problem
        self.nearestSites = nearestSites
        let m = problem.siteCount
        var costs = [Double](repeating: 0, count: problem.demandCount * m)
        for u in 0..<problem.demandCount {
            let w = Double(problem.weights[u])
            for k in 0..<m {
                costs[u * m + k] = w * Double(problem.distances[u * m + Int(nearestSites.order[u * m + k])])
            }
        }
        sortedCosts = costs
        let n = problem.demandCount
        var columns = [Double](repeating: 0, count: n * m)
        for u in 0..<n {
            let w = Double(problem.weights[u])
            for j in 0..<m { columns[j * n + u] = w * Double(problem.distances[u * m + j]) }
        }
        siteCosts = columns
    }

    /// A site's state in a branch of the search tree.
    enum Fixing: Int8, Sendable {
        case free, open, closed
    }

    /// The relaxation at one λ.
    struct Evaluation {
        var value: Double
        var rho: [Double]
        /// The selected sites: the fixed-open ones, then the free ones by increasing ρ.
        var selection: [Int]
        var isSelected: [Bool]
        /// Largest ρ among the selected free sites (0 when none is free-selected).
        var lastSelectedRho: Double
        /// Smallest ρ among the free sites left out (`nil` when none).
        var firstUnselectedRho: Double?
    }

    struct Result {
        /// Best bound value L found, and ⌈L⌉.
        var value: Double
        var bound: Int
        /// Multipliers at the best bound.
        var multipliers: [Double]
        /// Best primal solution met (the p sites of a relaxation), and its cost.
        var bestSites: [Int]?
        var bestCost: Int
        /// The p sites selected by the relaxation at the best bound: a good start for descent.
        var boundSites: [Int] = []
        var iterations: Int
        /// False when the fixings leave no feasible selection (fewer than p sites or more than p open).
        var isFeasible = true
        /// The fixings given, tightened by the reduced-cost tests of every iteration.
        var fixing: [Fixing]?
    }

    /// Rounding slack for sums of many doubles: relative, so that large weighted costs keep
    /// the bound valid.
    static func slack(_ value: Double) -> Double { 1e-9 * max(1, abs(value)) }

    /// ⌈L⌉ less the rounding slack: a valid integer bound.
    static func roundedUp(_ value: Double) -> Int { Int((value - slack(value)).rounded(.up)) }

    /// L(λ) with the given fixings; `nil` when no selection of p sites respects them.
    func evaluate(_ lambda: [Double], fixing: [Fixing]?) -> Evaluation? {
        let (n, m, p) = (problem.demandCount, problem.siteCount, problem.p)
        var rho = [Double](repeating: 0, count: m)
        var sumLambda = 0.0
        sortedCosts.withUnsafeBufferPointer { costs in
            nearestSites.order.withUnsafeBufferPointer { order in
                rho.withUnsafeMutableBufferPointer { rho in
                    for u in 0..<n {
                        let (l, row) = (lambda[u], u * m)
                        sumLambda += l
                        for k in 0..<m {
                            let c = costs[row + k]
                            if c >= l { break }
                            rho[Int(order[row + k])] += c - l
                        }
                    }
                }
            }
        }
        var selection: [Int] = []
        var free: [Int] = []
        if let fixing {
            for j in 0..<m {
                switch fixing[j] {
                case .open: selection.append(j)
                case .free: free.append(j)
                case .closed: break
                }
            }
        } else {
            free = Array(0..<m)
        }
        let wanted = p - selection.count
        guard wanted >= 0, wanted <= free.count else { return nil }
        // The `wanted` + 1 smallest free ρ, ties by index (deterministic).
        let before = { (a: Int, b: Int) in rho[a] != rho[b] ? rho[a] < rho[b] : a < b }
        if wanted + 1 <= 32 {
            var smallest: [Int] = []
            smallest.reserveCapacity(wanted + 2)
            for j in free where smallest.count <= wanted || before(j, smallest[wanted]) {
                var position = smallest.count
                while position > 0, before(j, smallest[position - 1]) { position -= 1 }
                smallest.insert(j, at: position)
                if smallest.count > wanted + 1 { smallest.removeLast() }
            }
            free = smallest
        } else {
            free.sort(by: before)
        }
        selection.append(contentsOf: free[0..<wanted])
        var isSelected = [Bool](repeating: false, count: m)
        var value = sumLambda
        for j in selection {
            value += rho[j]
            isSelected[j] = true
        }
        return Evaluation(
            value: value, rho: rho, selection: selection, isSelected: isSelected,
            lastSelectedRho: wanted > 0 ? rho[free[wanted - 1]] : 0,
            firstUnselectedRho: wanted < free.count ? rho[free[wanted]] : nil)
    }

    /// Reduced-cost tests at one λ, valid for every completion of the fixings: a free site left
    /// out is closed when opening it (L − ρ_last + ρ_j) would reach `upperBound`; a selected free
    /// site is opened when closing it (L − ρ_j + ρ_next) would. O(m).
    func fixSites(_ fixing: inout [Fixing], by at: Evaluation, upperBound: Int) {
        let threshold = Double(upperBound) - 1 + Self.slack(Double(upperBound))
        for j in 0..<fixing.count where fixing[j] == .free {
            if at.isSelected[j] {
                if let next = at.firstUnselectedRho {
                    if at.value - at.rho[j] + next > threshold { fixing[j] = .open }
                } else {
                    fixing[j] = .open
                }
            } else if at.value - at.lastSelectedRho + at.rho[j] > threshold {
                fixing[j] = .closed
            }
        }
    }

    /// Runs at most `iterationLimit` subgradient steps from `multipliers`, stopping early when the
    /// bound reaches `upperBound` (the incumbent cost), when the step size vanishes, or when
    /// `shouldStop` says so. The step is θ·(upper − L)/‖g‖², θ halved after `stallLimit`
    /// iterations without a better bound.
    func run(
        upperBound: Int, multipliers initial: [Double], fixing initialFixing: [Fixing]? = nil, iterationLimit: Int,
        stallLimit: Int = 30, theta initialTheta: Double = 2, evaluatesSites: Bool = true, shouldStop: () -> Bool
    ) -> Result {
        let (n, m) = (problem.demandCount, problem.siteCount)
        var lambda = initial
        var subgradient = [Double](repeating: 0, count: n)
        var result = Result(
            value: -.infinity, bound: 0, multipliers: initial, bestSites: nil, bestCost: upperBound, iterations: 0)
        var theta = initialTheta
        var sinceImprovement = 0
        var upper = Double(upperBound)
        var fixing = initialFixing
        defer { result.fixing = fixing }

        for iteration in 0..<iterationLimit {
            if iteration % 16 == 0, shouldStop() { break }
            result.iterations = iteration + 1
            guard let relaxation = evaluate(lambda, fixing: fixing) else {
                result.isFeasible = false
                return result
            }
            let value = relaxation.value
            if fixing != nil, Self.roundedUp(value) < Int(upper) {
                fixSites(&fixing!, by: relaxation, upperBound: Int(upper))
            }
            if value > result.value + 1e-9 {
                result.value = value
                result.bound = max(result.bound, Self.roundedUp(value))
                result.multipliers = lambda
                result.boundSites = relaxation.selection
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= stallLimit {
                    theta /= 2
                    sinceImprovement = 0
                }
            }
            // Lagrangian heuristic: evaluate the relaxation's sites now and then.
            if evaluatesSites, iteration % 10 == 0 || sinceImprovement == 0 {
                let cost = problem.medianCost(of: relaxation.selection)
                if cost < result.bestCost || result.bestSites == nil && cost == result.bestCost {
                    result.bestCost = cost
                    result.bestSites = relaxation.selection.sorted()
                    upper = Double(min(upperBound, cost))
                }
            }
            if result.bound >= Int(upper) || theta < 1e-4 { break }
            // g_u = 1 − (number of selected sites with w_u·d(u,j) < λ_u): by the selected sites'
            // columns when p is small, else along the neighbour lists.
            var norm = 0.0
            if problem.p <= 32 {
                for u in 0..<n { subgradient[u] = 1 }
                siteCosts.withUnsafeBufferPointer { columns in
                    lambda.withUnsafeBufferPointer { lambda in
                        subgradient.withUnsafeMutableBufferPointer { g in
                            for j in relaxation.selection {
                                let column = j * n
                                for u in 0..<n where columns[column + u] < lambda[u] { g[u] -= 1 }
                            }
                        }
                    }
                }
                for u in 0..<n { norm += subgradient[u] * subgradient[u] }
            } else {
                sortedCosts.withUnsafeBufferPointer { costs in
                    nearestSites.order.withUnsafeBufferPointer { order in
                        for u in 0..<n {
                            let (l, row) = (lambda[u], u * m)
                            var served = 0
                            for k in 0..<m {
                                if costs[row + k] >= l { break }
                                if relaxation.isSelected[Int(order[row + k])] { served += 1 }
                            }
                            subgradient[u] = Double(1 - served)
                            norm += subgradient[u] * subgradient[u]
                        }
                    }
                }
            }
            if norm == 0 { break }  // the relaxation's solution is feasible, hence optimal
            let step = theta * (upper - value) / norm
            for u in 0..<n { lambda[u] = max(0, lambda[u] + step * subgradient[u]) }
        }
        return result
    }
}
