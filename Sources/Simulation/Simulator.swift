import TaobaoRules

/// One run of a scenario: every village, year by year, with one seed.
public struct RunResult: Sendable {
    /// `figures[v][y]`: village v (the scenario's order) in year `start + y`.
    public var figures: [[YearFigures]]
    /// Taobao towns each year among the scenario's towns (villages with the same `town`).
    public var taobaoTowns: [Int]
    /// Every shop's months, when the run was traced: `traces[v]`.
    public var traces: [[ShopTrace]]?
}

/// Runs scenarios: one run, or an ensemble of runs with seeds drawn from one.
public enum Simulator {
    /// One run (number `run` of an ensemble seeded `seed`). Villages of one town feel each
    /// other's shops with a year's lag, so all villages advance a year together.
    public static func run(
        _ scenario: Scenario, parameters: Parameters = .fitted, seed: UInt64, run: Int, trace: Bool = false
    ) -> RunResult {
        let p = parameters.overridden(by: scenario.parameters)
        let years = Array(scenario.years)
        var models = scenario.villages.enumerated().map { index, spec in
            var model = VillageModel(
                spec: spec, index: index, start: scenario.start, parameters: p,
                draws: Draws(seed: seed, run: run, village: index))
            if trace { model.traces = [] }
            return model
        }
        let index = Dictionary(uniqueKeysWithValues: scenario.villages.enumerated().map { ($1.code, $0) })
        // Levers by year and village (nil: every village).
        var byYear: [Int: [Int?: [Event]]] = [:]
        for event in scenario.events {
            byYear[event.year, default: [:]][event.village.flatMap { index[$0] }, default: []].append(event)
        }
        // Towns: their villages, by first appearance.
        var townOf = [Int?](repeating: nil, count: models.count)
        var towns: [[Int]] = []
        var townIndex: [String: Int] = [:]
        for (v, spec) in scenario.villages.enumerated() {
            guard let code = spec.town else { continue }
            let t =
                townIndex[code]
                ?? {
                    towns.append([])
                    townIndex[code] = towns.count - 1
                    return towns.count - 1
                }()
            towns[t].append(v)
            townOf[v] = t
        }

        var figures = [[YearFigures]](repeating: [], count: models.count)
        var taobaoTowns: [Int] = []
        for year in years {
            // Shops per town at the end of last year.
            var townWith = [Double](repeating: 0, count: towns.count)
            var townHouseholds = [Double](repeating: 0, count: towns.count)
            for (v, model) in models.enumerated() {
                guard let t = townOf[v] else { continue }
                townWith[t] += model.shareWithShops * Double(model.households)
                townHouseholds[t] += Double(model.households)
            }
            let everywhere = byYear[year]?[nil] ?? []
            for v in models.indices {
                var share = 0.0
                if let t = townOf[v] {
                    let others = townHouseholds[t] - Double(models[v].households)
                    if others > 0 {
                        share = (townWith[t] - models[v].shareWithShops * Double(models[v].households)) / others
                    }
                }
                let events = everywhere + (byYear[year]?[v] ?? [])
                figures[v].append(models[v].step(year: year, events: events, townShare: share, p: p))
            }
            var recognised = 0
            for members in towns {
                var sales: Int64 = 0
                var active = 0
                var villages = 0
                for v in members {
                    let f = figures[v].last!
                    sales += f.windowSalesMinor
                    active += f.activeShops
                    if f.taobao { villages += 1 }
                }
                if Taobao.town(
                    subdistrict: false, salesMinor: sales, activeShops: active, taobaoVillages: villages, year: year
                )
                .recognised {
                    recognised += 1
                }
            }
            taobaoTowns.append(recognised)
        }
        return RunResult(
            figures: figures, taobaoTowns: taobaoTowns, traces: trace ? models.map { $0.traces ?? [] } : nil)
    }
}
