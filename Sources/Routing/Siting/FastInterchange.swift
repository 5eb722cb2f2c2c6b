/// The interchange (swap) neighbourhood of the p-median problem — close one open site, open one
/// closed site — evaluated with the gain / loss / extra bookkeeping of Resende & Werneck (2004),
/// "A fast swap-based local search procedure for location problems", Annals of OR 150.
///
/// For every demand point u with nearest open site φ1(u) at d1 and second nearest φ2(u) at d2:
/// - `loss[f]`   = Σ over u with φ1(u) = f of w·(d2 − d1): cost of closing f alone;
/// - `gain[i]`   = Σ over u of w·max(0, d1 − d(u,i)): saving of opening i alone;
/// - `extra[i,f]`= Σ over u with φ1(u) = f, d(u,i) < d2 of w·(d2 − max(d(u,i), d1)):
///   the correction when i is opened and f closed together.
/// The saving of the swap (open i, close f) is `gain[i] − loss[f] + extra[i,f]`.
///
/// A swap updates only the demand points whose φ1 or φ2 changes, each in time proportional to
/// the number of sites nearer than its d2 (sorted neighbour lists). Finding the best swap scans
/// either the dense `extra` matrix, O((m − p) · p), or only its entries with a share, whichever
/// is smaller (see ``bestSwap()``). Memory is O(m²) for `extra` (8 MB at m = 1,000).
/// With p = 1 the missing second site is at `maxDistance + 1`, which keeps the formulas exact.
struct FastInterchange: SitingInterchange {
    let problem: SitingProblem
    let nearestSites: SitingNearestSites
    private(set) var isOpen: [Bool]
    private(set) var openSites: [Int]
    private var openPosition: [Int]
    private(set) var nearest: [Int]
    private(set) var second: [Int]
    private(set) var nearestDistance: [Int]
    private(set) var secondDistance: [Int]
    private(set) var cost: Int
    var gain: [Int]
    var loss: [Int]
    var extra: [Int]
    private var affected: [Int] = []
    /// Number of (demand point, site nearer than its d2) pairs with a share in gain or extra.
    private var pairCount = 0
    private let noSecond: Int

    /// Sets up the bookkeeping for `sites` open: O(n · m + m²).
    init(problem: SitingProblem, nearestSites: SitingNearestSites, sites: [Int]) {
        precondition(sites.count == problem.p && Set(sites).count == sites.count)
        let (n, m) = (problem.demandCount, problem.siteCount)
        self.problem = problem
        self.nearestSites = nearestSites
        noSecond = problem.maxDistance + 1
        isOpen = Array(repeating: false, count: m)
        openPosition = Array(repeating: -1, count: m)
        openSites = sites
        for (position, site) in sites.enumerated() {
            isOpen[site] = true
            openPosition[site] = position
        }
        nearest = Array(repeating: -1, count: n)
        second = Array(repeating: -1, count: n)
        nearestDistance = Array(repeating: 0, count: n)
        secondDistance = Array(repeating: 0, count: n)
        gain = Array(repeating: 0, count: m)
        loss = Array(repeating: 0, count: m)
        extra = Array(repeating: 0, count: m * m)
        cost = 0
        for demand in 0..<n {
            rescan(demand)
            cost += problem.weights[demand] * nearestDistance[demand]
            contribute(demand, sign: 1)
        }
    }

    /// Open sites in ascending order.
    var sites: [Int] { openSites.sorted() }

    /// The saving (positive = cheaper) of opening `insert` and closing `remove`, O(1).
    func saving(insert: Int, remove: Int) -> Int {
        gain[insert] - loss[remove] + extra[insert * problem.siteCount + remove]
    }

    /// The swap with the largest saving, O(min((m − p) · p, pairs)) where `pairs` is the number
    /// of (demand point, site nearer than its d2) pairs. Since extra ≥ 0, a pair with zero extra
    /// never beats (largest gain, smallest loss); so only that pair and the pairs with a share
    /// in `extra` need checking — the sparse scan of Resende & Werneck (2004, §5), used when it
    /// is smaller than the dense one. Ties go to the first pair met (deterministic).
    func bestSwap() -> (insert: Int, remove: Int, saving: Int)? {
        let m = problem.siteCount
        guard openSites.count < m else { return nil }
        return pairCount < (m - openSites.count) * openSites.count ? sparseBestSwap() : denseBestSwap()
    }

