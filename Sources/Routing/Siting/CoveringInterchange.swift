/// Open, close and swap moves of the maximal covering problem with incremental evaluation in
/// the manner of Resende & Werneck (2004), with coverage counts in place of distances:
/// - `gain[i]`    = population covered by nobody that site i would cover;
/// - `loss[f]`    = population covered by f alone;
/// - `extra[i,f]` = population covered by f alone that i covers too.
/// The covered population grows by `gain[i] − loss[f] + extra[i,f]` when i opens and f closes.
/// A move updates only the demand points within radius of the site opened or closed, each in
/// time proportional to the number of sites covering it; the best swap is found in O((m − p) · p).
struct CoveringInterchange: SitingInterchange {
    let problem: MaximalCoveringProblem
    private(set) var isOpen: [Bool]
    private(set) var openSites: [Int] = []
    /// Number of open sites covering each demand point.
    private(set) var coverCount: [Int]
    private(set) var covered = 0
    var gain: [Int]
    var loss: [Int]
    var extra: [Int]
    /// Σ over demand points covered by exactly one open site of the sites covering them.
    private var soleCoverPairs = 0

    /// Starts with no site open: every demand point contributes to `gain`. O(n · m) for `extra`.
    init(problem: MaximalCoveringProblem) {
        let (n, m) = (problem.siting.demandCount, problem.siting.siteCount)
        self.problem = problem
        isOpen = Array(repeating: false, count: m)
        coverCount = Array(repeating: 0, count: n)
        gain = Array(repeating: 0, count: m)
        loss = Array(repeating: 0, count: m)
        extra = Array(repeating: 0, count: m * m)
        for u in 0..<n { contribute(u, sign: 1) }
    }

    var sites: [Int] { openSites.sorted() }

    /// Increase of covered population when opening `insert` and closing `remove`, O(1).
    func saving(insert: Int, remove: Int) -> Int {
        gain[insert] - loss[remove] + extra[insert * problem.siting.siteCount + remove]
    }

    mutating func open(_ site: Int) {
        precondition(!isOpen[site])
        let demand = problem.coveredDemand[site]
        for u in demand { contribute(u, sign: -1) }
        isOpen[site] = true
        openSites.append(site)
        for u in demand {
            if coverCount[u] == 0 { covered += problem.siting.weights[u] }
            coverCount[u] += 1
            contribute(u, sign: 1)
        }
    }

    mutating func close(_ site: Int) {
        precondition(isOpen[site])
        let demand = problem.coveredDemand[site]
        for u in demand { contribute(u, sign: -1) }
        isOpen[site] = false
        openSites.remove(at: openSites.firstIndex(of: site)!)
        for u in demand {
            coverCount[u] -= 1
            if coverCount[u] == 0 { covered -= problem.siting.weights[u] }
            contribute(u, sign: 1)
        }
    }

    mutating func swap(insert: Int, remove: Int) {
        open(insert)
        close(remove)
    }

    /// The closed site covering the most uncovered population (lowest index on ties).
    func bestOpening() -> Int? {
        var best: Int? = nil
        for i in 0..<gain.count where !isOpen[i] && (best == nil || gain[i] > gain[best!]) { best = i }
        return best
    }

    /// The swap adding the most covered population. Since extra ≥ 0, only the pair (largest
    /// gain, smallest loss) and the pairs with a share in `extra` — a closed site covering a
    /// demand point covered by one open site — can be best; they are scanned when fewer than
    /// the (m − p) · p pairs of the dense scan. Ties go to the first pair met.
    func bestSwap() -> (insert: Int, remove: Int, saving: Int)? {
        let m = problem.siting.siteCount
        guard openSites.count < m, !openSites.isEmpty else { return nil }
        var bestInsert = -1
        for i in 0..<m where !isOpen[i] && (bestInsert < 0 || gain[i] > gain[bestInsert]) { bestInsert = i }
        var bestRemove = openSites[0]
        for f in openSites where loss[f] < loss[bestRemove] || loss[f] == loss[bestRemove] && f < bestRemove {
            bestRemove = f
        }
        var best = (insert: bestInsert, remove: bestRemove, saving: saving(insert: bestInsert, remove: bestRemove))
        if soleCoverPairs < (m - openSites.count) * openSites.count {
            for u in 0..<problem.siting.demandCount where coverCount[u] == 1 && problem.siting.weights[u] != 0 {
                let sites = problem.coveringSites[u]
                let f = sites.first(where: { isOpen[$0] })!
                for i in sites where !isOpen[i] {
                    let s = gain[i] - loss[f] + extra[i * m + f]
                    if s > best.saving { best = (i, f, s) }
                }
            }
        } else {
            for i in 0..<m where !isOpen[i] {
                for f in openSites {
                    let s = gain[i] - loss[f] + extra[i * m + f]
                    if s > best.saving { best = (i, f, s) }
                }
            }
        }
        return best
    }

    mutating func contribute(_ u: Int, sign: Int) {
        let w = problem.siting.weights[u] * sign
        guard w != 0 else { return }
        let sites = problem.coveringSites[u]
        switch coverCount[u] {
        case 0:
            for i in sites { gain[i] += w }
        case 1:
            let m = problem.siting.siteCount
            let f = sites.first(where: { isOpen[$0] })!
            loss[f] += w
            for i in sites where i != f { extra[i * m + f] += w }
            soleCoverPairs += sign * sites.count
        default:
            break
        }
    }
}
