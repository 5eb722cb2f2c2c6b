import Community
import DomainTesting
import Foundation
import Insights
import JishiKit
import Testing

/// Generated counties judged twice: by the service (SQL and `Recognition`) and by a plain
/// in-memory reading of `../shared/DOMAIN.md` written here with calendar arithmetic, sharing
/// no code with the service. Shops open, close and sell around every boundary.
@Suite("Insights: recognition agrees with a plain reading of the rules on generated counties")
struct RecognitionRandomTests {
    /// The rules, plainly.
    enum Plain {
        static var calendar: Calendar {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            return calendar
        }

        static func date(_ text: String) -> Date {
            let parts = text.split(separator: "-").map { Int($0)! }
            return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
        }

        static func isActive(_ shop: InsightsWorld.Shop, year: Int) -> Bool {
            let evaluation = date("\(year)-06-30")
            let opened = date(shop.openedOn)
            guard opened <= calendar.date(byAdding: .day, value: -30, to: evaluation)! else { return false }
            if let closed = shop.closedOn, date(closed) <= evaluation { return false }
            var months = 0
            var orders: Int64 = 0
            for month in 4...6 {
                let first = calendar.date(from: DateComponents(year: year, month: month, day: 1))!
                let last = calendar.date(byAdding: DateComponents(month: 1, day: -1), to: first)!
                if opened <= last { months += 1 }  // open on at least one day of the month
                orders += shop.months[String(format: "%04d-%02d", year, month)]?.orders ?? 0
            }
            return orders >= Int64(months)
        }

        static func sales(_ shop: InsightsWorld.Shop, year: Int) -> Int64 {
            var total: Int64 = 0
            for (month, figure) in shop.months {
                let parts = month.split(separator: "-").map { Int($0)! }
                let index = parts[0] * 12 + parts[1]
                if index >= (year - 1) * 12 + 7, index <= year * 12 + 6 { total += figure.sales }
            }
            return total
        }

        struct Village: Equatable {
            var recognised: Bool
            var sales: Int64
            var active: Int
        }

        struct Town: Equatable {
            var recognised: Bool
            var sales: Int64
            var active: Int
            var taobaoVillages: Int
        }

        static func report(_ world: InsightsWorld, year: Int) -> (
            villages: [String: Village], towns: [String: Town], counties: [String: (Int, String)]
        ) {
            var villages: [String: Village] = [:]
            for village in world.villages {
                let shops = world.shops.filter { $0.village == village.code }
                let sales = shops.reduce(Int64(0)) { $0 + Plain.sales($1, year: year) }
                let active = shops.filter { isActive($0, year: year) }.count
                let counted = village.kind == .administrative || year <= 2019
                let enough = Double(active) >= Double(village.households) * 0.1
                villages[village.code] = Village(
                    recognised: counted && sales >= 10_000_000 * 100 && (active >= 100 || enough), sales: sales,
                    active: active)
            }
            var towns: [String: Town] = [:]
            for town in world.towns {
                let members = world.villages.filter { $0.town == town.code }.compactMap { villages[$0.code] }
                let sales = members.reduce(Int64(0)) { $0 + $1.sales }
                let active = members.reduce(0) { $0 + $1.active }
                let taobao = members.filter(\.recognised).count
                var recognised = taobao >= 3 || (year >= 2019 && sales > 30_000_000 * 100 && active > 300)
                if year >= 2020, town.kind == .subdistrict { recognised = false }
                towns[town.code] = Town(recognised: recognised, sales: sales, active: active, taobaoVillages: taobao)
            }
            var counties: [String: (Int, String)] = [:]
            for county in world.counties {
                let n = world.villages.filter { $0.code.hasPrefix(county.code) && villages[$0.code]!.recognised }.count
                let level = n >= 100 ? "super_large" : n >= 30 ? "large" : n >= 10 ? "cluster" : "none"
                counties[county.code] = (n, level)
            }
            return (villages, towns, counties)
        }
    }

