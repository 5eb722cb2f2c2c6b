import Community
import DomainTesting
import Foundation
import Insights
import Testing

/// Every rule and boundary of `../shared/DOMAIN.md`'s recognition, through the service on both
/// databases: each case is a village (or town, or county) of its own in one database, so one
/// report a year decides them all.
@Suite("Insights: Taobao villages, towns and clusters at every boundary of the rules")
struct RecognitionRuleTests {
    static let s: Int64 = 1_000_000_000

    /// One order in each of April, May and June of `years`, and `sales` in June of each.
    static func active(_ years: [Int], sales: Int64 = 0) -> [String: (orders: Int64, sales: Int64)] {
        var months: [String: (orders: Int64, sales: Int64)] = [:]
        for year in years {
            months["\(year)-04"] = (1, 0)
            months["\(year)-05"] = (1, 0)
            months["\(year)-06"] = (1, sales)
        }
        return months
    }

    /// A village of `households` with one shop, active in `years` and selling CNY 10 million in
    /// each: a Taobao village in those years (10 × 1 ≥ households when households ≤ 10).
    static func tiny(_ world: inout InsightsWorld, _ code: String, kind: Village.Kind = .administrative, years: [Int]) {
        world.village(code, kind: kind, households: 10)
        world.shop(code, opened: "2017-01-01", months: active(years, sales: s))
    }

