/// The interchange neighbourhood of location problems (vertex substitution, Teitz & Bart 1968):
/// close one open site and open one closed site, keeping p stations. ``FastInterchange``
/// (p-median) and ``CoveringInterchange`` (maximal covering) implement it with incremental
/// evaluation; descent, moving to another solution and the random shake are shared here.
protocol SitingInterchange {
    /// `isOpen[site]` for every candidate site.
    var isOpen: [Bool] { get }
    var openSites: [Int] { get }
    /// The swap improving the objective most (`saving` > 0 improves), `nil` if none exists.
    func bestSwap() -> (insert: Int, remove: Int, saving: Int)?
    mutating func swap(insert: Int, remove: Int)
}

extension SitingInterchange {
    /// Best-improvement descent until no swap saves anything; returns the number of swaps made.
    @discardableResult
    mutating func descend() -> Int {
        var moves = 0
        while let move = bestSwap(), move.saving > 0 {
            swap(insert: move.insert, remove: move.remove)
            moves += 1
        }
        return moves
    }

    /// Moves to another set of as many open sites by swaps, pairing sites to open with sites
    /// to close. O(m) plus the swaps.
    mutating func move(to target: [Int]) {
        precondition(target.count == openSites.count)
        var wanted = Array(repeating: false, count: isOpen.count)
        for site in target { wanted[site] = true }
        let toOpen = target.filter { !isOpen[$0] }
        let toClose = openSites.filter { !wanted[$0] }
        for (insert, remove) in zip(toOpen, toClose) { swap(insert: insert, remove: remove) }
    }

    /// The VNS shake: `count` swaps of a random closed site for a random open one.
    /// Needs at least one closed site.
    mutating func shake(_ count: Int, random: inout Xoshiro256) {
        let (m, p) = (isOpen.count, openSites.count)
        precondition(p < m)
        for _ in 0..<count {
            var insert = random.unbiasedBelow(m)
            while isOpen[insert] { insert = random.unbiasedBelow(m) }
            swap(insert: insert, remove: openSites[random.unbiasedBelow(p)])
        }
    }
}