    private func denseBestSwap() -> (insert: Int, remove: Int, saving: Int)? {
        let m = problem.siteCount
        var best: (insert: Int, remove: Int, saving: Int)? = nil
        var bestSaving = Int.min
        gain.withUnsafeBufferPointer { gain in
            loss.withUnsafeBufferPointer { loss in
                extra.withUnsafeBufferPointer { extra in
                    isOpen.withUnsafeBufferPointer { isOpen in
                        openSites.withUnsafeBufferPointer { open in
                            for i in 0..<m where !isOpen[i] {
                                let row = i * m
                                let g = gain[i]
                                for f in open {
                                    let s = g - loss[f] + extra[row + f]
                                    if s > bestSaving {
                                        bestSaving = s
                                        best = (i, f, s)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return best
    }

    private func sparseBestSwap() -> (insert: Int, remove: Int, saving: Int)? {
        let m = problem.siteCount
        var bestInsert = -1
        for i in 0..<m where !isOpen[i] && (bestInsert < 0 || gain[i] > gain[bestInsert]) { bestInsert = i }
        var bestRemove = openSites[0]
        for f in openSites where loss[f] < loss[bestRemove] || loss[f] == loss[bestRemove] && f < bestRemove {
            bestRemove = f
        }
        var best = (insert: bestInsert, remove: bestRemove, saving: saving(insert: bestInsert, remove: bestRemove))
        problem.distances.withUnsafeBufferPointer { distances in
            nearestSites.order.withUnsafeBufferPointer { order in
                gain.withUnsafeBufferPointer { gain in
                    loss.withUnsafeBufferPointer { loss in
                        extra.withUnsafeBufferPointer { extra in
                            isOpen.withUnsafeBufferPointer { isOpen in
                                for u in 0..<problem.demandCount where problem.weights[u] != 0 {
                                    let (row, f, d2) = (u * m, nearest[u], secondDistance[u])
                                    let lossF = loss[f]
                                    for k in 0..<m {
                                        let i = Int(order[row + k])
                                        if distances[row + i] >= d2 { break }
                                        if isOpen[i] { continue }
                                        let s = gain[i] - lossF + extra[i * m + f]
                                        if s > best.saving { best = (i, f, s) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return best
    }

    /// Opens `insert`, closes `remove` and updates all bookkeeping for the demand points
    /// whose nearest or second-nearest site changes.
    mutating func swap(insert: Int, remove: Int) {
        precondition(!isOpen[insert] && isOpen[remove])
        let (n, m) = (problem.demandCount, problem.siteCount)
        affected.removeAll(keepingCapacity: true)
        for u in 0..<n
        where nearest[u] == remove || second[u] == remove
            || problem.distances[u * m + insert] < secondDistance[u]
        {
            affected.append(u)
        }
        for u in affected { contribute(u, sign: -1) }
        isOpen[insert] = true
        isOpen[remove] = false
        let position = openPosition[remove]
        openSites[position] = insert
        openPosition[insert] = position
        openPosition[remove] = -1
        for u in affected {
            let before = nearestDistance[u]
            if nearest[u] == remove || second[u] == remove {
                rescan(u)
            } else {
                let d = problem.distances[u * m + insert]
                if d < nearestDistance[u] {
                    (second[u], secondDistance[u]) = (nearest[u], nearestDistance[u])
                    (nearest[u], nearestDistance[u]) = (insert, d)
                } else {
                    (second[u], secondDistance[u]) = (insert, d)
                }
            }
            cost += problem.weights[u] * (nearestDistance[u] - before)
            contribute(u, sign: 1)
        }
        #if DEBUG
            if checksInvariants { checkInvariants() }
        #endif
    }

    /// Finds φ1, φ2 of `u` by walking its sorted neighbour list.
    private mutating func rescan(_ u: Int) {
        let m = problem.siteCount
        let row = u * m
        var found = 0
        nearest[u] = -1
        second[u] = -1
        secondDistance[u] = noSecond
        for k in 0..<m {
            let site = Int(nearestSites.order[row + k])
            guard isOpen[site] else { continue }
            if found == 0 {
                nearest[u] = site
                nearestDistance[u] = problem.distances[row + site]
                found = 1
            } else {
                second[u] = site
                secondDistance[u] = problem.distances[row + site]
                return
            }
        }
    }

    /// Adds (sign 1) or removes (sign −1) the share of demand point `u` in gain, loss and extra.
    mutating func contribute(_ u: Int, sign: Int) {
        let w = problem.weights[u] * sign
        guard w != 0 else { return }
        let (m, f1) = (problem.siteCount, nearest[u])
        let (d1, d2) = (nearestDistance[u], secondDistance[u])
        let row = u * m
        loss[f1] += w * (d2 - d1)
        var pairs = 0
        problem.distances.withUnsafeBufferPointer { distances in
            nearestSites.order.withUnsafeBufferPointer { order in
                gain.withUnsafeMutableBufferPointer { gain in
                    extra.withUnsafeMutableBufferPointer { extra in
                        for k in 0..<m {
                            let i = Int(order[row + k])
                            let d = distances[row + i]
                            if d >= d2 { break }
                            pairs += 1
                            if d < d1 {
                                gain[i] += w * (d1 - d)
                                extra[i * m + f1] += w * (d2 - d1)
                            } else {
                                extra[i * m + f1] += w * (d2 - d)
                            }
                        }
                    }
                }
            }
        }
        pairCount += sign > 0 ? pairs : -pairs
    }

    #if DEBUG
        /// When set (tests), every swap recomputes the bookkeeping from scratch and compares.
        var checksInvariants = false
    #endif
}
