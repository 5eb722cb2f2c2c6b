/// Proves a p-median solution optimal, or finds a better one, by depth-first branch and bound
/// on the Lagrangian relaxation (Beasley 1985, "A note on solving large p-median problems",
/// EJOR 21; Beasley 1993).
///
/// At every node the subgradient method restarts from the parent's multipliers; the node is
/// pruned when ⌈L⌉ reaches the incumbent. Reduced-cost tests then fix sites for the subtree:
/// a free site left out whose ρ_j makes L − ρ_last + ρ_j reach the incumbent is closed, and a
/// selected free site whose removal makes L − ρ_j + ρ_next reach it is opened. The search
/// branches on the selected free site with the most negative ρ (open first, then closed).
/// Worst case exponential; a node limit and the caller's stop test bound the work. Used when
/// the root bound leaves a gap (on OR-Library, the instances with small p).
struct PMedianBranchAndBound {
    let relaxation: PMedianLagrangianBound
    /// Subgradient iterations per node (the root has been solved by the caller).
    var nodeIterations = 15
    var nodeLimit = 5_000

    struct Outcome {
        /// True when the whole tree was searched: `bestCost` is optimal.
        var isComplete: Bool
        /// A lower bound on the optimum: `bestCost` when complete, else the smallest bound of
        /// the nodes left unexplored (every other subtree was pruned at the incumbent).
        var lowerBound: Int
        var bestCost: Int
        var bestSites: [Int]
        var nodes: Int
    }

    private struct Node {
        var fixing: [PMedianLagrangianBound.Fixing]
        var multipliers: [Double]
        /// ⌈L⌉ of the parent: a lower bound for this subtree.
        var bound: Int
    }

    /// Searches for a solution cheaper than `incumbent`, starting from the root multipliers.
    func run(
        incumbent: Int, incumbentSites: [Int], rootMultipliers: [Double], rootBound: Int = 0,
        shouldStop: () -> Bool
    ) -> Outcome {
        let problem = relaxation.problem
        let (m, p) = (problem.siteCount, problem.p)
        var outcome = Outcome(
            isComplete: false, lowerBound: min(rootBound, incumbent), bestCost: incumbent, bestSites: incumbentSites,
            nodes: 0)
        var stack = [Node(fixing: Array(repeating: .free, count: m), multipliers: rootMultipliers, bound: rootBound)]
        while var node = stack.popLast() {
            if outcome.nodes >= nodeLimit || shouldStop() {
                let open = stack.map(\.bound).min() ?? node.bound
                outcome.lowerBound = max(outcome.lowerBound, min(open, node.bound, outcome.bestCost))
                return outcome
            }
            outcome.nodes += 1
            let result = relaxation.run(
                upperBound: outcome.bestCost, multipliers: node.multipliers, fixing: node.fixing,
                iterationLimit: nodeIterations, stallLimit: 5, theta: outcome.nodes == 1 ? 0.5 : 1,
                evaluatesSites: false, shouldStop: { false })
            guard result.isFeasible else { continue }
            if let sites = result.bestSites, result.bestCost < outcome.bestCost {
                outcome.bestCost = result.bestCost
                outcome.bestSites = sites
            }
            if result.bound >= outcome.bestCost { continue }
            guard let at = relaxation.evaluate(result.multipliers, fixing: node.fixing) else { continue }
            let cost = problem.medianCost(of: at.selection)
            if cost < outcome.bestCost {
                outcome.bestCost = cost
                outcome.bestSites = at.selection.sorted()
            }
            // Reduced-cost fixing for the subtree (valid for every completion of this node).
            node.fixing = result.fixing ?? node.fixing
            relaxation.fixSites(&node.fixing, by: at, upperBound: outcome.bestCost)
            var openCount = 0
            var branch = -1
            for j in 0..<m {
                switch node.fixing[j] {
                case .open: openCount += 1
                case .free where at.isSelected[j] && (branch < 0 || at.rho[j] < at.rho[branch]): branch = j
                default: break
                }
            }
            let freeCount = node.fixing.lazy.filter { $0 == .free }.count
            if openCount > p || openCount + freeCount < p { continue }
            if openCount == p || openCount + freeCount == p {
                // Only one completion is left: it is evaluated exactly.
                let sites = (0..<m).filter {
                    node.fixing[$0] != .closed && (openCount == p ? node.fixing[$0] == .open : true)
                }
                let cost = problem.medianCost(of: sites)
                if cost < outcome.bestCost {
                    outcome.bestCost = cost
                    outcome.bestSites = sites
                }
                continue
            }
            if branch < 0 {
                // Every selected site is fixed open yet fewer than p are open: branch on a free site.
                branch = (0..<m).first { node.fixing[$0] == .free }!
            }
            node.bound = max(node.bound, result.bound)
            var closed = node
            closed.fixing[branch] = .closed
            closed.multipliers = result.multipliers
            var opened = node
            opened.fixing[branch] = .open
            opened.multipliers = result.multipliers
            stack.append(closed)
            stack.append(opened)
        }
        outcome.isComplete = true
        outcome.lowerBound = outcome.bestCost
        return outcome
    }
}
