#if DEBUG
    extension CoveringInterchange {
        /// Recomputes coverage counts, covered population, gain, loss and extra from scratch and
        /// traps on a difference. O(n · m + m²); debug builds only.
        func checkInvariants() {
            let m = problem.siting.siteCount
            var fresh = self
            fresh.gain = Array(repeating: 0, count: m)
            fresh.loss = Array(repeating: 0, count: m)
            fresh.extra = Array(repeating: 0, count: m * m)
            for u in 0..<problem.siting.demandCount {
                let count = problem.coveringSites[u].filter { isOpen[$0] }.count
                precondition(count == coverCount[u], "cover count of \(u) is \(coverCount[u]), recomputed \(count)")
                fresh.contribute(u, sign: 1)
            }
            precondition(covered == problem.coveredPopulation(by: openSites), "covered population differs")
            precondition(fresh.gain == gain && fresh.loss == loss && fresh.extra == extra, "bookkeeping differs")
        }
    }
#endif
