import Foundation
import Simulation

/// What a finished run keeps: the scenario's and the baseline's ensembles summarised, their
/// paired differences (the levers' effect, run by run with the same seeds), and for a town its
/// villages' totals run by run (a total's band is not the sum of its villages' bands).
struct SimulationOutcome: Codable, Sendable, Equatable {
    var scenario: Summary
    var baseline: Summary
    var difference: Summary
    var town: TownTotals?

    struct TownTotals: Codable, Sendable, Equatable {
        var scenario: [TotalYear]
        var baseline: [TotalYear]
        var difference: [TotalYear]
    }

    /// A town's year: each figure summed over its villages, Taobao villages counted, and
    /// whether it is a Taobao town (a share of the runs).
    struct TotalYear: Codable, Sendable, Equatable {
        var year: Int
        /// By `Metric.rawValue`.
        var bands: [String: Band]
        var taobaoVillages: Band
        var taobaoTown: Band
    }

    /// The figures shown and charted.
    static let charted: [Metric] = [.householdsWithShops, .activeShops, .salesMinor, .parcelsOut, .parcelsIn]

    /// Runs the baseline (`scenario` without its events) and the scenario with the same seeds;
    /// `tick` hears every finished run of either.
    static func compute(
        _ scenario: Scenario, runs: Int, seed: UInt64, town: Bool, tick: @escaping @Sendable () -> Void
    ) async -> SimulationOutcome {
        var plain = scenario
        plain.events = []
        let baseline = await Ensemble.run(plain, runs: runs, seed: seed) { _ in tick() }
        let variant = await Ensemble.run(scenario, runs: runs, seed: seed) { _ in tick() }
        var outcome = SimulationOutcome(
            scenario: variant.summary(), baseline: baseline.summary(), difference: variant.difference(from: baseline))
        if town {
            outcome.town = TownTotals(
                scenario: totals(variant.results, minus: nil, years: scenario.years),
                baseline: totals(baseline.results, minus: nil, years: scenario.years),
                difference: totals(variant.results, minus: baseline.results, years: scenario.years))
        }
        return outcome
    }

    /// Each year's totals over the runs' villages, or their run-by-run differences from `minus`.
    static func totals(_ runs: [RunResult], minus: [RunResult]?, years: ClosedRange<Int>) -> [TotalYear] {
        func values(_ pick: (RunResult) -> Double) -> [Double] {
            guard let minus else { return runs.map(pick) }
            return zip(runs, minus).map { pick($0) - pick($1) }
        }
        return Array(years).enumerated().map { y, year in
            var bands: [String: Band] = [:]
            for metric in Metric.allCases {
                bands[metric.rawValue] = Band(values { run in run.figures.reduce(0) { $0 + metric.value($1[y]) } })
            }
            return TotalYear(
                year: year, bands: bands,
                taobaoVillages: Band(values { run in Double(run.figures.count { $0[y].taobao }) }),
                taobaoTown: Band(values { Double(min(1, $0.taobaoTowns[y])) }))
        }
    }

    /// One place's years, as the page shows them: a village of the run, or the town's total.
    struct Place: Sendable, Equatable {
        var years: [Int]
        var scenario: [Metric: [Band]]
        var baseline: [Metric: [Band]]
        var effect: [Metric: [Band]]
        /// A village: the share of runs it is a Taobao village. A town: its Taobao villages.
        var taobaoScenario: [Double]
        var taobaoBaseline: [Double]
        var taobaoEffect: [Band]
        /// A town: the share of runs it is a Taobao town.
        var townScenario: [Double]?
        var townBaseline: [Double]?
    }

    /// The village `code`'s years, or the town's total when `code` is nil (and the run is a
    /// town's); nil when the run has no such village.
    func place(_ code: String?) -> Place? {
        if let code {
            guard let s = scenario.villages.first(where: { $0.code == code }),
                let b = baseline.villages.first(where: { $0.code == code }),
                let d = difference.villages.first(where: { $0.code == code })
            else { return nil }
            func bands(_ years: [Summary.YearSummary]) -> [Metric: [Band]] {
                Dictionary(
                    uniqueKeysWithValues: Metric.allCases.map { metric in (metric, years.map { $0.band(metric) }) })
            }
            return Place(
                years: s.years.map(\.year), scenario: bands(s.years), baseline: bands(b.years), effect: bands(d.years),
                taobaoScenario: s.years.map(\.taobaoVillageShare), taobaoBaseline: b.years.map(\.taobaoVillageShare),
                taobaoEffect: d.years.map {
                    Band(mean: $0.taobaoVillageShare, p10: $0.taobaoVillageShare, p90: $0.taobaoVillageShare)
                })
        }
        guard let town else { return scenario.villages.count == 1 ? place(scenario.villages[0].code) : nil }
        func bands(_ years: [TotalYear]) -> [Metric: [Band]] {
            Dictionary(
                uniqueKeysWithValues: Metric.allCases.map { metric in
                    (metric, years.map { $0.bands[metric.rawValue] ?? Band(mean: 0, p10: 0, p90: 0) })
                })
        }
        return Place(
            years: town.scenario.map(\.year), scenario: bands(town.scenario), baseline: bands(town.baseline),
            effect: bands(town.difference), taobaoScenario: town.scenario.map(\.taobaoVillages.mean),
            taobaoBaseline: town.baseline.map(\.taobaoVillages.mean),
            taobaoEffect: town.difference.map(\.taobaoVillages),
            townScenario: town.scenario.map(\.taobaoTown.mean), townBaseline: town.baseline.map(\.taobaoTown.mean))
    }

    /// The header of `csv()`: which summary a row is of, then `Summary.csvHeader`.
    static let csvHeader = "which," + Summary.csvHeader

    /// The scenario's, the baseline's and the difference's rows, one village and year a row,
    /// the first column saying which.
    func csv() -> String {
        var lines = [Self.csvHeader]
        for (which, summary) in [("scenario", scenario), ("baseline", baseline), ("difference", difference)] {
            for line in summary.csv().split(separator: "\n", omittingEmptySubsequences: true).dropFirst() {
                lines.append(which + "," + line)
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
