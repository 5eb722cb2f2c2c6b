import DomainTesting
import Insights
import Simulation
import Testing

/// The simulation judges its villages by the Taobao rule in whole months; Insights judges a
/// county's recorded shops by the day-exact rule. Simulated shops written into the registry
/// must get the same verdicts, active shops and window sales from Insights as from the model.
@Suite struct SimulationAgreementTests {
    static let codes = ["371799101201", "371799101202", "371799101203"]

    static var scenario: Scenario {
        Scenario(
            name: "agreement", start: 2012, end: 2018,
            villages: codes.enumerated().map { index, code in
                VillageSpec(
                    code: code, town: "371799101", households: [90, 140, 60][index],
                    industry: [.costumes, .furniture, .farmProducts][index],
                    pioneers: [.init(year: 2012, households: [6, 4, 2][index])], distanceToCountyKm: 15,
                    potential: [4, 5, 3][index])
            },
            events: [Event(year: 2014, kind: .logisticsStation), Event(year: 2013, kind: .broadband, coverage: 0.9)])
    }

    @Test(arguments: TestStore.available)
    func insightsJudgesSimulatedShopsAsTheModelDoes(store: TestStore) async throws {
        let scenario = Self.scenario
        let run = Simulator.run(scenario, seed: 4, run: 0, trace: true)
        var world = InsightsWorld()
        world.county("371799")
        world.town("371799101")
        for (v, spec) in scenario.villages.enumerated() {
            world.village(spec.code, households: spec.households)
            for shop in run.traces![v] {
                var months: [String: (orders: Int64, sales: Int64)] = [:]
                for (year, orders) in shop.monthlyOrders {
                    for month in 1...12 where orders[month - 1] > 0 {
                        let key = "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
                        months[key] = (orders[month - 1], shop.monthlySalesMinor[year]![month - 1])
                    }
                }
                let opened =
                    "\(shop.openedYear)-" + (shop.openedMonth < 10 ? "0\(shop.openedMonth)" : "\(shop.openedMonth)")
                world.shop(
                    spec.code, opened: opened + "-01", closed: shop.closedYear.map { "\($0)-12-31" }, months: months)
            }
        }
        try await withInsights(on: store) { county, context in
            try await world.write(on: county.db)
            let service = RecognitionService(context: context)
            var recognised = 0
            for (y, year) in scenario.years.enumerated() {
                let report = try await service.report(year: year, by: nil, on: county.db)
                for (v, spec) in scenario.villages.enumerated() {
                    let figures = run.figures[v][y]
                    let village = try #require(report.villages.first { $0.code == spec.code })
                    #expect(village.activeShops == figures.activeShops, "\(spec.code) \(year)")
                    #expect(village.salesMinor == figures.windowSalesMinor, "\(spec.code) \(year)")
                    #expect(village.recognised == figures.taobao, "\(spec.code) \(year)")
                    if figures.taobao { recognised += 1 }
                }
                let town = try #require(report.towns.first { $0.code == "371799101" })
                #expect(town.recognised == (run.taobaoTowns[y] == 1), "town \(year)")
            }
            // The scenario decides both ways.
            #expect(recognised > 0)
            #expect(recognised < scenario.villages.count * scenario.years.count)
        }
    }
}
