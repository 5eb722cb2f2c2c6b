/// The targets the defaults are fitted to (`../shared/DOMAIN.md`, "Series to check against"),
/// how far a parameter set is from them, and the search that finds the closest.
public enum Calibration {
    /// Taobao villages in China by year (AliResearch).
    public static let nationalSeries: [Int: Double] = [
        2009: 3, 2013: 20, 2014: 212, 2015: 780, 2016: 1_311, 2017: 2_118, 2018: 3_202, 2019: 4_310,
        2020: 5_425, 2021: 7_023, 2022: 7_780,
    ]
    /// The years the fit counts (2009's three villages are below a 5,000-village sample's grain).
    public static let fittedYears = 2013...2022

    /// How one parameter set does against every target.
    public struct Fit: Codable, Sendable, Equatable {
        /// Mean simulated Taobao villages in China by year.
        public var national: [Int: Double]
        /// The share of runs in which Village D is a Taobao village in 2013.
        public var villageDRecognised2013: Double
        /// Village D's mean share of households with a shop in 2014 and in 2020.
        public var villageDShare2014: Double
        public var villageDShare2020: Double
        /// Root mean square error of log(count + 1) over the fitted years.
        public var nationalLogError: Double
        /// The whole loss the search minimises.
        public var loss: Double

        /// The targets, as the test checks them: the national count within a factor of two
        /// each year from 2015 (2013's 20 and 2014's 212 villages are below the grain of a
        /// sample whose villages stand for 100 or more each) and never falling from 2014;
        /// Village D a Taobao village in 2013 in most runs, 74–94 % of households with a shop in
        /// 2014 and over 90 % in 2020.
        public var meetsTargets: Bool {
            let counts = (2014...2022).map { national[$0] ?? 0 }
            let withinFactor = (2015...2022).allSatisfy { year in
                let ratio = (national[year] ?? 0) / nationalSeries[year]!
                return ratio >= 0.5 && ratio <= 2
            }
            let rising = zip(counts, counts.dropFirst()).allSatisfy { $0 <= $1 }
            return withinFactor && rising && villageDRecognised2013 >= 0.5 && (0.74...0.94).contains(villageDShare2014)
                && villageDShare2020 > 0.9
        }
    }

    /// Runs both targets' ensembles for `parameters` and scores them.
    public static func fit(
        _ parameters: Parameters, villages: Int = 5_000, households: Int = 1_500_000, runs: Int = 4,
        seed: UInt64 = 1
    ) async -> Fit {
        let sample = NationalSample.scenario(villages: villages, households: households, parameters: parameters)
        let national = await Ensemble.run(sample, runs: runs, seed: seed, parameters: parameters).summary()
        let village = await Ensemble.run(.villageD, runs: max(runs, 20), seed: seed, parameters: parameters).summary()
        var counts: [Int: Double] = [:]
        for total in national.totals { counts[total.year] = total.taobaoVillages.mean }
        let years = village.villages[0].years
        func year(_ y: Int) -> Summary.YearSummary { years.first { $0.year == y }! }
        let households = Double(Scenario.villageD.villages[0].households)
        let recognised = year(2013).taobaoVillageShare
        let share2014 = year(2014).householdsWithShops.mean / households
        let share2020 = year(2020).householdsWithShops.mean / households
        let logErrors = fittedYears.map { y in
            let difference = Math.log((counts[y] ?? 0) + 1) - Math.log(nationalSeries[y]! + 1)
            return difference * difference
        }
        let rmse = (logErrors.reduce(0, +) / Double(logErrors.count)).squareRoot()
        var loss = rmse * rmse
        loss += (1 - recognised) * (1 - recognised)
        loss += Math.pow((share2014 - 0.84) / 0.1, 2)
        if share2020 < 0.92 { loss += Math.pow((0.92 - share2020) / 0.05, 2) }
        return Fit(
            national: counts, villageDRecognised2013: recognised, villageDShare2014: share2014,
            villageDShare2020: share2020, nationalLogError: rmse, loss: loss)
    }

    /// The parameters the search moves, with the first step it tries on each.
    public static let searched: [(name: String, step: Double)] = [
        ("entryBase", 0.5), ("awareness", 0.05), ("imitation", 0.08), ("visibility", 0.2), ("potentialMedian", 0.03),
        ("potentialSpread", 0.15), ("baseOrders", 100), ("marketGrowth", 0.05), ("crowding", 0.03),
        ("convincingProfit", 8_000),
    ]

