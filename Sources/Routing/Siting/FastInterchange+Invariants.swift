#if DEBUG
    extension FastInterchange {
        /// Checks that φ1 and φ2 are a nearest and a second-nearest open site of every demand
        /// point, that `cost` is the true cost, and that gain, loss and extra equal a recomputation
        /// from scratch for the same φ1 and φ2 (ties may pick either site). Traps on a difference.
        /// O(n · m + m²); debug builds only.
        func checkInvariants() {
            let m = problem.siteCount
            var fresh = self
            fresh.gain = Array(repeating: 0, count: m)
            fresh.loss = Array(repeating: 0, count: m)
            fresh.extra = Array(repeating: 0, count: m * m)
            var total = 0
            for u in 0..<problem.demandCount {
                let distances = openSites.map { problem.distance(from: u, to: $0) }.sorted()
                precondition(isOpen[nearest[u]], "φ1 of \(u) is closed")
                precondition(nearestDistance[u] == problem.distance(from: u, to: nearest[u]))
                precondition(nearestDistance[u] == distances[0], "φ1 of \(u) is not nearest")
                if distances.count > 1 {
                    precondition(second[u] != nearest[u] && isOpen[second[u]], "φ2 of \(u) invalid")
                    precondition(secondDistance[u] == problem.distance(from: u, to: second[u]))
                    precondition(secondDistance[u] == distances[1], "φ2 of \(u) is not second nearest")
                }
                total += problem.weights[u] * distances[0]
                fresh.contribute(u, sign: 1)
            }
            precondition(total == cost, "cost \(cost) != recomputed \(total)")
            precondition(fresh.gain == gain, "gain differs from recomputation")
            precondition(fresh.loss == loss, "loss differs from recomputation")
            precondition(fresh.extra == extra, "extra differs from recomputation")
        }
    }
#endif