    /// The cases, and what each decides (village code → year → reason).
    static func world() -> (InsightsWorld, [String: [Int: Recognition.VillageReason]]) {
        var world = InsightsWorld()
        var expected: [String: [Int: Recognition.VillageReason]] = [:]
        world.county("371700")
        // Town A: sales and shop-count boundaries.
        world.town("371700101")
        world.village("371700101201", households: 5_000)  // exactly CNY 10 million, 100 active shops
        world.village("371700101202", households: 5_000)  // one fen short
        world.village("371700101203", households: 5_000)  // 99 active shops
        world.village("371700101204", households: 50)  // 5 active shops of 50 households: 10 %
        world.village("371700101205", households: 51)  // 5 of 51: under 10 %
        for i in 0..<100 {
            world.shop("371700101201", opened: "2018-01-01", months: active([2019], sales: 10_000_000))
            world.shop(
                "371700101202", opened: "2018-01-01", months: active([2019], sales: i == 0 ? 9_999_999 : 10_000_000))
        }
        for i in 0..<99 {
            world.shop("371700101203", opened: "2018-01-01", months: active([2019], sales: i == 0 ? 2 * s : 0))
        }
        for i in 0..<5 {
            world.shop("371700101204", opened: "2018-01-01", months: active([2019], sales: i == 0 ? s : 0))
            world.shop("371700101205", opened: "2018-01-01", months: active([2019], sales: i == 0 ? s : 0))
        }
        expected["371700101201"] = [2019: .activeShops]
        expected["371700101202"] = [2019: .salesBelow]
        expected["371700101203"] = [2019: .tooFewActiveShops]
        expected["371700101204"] = [2019: .householdShare]
        expected["371700101205"] = [2019: .tooFewActiveShops]

        // Town B: one shop a village (10 households), so the village is recognised exactly when
        // its shop is active at 30 June 2019. Sales in June 2019.
        world.town("371700102")
        let shops: [(String, String, String?, [String: Int64], Recognition.VillageReason)] = [
            ("201", "2019-05-31", nil, ["05": 1, "06": 1], .householdShare),  // open 30 days
            ("202", "2019-06-01", nil, ["06": 1], .tooFewActiveShops),  // open 29 days
            ("203", "2019-05-01", nil, ["05": 1], .tooFewActiveShops),  // two months old, one order
            ("204", "2019-05-01", nil, ["05": 1, "06": 1], .householdShare),  // two months old, two orders
            ("205", "2019-04-15", nil, ["05": 1, "06": 1], .tooFewActiveShops),  // open in April: three months
            ("206", "2018-01-01", "2019-06-30", ["04": 1, "05": 1, "06": 1], .tooFewActiveShops),  // closed on 30 June
            ("207", "2018-01-01", "2019-07-01", ["04": 1, "05": 1, "06": 1], .householdShare),  // closed on 1 July
            ("208", "2019-05-20", nil, ["05": 2], .householdShare),  // two orders in May: one a month on average
            ("209", "2018-01-01", nil, ["04": 3], .householdShare),  // three orders in April
            ("210", "2018-01-01", nil, ["04": 1, "06": 1], .tooFewActiveShops),  // two orders in three months
        ]
        for (number, opened, closed, orders, reason) in shops {
            let code = "371700102" + number
            world.village(code, households: 10)
            var months: [String: (orders: Int64, sales: Int64)] = [:]
            for (month, count) in orders { months["2019-" + month] = (count, 0) }
            months["2019-06", default: (0, 0)].sales = s
            world.shop(code, opened: opened, closed: closed, months: months)
            expected[code] = [2019: reason]
        }

        // Town C: a residents' committee counts in 2019, not from 2020.
        world.town("371700103")
        tiny(&world, "371700103201", kind: .residents, years: [2019, 2020])
        expected["371700103201"] = [2019: .householdShare, 2020: .residentsCommittee]

        // Town D: a sub-district with three Taobao villages.
        world.town("371700104", kind: .subdistrict)
        for number in ["201", "202", "203"] {
            tiny(&world, "371700104" + number, years: [2019, 2020])
            expected["371700104" + number] = [2019: .householdShare, 2020: .householdShare]
        }

        // Town E: two Taobao villages, sales CNY 30,000,000.01 and 302 active shops in 2018 and 2019.
        // Town F: the same with exactly CNY 30 million and 300 active shops.
        world.town("371700105")
        world.town("371700106")
        world.village("371700105201", households: 1_000_000)
        world.village("371700106201", households: 1_000_000)
        for i in 0..<301 {
            world.shop(
                "371700105201", opened: "2017-01-01", months: active([2018, 2019], sales: i == 0 ? 2 * s + 1 : 0))
        }
        for i in 0..<299 {
            world.shop("371700106201", opened: "2017-01-01", months: active([2018, 2019], sales: i == 0 ? 2 * s : 0))
        }
        tiny(&world, "371700105202", years: [2018, 2019])
        tiny(&world, "371700106202", years: [2018, 2019])
        for code in ["371700105201", "371700106201"] { expected[code] = [2018: .activeShops, 2019: .activeShops] }
        for code in ["371700105202", "371700106202"] {
            expected[code] = [2018: .householdShare, 2019: .householdShare]
        }

        // Counties with 9, 10, 30 and 100 Taobao villages in 2019.
        for (county, count) in [("371701", 9), ("371702", 10), ("371703", 30), ("371704", 100)] {
            world.county(county)
            world.town(county + "101")
            for i in 0..<count {
                let code = county + "101" + String(201 + i)
                tiny(&world, code, years: [2019])
                expected[code] = [2019: .householdShare]
            }
        }
        return (world, expected)
    }