    /// A county of a few towns of every kind, villages of both kinds and shops opening,
    /// closing and selling around the boundaries of 2018–2021.
    static func world(seed: UInt64) -> InsightsWorld {
        var random = SeededGenerator(seed: seed)
        var world = InsightsWorld()
        for c in 0..<2 {
            let county = "3717\(1 + c)\(Int(seed % 10))"
            world.county(county)
            for t in 0..<Int.random(in: 2...4, using: &random) {
                let town = county + String(101 + t)
                world.town(town, kind: Town.Kind.allCases.randomElement(using: &random)!)
                for v in 0..<Int.random(in: 3...7, using: &random) {
                    let code = town + String(201 + v)
                    world.village(
                        code, kind: Int.random(in: 0..<5, using: &random) == 0 ? .residents : .administrative,
                        households: Int.random(in: 5...120, using: &random))
                    for _ in 0..<Int.random(in: 0...14, using: &random) {
                        world.shops.append(shop(code, &random))
                    }
                }
            }
        }
        return world
    }

    static func shop(_ village: String, _ random: inout SeededGenerator) -> InsightsWorld.Shop {
        // Opening days cluster at the boundaries: 1 and 31 May, 1 June, 1 and 30 April.
        let year = Int.random(in: 2017...2021, using: &random)
        let boundaries = ["04-01", "04-30", "05-01", "05-31", "06-01", "06-30", "07-01", "03-31"]
        let opened =
            Bool.random(using: &random)
            ? "\(year)-" + boundaries.randomElement(using: &random)!
            : String(
                format: "%04d-%02d-%02d", year, Int.random(in: 1...12, using: &random),
                Int.random(in: 1...28, using: &random))
        var closed: String?
        if Int.random(in: 0..<4, using: &random) == 0 {
            let closeYear = Int.random(in: year...2021, using: &random)
            let candidate = "\(closeYear)-" + ["06-29", "06-30", "07-01", "01-15"].randomElement(using: &random)!
            closed = candidate >= opened ? candidate : nil
        }
        var months: [String: (orders: Int64, sales: Int64)] = [:]
        for y in 2017...2021 {
            for m in 1...12 where Int.random(in: 0..<3, using: &random) > 0 {
                let orders = Int64.random(in: 0...2, using: &random)
                let sales: Int64 =
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: Int64.random(in: 0...1_000_000, using: &random)
                    case 1: Int64.random(in: 10_000_000...100_000_000, using: &random)
                    default: Int64.random(in: 100_000_000...600_000_000, using: &random)
                    }
                months[String(format: "%04d-%02d", y, m)] = (orders, sales)
            }
        }
        return InsightsWorld.Shop(village: village, openedOn: opened, closedOn: closed, months: months)
    }

    @Test(arguments: TestStore.available)
    func theServiceAgreesWithThePlainRules(store: TestStore) async throws {
        for seed: UInt64 in [11, 12, 13] {
            try await withInsights(on: store) { county, context in
                let world = Self.world(seed: seed)
                try await world.write(on: county.db)
                let service = RecognitionService(context: context)
                var recognisedSomewhere = 0
                for year in 2018...2021 {
                    let report = try await service.report(year: year, by: nil, on: county.db)
                    let plain = Plain.report(world, year: year)
                    #expect(report.villages.count == world.villages.count)
                    for village in report.villages {
                        let expected = try #require(plain.villages[village.code])
                        #expect(
                            Plain.Village(
                                recognised: village.recognised, sales: village.salesMinor, active: village.activeShops)
                                == expected, "seed \(seed), \(year), village \(village.code)")
                        if village.recognised { recognisedSomewhere += 1 }
                    }
                    for town in report.towns {
                        let expected = try #require(plain.towns[town.code])
                        #expect(
                            Plain.Town(
                                recognised: town.recognised, sales: town.salesMinor, active: town.activeShops,
                                taobaoVillages: town.taobaoVillages) == expected,
                            "seed \(seed), \(year), town \(town.code)")
                    }
                    for county in report.counties {
                        let expected = try #require(plain.counties[county.code])
                        #expect(county.taobaoVillages == expected.0 && county.cluster.rawValue == expected.1)
                    }
                }
                // The generated counties decide both ways.
                #expect(recognisedSomewhere > 0, "seed \(seed)")
            }
        }
    }
}
