import Community
import DomainTesting
import FluentKit
import Foundation
import Insights
import JishiKit
import Testing

/// A place's growth per year and month: shops open and active at each period's end, orders and
/// sales in it, summed from villages to towns and the county, in the reader's scope.
@Suite("Insights: growth per year and per month, by village, town and county")
struct GrowthTests {
    static func world() -> InsightsWorld {
        var world = InsightsWorld()
        world.county("371700")
        world.town("371700101")
        world.town("371700102")
        world.village("371700101201", households: 100)
        world.village("371700101202", households: 50)
        world.village("371700102201", households: 20)
        // Open 2018 to August 2020, an order a month in each year's last quarter.
        world.shop(
            "371700101201", opened: "2018-03-10", closed: "2020-08-01",
            months: [
                "2018-10": (1, 100), "2018-11": (1, 100), "2018-12": (1, 100), "2019-06": (5, 5_000),
                "2019-10": (1, 100), "2019-11": (1, 100), "2019-12": (1, 100), "2020-03": (2, 700),
            ])
        // Opened on 20 November 2019: two months open by the year's end, one order.
        world.shop("371700101201", opened: "2019-11-20", months: ["2019-12": (1, 900), "2020-12": (4, 1_000)])
        world.shop("371700101202", opened: "2019-01-01", months: ["2019-11": (2, 2_000), "2019-12": (1, 300)])
        world.shop("371700102201", opened: "2017-01-01", months: ["2019-12": (3, 30_000)])
        return world
    }

    @Test(arguments: TestStore.available)
    func yearsAndMonthsSumTheirVillages(store: TestStore) async throws {
        // 2026-12-03, Beijing.
        let clock = TestClock(Date(timeIntervalSince1970: 1_796_300_000))
        try await withInsights(on: store) { county, base in
            let context = InsightsContext(dependencies: clock.dependencies, transactions: base.transactions)
            try await Self.world().write(on: county.db)
            let growth = GrowthFigures(context: context)
            let town = try await growth.series(
                of: "371700101", period: .year, from: "2018", to: "2020", by: nil, on: county.db)
            #expect(town.level == .town)
            #expect(town.points.map(\.period) == ["2018", "2019", "2020"])
            #expect(town.points.map(\.households) == [150, 150, 150])
            #expect(town.points.map(\.shops) == [1, 3, 2])
            // 2018: the first shop, active. 2019: it and the third (two orders in November, one in
            // December: three months, three orders); the second opened in November and had one
            // order in two months. 2020: only the second remains, with four orders in December.
            #expect(town.points.map(\.activeShops) == [1, 2, 1])
            #expect(town.points.map(\.orders) == [3, 12, 6])
            #expect(town.points.map(\.salesMinor) == [300, 8_500, 1_700])

            let whole = try await growth.series(
                of: nil, period: .year, from: "2019", to: "2019", by: nil, on: county.db)
            #expect(whole.level == .county && whole.code == "371700")
            #expect(whole.points.first?.shops == 4)
            #expect(whole.points.first?.salesMinor == 38_500)
            #expect(whole.points.first?.households == 170)

            let months = try await growth.series(
                of: "371700101202", period: .month, from: "2019-10", to: "2020-01", by: nil, on: county.db)
            #expect(months.points.map(\.period) == ["2019-10", "2019-11", "2019-12", "2020-01"])
            #expect(months.points.map(\.orders) == [0, 2, 1, 0])
            #expect(months.points.map(\.shops) == [1, 1, 1, 1])
            // At each month's end: opened long before, orders in the three months to it.
            #expect(months.points.map(\.activeShops) == [0, 0, 1, 1])
            let csv = GrowthFigures.csv(months).split(separator: "\r\n").map(String.init)
            #expect(csv.first == GrowthFigures.csvHeader)
            #expect(csv[2] == "371700101202,2019-11,50,1,0,0.0200,2,2000,0,0")

            // Bad ranges and places are refused; a town's official sees their town only.
            await #expect(throws: Problem.self) {
                _ = try await growth.series(of: nil, period: .year, from: "2020", to: "2019", by: nil, on: county.db)
            }
            await #expect(throws: Problem.self) {
                _ = try await growth.series(
                    of: "999999", period: .year, from: "2019", to: "2019", by: nil, on: county.db)
            }
            let townID = try #require(try await Town.query(on: county.db).filter(\.$code == "371700102").first()?.id)
            let official = Principal(accountID: UUID(), grants: [RoleGrant(role: .official, scope: .town(townID))])
            let own = try await growth.series(
                of: nil, period: .year, from: "2019", to: "2019", by: official, on: county.db)
            #expect(own.code == "371700102")
            await #expect(throws: Problem.self) {
                _ = try await growth.series(
                    of: "371700", period: .year, from: "2019", to: "2019", by: official, on: county.db)
            }
            await #expect(throws: Problem.self) {
                _ = try await growth.series(
                    of: "371700101201", period: .year, from: "2019", to: "2019", by: official, on: county.db)
            }
            let map = try await growth.villages(of: nil, year: 2019, by: nil, on: county.db)
            #expect(map.map(\.code) == ["371700101201", "371700101202", "371700102201"])
        }
    }
}
