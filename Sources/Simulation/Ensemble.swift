import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the model reports for a village-year, as ensemble bands.
public enum Metric: String, CaseIterable, Sendable, Codable {
    case householdsWithShops, shops, activeShops, salesMinor, parcelsOut, parcelsIn, producers, parcelCostMinor,
        meanSkill

    public func value(_ figures: YearFigures) -> Double {
        switch self {
        case .householdsWithShops: Double(figures.householdsWithShops)
        case .shops: Double(figures.shops)
        case .activeShops: Double(figures.activeShops)
        case .salesMinor: Double(figures.salesMinor)
        case .parcelsOut: Double(figures.parcelsOut)
        case .parcelsIn: Double(figures.parcelsIn)
        case .producers: Double(figures.producers)
        case .parcelCostMinor: Double(figures.parcelCostMinor)
        case .meanSkill: figures.meanSkill
        }
    }
}

/// The mean and the 10th and 90th percentiles of a figure over the runs of an ensemble.
public struct Band: Codable, Sendable, Equatable {
    public var mean: Double
    public var p10: Double
    public var p90: Double

    public init(mean: Double, p10: Double, p90: Double) {
        self.mean = mean
        self.p10 = p10
        self.p90 = p90
    }

    /// Percentiles interpolate linearly between the sorted runs (the usual "type 7").
    public init(_ values: [Double]) {
        guard !values.isEmpty else {
            self.init(mean: 0, p10: 0, p90: 0)
            return
        }
        let sorted = values.sorted()
        func percentile(_ q: Double) -> Double {
            let h = Double(sorted.count - 1) * q
            let low = Int(h)
            let high = min(low + 1, sorted.count - 1)
            return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
        }
        self.init(mean: values.reduce(0, +) / Double(values.count), p10: percentile(0.1), p90: percentile(0.9))
    }
}

/// An ensemble: the same scenario run `runs` times, run r with its own seed drawn from `seed`.
public struct Ensemble: Sendable {
    public let scenario: Scenario
    public let parameters: Parameters
    public let seed: UInt64
    public let results: [RunResult]

    public var runs: Int { results.count }

    /// Runs the scenario `runs` times, in parallel on threads of their own (one a core), not on
    /// the threads tasks share, which in `jishi serve` also answer requests; `progress` hears
    /// the number of runs finished. The result does not depend on the order runs finish in.
    /// On Linux the threads run at nice 10, below the event loops (as the engines' do, through
    /// JishiKit's `onThreadOfItsOwn`), so requests get a busy core first.
    public static func run(
        _ scenario: Scenario, runs: Int, seed: UInt64, parameters: Parameters = .fitted,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async -> Ensemble {
        let results = await withCheckedContinuation { (continuation: CheckedContinuation<[RunResult], Never>) in
            let finished = FinishedRuns(runs, progress: progress)
            let threads = max(1, min(runs, ProcessInfo.processInfo.activeProcessorCount))
            let working = DispatchGroup()
            for _ in 0..<threads {
                working.enter()
                Thread {
                    yieldToRequests()
                    while let r = finished.next() {
                        finished.put(Simulator.run(scenario, parameters: parameters, seed: seed, run: r), at: r)
                    }
                    working.leave()
                }.start()
            }
            working.notify(queue: .global()) { continuation.resume(returning: finished.results) }
        }
        return Ensemble(scenario: scenario, parameters: parameters, seed: seed, results: results)
    }

    /// Raises the calling thread's nice value to 10 on Linux, which keeps one per thread.
    /// libdispatch's shared workers are not used for the runs: a nice value raised on one of
    /// them would stay with the work it does next.
    private static func yieldToRequests() {
        #if os(Linux)
            let which = __priority_which_t(PRIO_PROCESS.rawValue)
            if getpriority(which, 0) < 10 { _ = setpriority(which, 0, 10) }
        #endif
    }

    /// The ensemble's bands, village by village and in total.
    public func summary() -> Summary {
        Summary(ensemble: self, baseline: nil)
    }

    /// A lever's effect: this ensemble less `baseline` run by run (the same scenario without
    /// the lever, with the same seed and runs), as bands of the paired differences.
    public func difference(from baseline: Ensemble) -> Summary {
        Summary(ensemble: self, baseline: baseline)
    }
}

/// An ensemble's report: the shape `jishi simulate --format json` prints.
public struct Summary: Codable, Sendable, Equatable {
    public var name: String
    public var runs: Int
    public var seed: UInt64
    public var villages: [VillageSummary]
    /// The scenario's totals each year, each village counted `weight` times.
    public var totals: [TotalYear]

    public struct VillageSummary: Codable, Sendable, Equatable {
        public var code: String
        public var years: [YearSummary]
    }