    /// One evaluation of the search, for a progress report.
    public struct Step: Sendable {
        public var evaluation: Int
        public var parameters: Parameters
        public var fit: Fit
        public var best: Double
    }

    /// Nelder–Mead over `searched` from `start`, each point clamped to its range, for
    /// `evaluations` ensembles at most. Deterministic: the same start and seed give the same
    /// path. Returns the best point and its fit.
    public static func search(
        from start: Parameters = .fitted, evaluations: Int = 120, villages: Int = 5_000, households: Int = 1_500_000,
        runs: Int = 4, seed: UInt64 = 1, progress: (@Sendable (Step) -> Void)? = nil
    ) async -> (Parameters, Fit) {
        let names = searched.map(\.name)
        let ranges = Parameters.ranges
        func point(_ x: [Double]) -> Parameters {
            var p = start
            for (k, name) in names.enumerated() {
                let range = ranges[name]!
                p[name] = min(range.upperBound, max(range.lowerBound, x[k]))
            }
            return p
        }
        var count = 0
        var best: (Parameters, Fit)?
        func evaluate(_ x: [Double]) async -> Double {
            let p = point(x)
            let fit = await fit(p, villages: villages, households: households, runs: runs, seed: seed)
            count += 1
            if best == nil || fit.loss < best!.1.loss { best = (p, fit) }
            progress?(Step(evaluation: count, parameters: p, fit: fit, best: best!.1.loss))
            return fit.loss
        }
        let x0 = names.map { start[$0]! }
        var simplex = [x0]
        for (k, entry) in searched.enumerated() {
            var x = x0
            x[k] += entry.step
            simplex.append(x)
        }
        var values: [Double] = []
        for x in simplex { values.append(await evaluate(x)) }
        while count < evaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let n = names.count
            let centroid = (0..<n).map { k in simplex.dropLast().reduce(0) { $0 + $1[k] } / Double(n) }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
            let reflected = along(-1)
            let fr = await evaluate(reflected)
            if fr < values[0] {
                let expanded = along(-2)
                let fe = await evaluate(expanded)
                (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[n - 1] {
                (simplex[n], values[n]) = (reflected, fr)
            } else {
                let contracted = fr < values[n] ? along(-0.5) : along(0.5)
                let fc = await evaluate(contracted)
                if fc < min(fr, values[n]) {
                    (simplex[n], values[n]) = (contracted, fc)
                } else {
                    // Shrink towards the best point.
                    for i in 1...n {
                        simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                        values[i] = await evaluate(simplex[i])
                    }
                }
            }
        }
        return best!
    }

    /// One-at-a-time sensitivity: each parameter moved down and up by `change` (a share of its
    /// value) from `base`, and what that does to the national count in `year` and to Village
    /// D's share of households with shops in 2014. Sorted by the larger effect.
    public struct Sensitivity: Codable, Sendable {
        public var parameter: String
        public var low: Double
        public var high: Double
        public var nationalLow: Double
        public var nationalHigh: Double
        public var villageDLow: Double
        public var villageDHigh: Double
    }

    public static func sensitivity(
        _ base: Parameters = .fitted, change: Double = 0.2, year: Int = 2022, villages: Int = 5_000,
        households: Int = 1_500_000, runs: Int = 4, seed: UInt64 = 1, progress: (@Sendable (String) -> Void)? = nil
    ) async -> [Sensitivity] {
        var rows: [Sensitivity] = []
        for name in Parameters.names {
            let value = base[name]!
            let range = Parameters.ranges[name]!
            let low = max(range.lowerBound, value - abs(value) * change)
            let high = min(range.upperBound, value + abs(value) * change)
            var lowParameters = base
            lowParameters[name] = low
            var highParameters = base
            highParameters[name] = high
            let a = await fit(lowParameters, villages: villages, households: households, runs: runs, seed: seed)
            let b = await fit(highParameters, villages: villages, households: households, runs: runs, seed: seed)
            rows.append(
                Sensitivity(
                    parameter: name, low: low, high: high, nationalLow: a.national[year] ?? 0,
                    nationalHigh: b.national[year] ?? 0, villageDLow: a.villageDShare2014,
                    villageDHigh: b.villageDShare2014))
            progress?(name)
        }
        return rows
    }
}