    @Test(arguments: TestStore.available)
    func everyBoundaryIsDecidedAsTheRulesSay(store: TestStore) async throws {
        try await withInsights(on: store) { county, context in
            let (world, expected) = Self.world()
            try await world.write(on: county.db)
            let service = RecognitionService(context: context)
            var reports: [Int: RecognitionService.Report] = [:]
            for year in [2018, 2019, 2020] {
                reports[year] = try await service.report(year: year, by: nil, on: county.db)
            }
            for (code, years) in expected.sorted(by: { $0.key < $1.key }) {
                for (year, reason) in years {
                    let village = try #require(reports[year]?.villages.first { $0.code == code })
                    #expect(village.reason == reason, "village \(code) in \(year)")
                }
            }
            func village(_ code: String, _ year: Int) -> RecognitionService.VillageResult? {
                reports[year]?.villages.first { $0.code == code }
            }
            // The evidence: exactly CNY 10 million and 100 active shops.
            #expect(village("371700101201", 2019)?.salesMinor == Self.s)
            #expect(village("371700101201", 2019)?.activeShops == 100)
            #expect(village("371700101202", 2019)?.salesMinor == Self.s - 1)
            #expect(village("371700101203", 2019)?.activeShops == 99)
            // A closed shop's sales still count; it is just not active.
            #expect(village("371700102206", 2019)?.salesMinor == Self.s)
            #expect(village("371700102206", 2019)?.activeShops == 0)
            // No sales outside the window: 2018's list saw none of 2019's June.
            #expect(village("371700101201", 2018)?.salesMinor == 0)

            func town(_ code: String, _ year: Int) -> RecognitionService.TownResult? {
                reports[year]?.towns.first { $0.code == code }
            }
            #expect(town("371700104", 2019)?.reason == .taobaoVillages)
            #expect(town("371700104", 2020)?.reason == .subdistrict)
            #expect(town("371700104", 2020)?.taobaoVillages == 3)
            #expect(town("371700103", 2019)?.reason == .tooFew)
            #expect(town("371700105", 2018)?.reason == .tooFew)
            #expect(town("371700105", 2019)?.reason == .salesAndShops)
            #expect(town("371700105", 2019)?.salesMinor == 3 * Self.s + 1)
            #expect(town("371700105", 2019)?.activeShops == 302)
            #expect(town("371700106", 2019)?.reason == .tooFew)
            #expect(town("371700106", 2019)?.salesMinor == 3 * Self.s)
            #expect(town("371700106", 2019)?.activeShops == 300)

            let clusters = Dictionary(uniqueKeysWithValues: (reports[2019]?.counties ?? []).map { ($0.code, $0) })
            #expect(clusters["371701"]?.taobaoVillages == 9)
            #expect(clusters["371701"]?.cluster == Recognition.Cluster.none)
            #expect(clusters["371702"]?.cluster == .cluster)
            #expect(clusters["371703"]?.cluster == .large)
            #expect(clusters["371704"]?.taobaoVillages == 100)
            #expect(clusters["371704"]?.cluster == .superLarge)
        }
    }

    @Test func theRulesAtTheirThresholds() {
        #expect(Recognition.Cluster(taobaoVillages: 9) == .none)
        #expect(Recognition.Cluster(taobaoVillages: 10) == .cluster)
        #expect(Recognition.Cluster(taobaoVillages: 29) == .cluster)
        #expect(Recognition.Cluster(taobaoVillages: 30) == .large)
        #expect(Recognition.Cluster(taobaoVillages: 99) == .large)
        #expect(Recognition.Cluster(taobaoVillages: 100) == .superLarge)
        let window = Recognition.Window(year: 2019)
        #expect(window.firstMonth == "2018-07" && window.lastMonth == "2019-06")
        #expect(window.openedBy == "2019-05-31" && window.evaluation == "2019-06-30")
        #expect(window.monthsOpen(openedOn: "2019-03-31") == 3)
        #expect(window.monthsOpen(openedOn: "2019-04-30") == 3)
        #expect(window.monthsOpen(openedOn: "2019-05-01") == 2)
        #expect(window.monthsOpen(openedOn: "2019-05-31") == 2)
        #expect(window.monthsOpen(openedOn: "2019-06-01") == 1)
        // 10 % of households, rounding up: 50 of 500 is enough, 50 of 501 is not.
        #expect(
            Recognition.village(
                kind: .administrative, salesMinor: 1_000_000_000, activeShops: 50, households: 500, year: 2019)
                == .householdShare)
        #expect(
            Recognition.village(
                kind: .administrative, salesMinor: 1_000_000_000, activeShops: 50, households: 501, year: 2019)
                == .tooFewActiveShops)
        #expect(
            Recognition.town(kind: .subdistrict, salesMinor: 0, activeShops: 0, taobaoVillages: 3, year: 2019)
                == .taobaoVillages)
        #expect(
            Recognition.town(
                kind: .township, salesMinor: 3_000_000_001, activeShops: 301, taobaoVillages: 0, year: 2018) == .tooFew)
    }
}