    public struct YearSummary: Codable, Sendable, Equatable {
        public var year: Int
        public var householdsWithShops: Band
        public var shops: Band
        public var activeShops: Band
        public var salesMinor: Band
        public var parcelsOut: Band
        public var parcelsIn: Band
        public var producers: Band
        public var parcelCostMinor: Band
        public var meanSkill: Band
        /// The share of runs in which the village is a Taobao village that year.
        public var taobaoVillageShare: Double

        public func band(_ metric: Metric) -> Band {
            switch metric {
            case .householdsWithShops: householdsWithShops
            case .shops: shops
            case .activeShops: activeShops
            case .salesMinor: salesMinor
            case .parcelsOut: parcelsOut
            case .parcelsIn: parcelsIn
            case .producers: producers
            case .parcelCostMinor: parcelCostMinor
            case .meanSkill: meanSkill
            }
        }
    }

    public struct TotalYear: Codable, Sendable, Equatable {
        public var year: Int
        public var taobaoVillages: Band
        public var taobaoTowns: Band
        public var householdsWithShops: Band
        public var salesMinor: Band
    }

    init(ensemble: Ensemble, baseline: Ensemble?) {
        let scenario = ensemble.scenario
        let years = Array(scenario.years)
        let weight = scenario.weight ?? 1
        let runs = ensemble.results
        let pairs = baseline?.results
        name = scenario.name
        self.runs = runs.count
        seed = ensemble.seed
        func values(_ pick: (RunResult) -> Double) -> [Double] {
            guard let pairs else { return runs.map(pick) }
            return zip(runs, pairs).map { pick($0) - pick($1) }
        }
        villages = scenario.villages.enumerated().map { v, spec in
            VillageSummary(
                code: spec.code,
                years: years.indices.map { y in
                    func band(_ metric: Metric) -> Band { Band(values { metric.value($0.figures[v][y]) }) }
                    let share = values { $0.figures[v][y].taobao ? 1 : 0 }.reduce(0, +) / Double(max(1, runs.count))
                    return YearSummary(
                        year: years[y], householdsWithShops: band(.householdsWithShops), shops: band(.shops),
                        activeShops: band(.activeShops), salesMinor: band(.salesMinor), parcelsOut: band(.parcelsOut),
                        parcelsIn: band(.parcelsIn), producers: band(.producers),
                        parcelCostMinor: band(.parcelCostMinor),
                        meanSkill: band(.meanSkill), taobaoVillageShare: share)
                })
        }
        totals = years.indices.map { y in
            TotalYear(
                year: years[y],
                taobaoVillages: Band(values { run in weight * Double(run.figures.count { $0[y].taobao }) }),
                taobaoTowns: Band(values { weight * Double($0.taobaoTowns[y]) }),
                householdsWithShops: Band(
                    values { run in weight * run.figures.reduce(0) { $0 + Double($1[y].householdsWithShops) } }),
                salesMinor: Band(values { run in weight * run.figures.reduce(0) { $0 + Double($1[y].salesMinor) } }))
        }
    }
}

extension Summary {
    /// The CSV header of `csv()`: one row a village and year, each figure's mean, p10 and p90.
    public static var csvHeader: String {
        (["village", "year"]
            + Metric.allCases.flatMap { ["\($0.rawValue)_mean", "\($0.rawValue)_p10", "\($0.rawValue)_p90"] }
            + ["taobaoVillageShare"]).joined(separator: ",")
    }

    /// The report as CSV (RFC 4180; codes with commas or quotes are quoted).
    public func csv() -> String {
        var lines = [Self.csvHeader]
        for village in villages {
            let code =
                village.code.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + village.code.replacing("\"", with: "\"\"") + "\"" : village.code
            for year in village.years {
                var cells = [code, String(year.year)]
                for metric in Metric.allCases {
                    let band = year.band(metric)
                    cells += [Self.number(band.mean), Self.number(band.p10), Self.number(band.p90)]
                }
                cells.append(Self.number(year.taobaoVillageShare))
                lines.append(cells.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whole numbers without a decimal point; others with four decimals at most.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let scaled = (value * 10_000).rounded() / 10_000
        return String(scaled)
    }
}

/// An ensemble's results as its runs finish, on several threads at once.
private final class FinishedRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [RunResult?]
    private var done = 0
    private var started = 0
    private let progress: (@Sendable (Int) -> Void)?

    init(_ runs: Int, progress: (@Sendable (Int) -> Void)?) {
        slots = Array(repeating: nil, count: runs)
        self.progress = progress
    }

    /// The next run to start, or nil once every run has started.
    func next() -> Int? {
        lock.withLock {
            guard started < slots.count else { return nil }
            started += 1
            return started - 1
        }
    }

    /// Keeps run `index`'s result and tells `progress` how many have finished, in order.
    func put(_ result: RunResult, at index: Int) {
        lock.withLock {
            slots[index] = result
            done += 1
            progress?(done)
        }
    }

    /// Every run's result, once all have finished.
    var results: [RunResult] { lock.withLock { slots.map { $0! } } }
}
