import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace
import SQLKit

/// The demo county's history on other platforms, made from a fixed seed: Daying Town's costume
/// villages follow Village D's path in the field studies (丁庄村: the first shop in 2009, a Taobao
/// village by 2013, 84 % of its households with a shop in 2014), its neighbours copy the model
/// a few years later, and Liulin Town's furniture village 桐木村 follows from 2017. Each shop has
/// its orders and sales for every month from its opening to last month, with May's Children's
/// Day peak; some shops close, and some sell too little to count as active.
public enum InsightsDemo {
    /// A village's path: shops opened each year from `first`, orders a month and order value.
    struct Path {
        var village: String
        var first: Int
        var openings: [Int]
        var orders: ClosedRange<Int>
        var orderValueMinor: ClosedRange<Int64>
        /// The category code of its shops (a few of the costume villages' sell clothing).
        var category: String
    }

    static let paths: [Path] = [
        Path(
            village: "371799101201", first: 2009,
            openings: [1, 12, 40, 80, 75, 55, 10, 8, 6, 5, 4, 4, 3, 3, 2, 2, 2, 2],
            orders: 25...150, orderValueMinor: 7_000...15_000, category: "costumes"),
        Path(
            village: "371799101202", first: 2012, openings: [3, 10, 25, 40, 30, 20, 10, 8, 6, 5, 4, 3, 3, 2, 2],
            orders: 15...120, orderValueMinor: 6_000...12_000, category: "costumes"),
        Path(
            village: "371799101203", first: 2013, openings: [2, 6, 14, 22, 20, 12, 6, 4, 3, 3, 2, 2, 2, 1],
            orders: 30...150, orderValueMinor: 9_000...18_000, category: "costumes"),
        Path(
            village: "371799101204", first: 2015, openings: [2, 8, 16, 25, 22, 14, 8, 6, 4, 3, 3, 2],
            orders: 30...150, orderValueMinor: 9_000...18_000, category: "costumes"),
        Path(
            village: "371799102201", first: 2016, openings: [1, 4, 9, 14, 12, 8, 5, 4, 3, 2, 2],
            orders: 4...40, orderValueMinor: 40_000...160_000, category: "furniture"),
        Path(
            village: "371799200201", first: 2018, openings: [2, 4, 6, 5, 4, 3, 2, 2, 1],
            orders: 10...80, orderValueMinor: 3_000...8_000, category: "farm"),
    ]

    /// Loads the history unless the registry has other platforms' shops already; `month` is the
    /// current month (YYYY-MM): figures run to the month before it.
    public static func load(on database: any Database, context: InsightsContext, month: String) async throws {
        if try await PlatformShop.query(on: database).filter(\.$platform != PlatformShop.jishi).count() > 0 { return }
        var villages: [String: UUID] = [:]
        for village in try await Village.query(on: database).filter(\.$code ~~ paths.map(\.village)).all() {
            villages[village.code] = village.id
        }
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return }
        let last = parts[0] * 12 + parts[1] - 2  // months since year 0, of last month
        var random = SeededGenerator(seed: 2009)
        var shops: [[any Encodable & Sendable]] = []
        var sales: [PlatformFigures.SaleRow] = []
        var states: [VillageMonths.ShopState] = []
        let now = context.dependencies.now()
        var number = 0
        for path in paths {
            guard let villageID = villages[path.village] else { continue }
            for (offset, count) in path.openings.enumerated() {
                let year = path.first + offset
                for index in 0..<count {
                    number += 1
                    // The pioneer opens in the spring; the rest through the year.
                    let openMonth = offset == 0 && index == 0 ? 4 : Int.random(in: 1...12, using: &random)
                    let openDay = Int.random(in: 1...28, using: &random)
                    let opened = year * 12 + openMonth - 1
                    guard opened <= last else { continue }
                    // One shop in twelve closes after some years; one in ten barely sells.
                    let closes = Int.random(in: 0..<12, using: &random) == 0
                    let closed = closes ? opened + Int.random(in: 18...60, using: &random) : nil
                    let sleepy = Int.random(in: 0..<10, using: &random) == 0
                    let enterprise = Int.random(in: 0..<15, using: &random) == 0
                    let platform =
                        enterprise
                        ? "1688"
                        : year >= 2019 && Int.random(in: 0..<3, using: &random) == 0
                            ? "douyin" : Int.random(in: 0..<5, using: &random) == 0 ? "pinduoduo" : "taobao"
                    let shopID = UUID(stableName: "jishi.demo-insights.shop.\(number)")
                    let closedOn = closed.flatMap { $0 <= last ? day($0, Int.random(in: 1...28, using: &random)) : nil }
                    let category =
                        path.category == "costumes" && Int.random(in: 0..<6, using: &random) == 0
                        ? "clothing" : path.category
                    shops.append([
                        shopID, platform, String(format: "DY%05d", number),
                        (enterprise ? PlatformShop.Kind.enterprise : .individual).rawValue, villageID,
                        day(opened, openDay), closedOn, category, now,
                    ])
                    var state = VillageMonths.ShopState(
                        village: villageID, openedOn: day(opened, openDay), closedOn: closedOn)
                    let scale = Int64.random(in: path.orderValueMinor, using: &random)
                    let base = Int.random(in: path.orders, using: &random)
                    for month in opened...min(last, closed ?? last) {
                        let season = month % 12 == 4 ? 3.0 : month % 12 == 10 ? 1.6 : 1.0  // May; November's sales
                        let ramp = min(1.0, Double(month - opened + 1) / 6)
                        var orders = Int(Double(base) * season * ramp * Double.random(in: 0.7...1.3, using: &random))
                        if sleepy { orders = Int.random(in: 0...1, using: &random) * (month % 3 == 0 ? 1 : 0) }
                        let value = Int64(orders) * scale * Int64.random(in: 85...115, using: &random) / 100
                        sales.append(
                            PlatformFigures.SaleRow(
                                shop: shopID,
                                month: String(format: "%04d-%02d", month / 12, month % 12 + 1), orders: Int64(orders),
                                sales: value))
                        state.months[month] = (Int64(orders), value)
                    }
                    states.append(state)
                }
            }
        }
        let shopRows = shops
        let saleRows = sales
        let shopStates = states
        try await context.transactions.transaction(on: database) { db in
            let sql = try db.sql()
            for start in stride(from: 0, to: shopRows.count, by: 400) {
                var insert = sql.insert(into: PlatformShop.schema)
                    .columns(
                        "id", "platform", "shop_ref", "kind", "village_id", "opened_on", "closed_on",
                        "main_category",
                        "updated_at")
                for values in shopRows[start..<min(start + 400, shopRows.count)] {
                    insert = insert.values(values.map { SQLBind($0) })
                }
                try await insert.run()
            }
            try await PlatformFigures.insertSales(saleRows, on: sql)
            // The shops are new (no other platform's shop was in the registry), so the village
            // table takes their figures as they are in hand.
            try await VillageMonths.adding(new: shopStates, on: sql)
        }
        try await JishiShopSync(context: context).refresh(on: database)
        // The registry's snapshots of the last two months, as the history says they stood.
        for back in [2, 1] { try await reconstruct(Months.before(month, back), on: database, context: context) }
    }

    /// The snapshot of `month` as the registry's dates say it stood at the month's end: the
    /// shops opened by then, those closed later still open.
    static func reconstruct(_ month: String, on database: any Database, context: InsightsContext) async throws {
        let end = month + "-31"
        let id = UUID(stableName: "jishi.demo-insights.snapshot." + month)
        let now = context.dependencies.now()
        try await context.transactions.transaction(on: database) { db in
            let snapshot = RegistrySnapshot(id: id, month: month, shops: 0, takenAt: now, takenBy: nil)
            try await snapshot.create(on: db)
            let sql = try db.sql()
            try await sql.raw(
                """
                INSERT INTO registry_snapshot_shops
                  (snapshot_id, platform, shop_ref, kind, village_id, main_category, opened_on, closed_on)
                SELECT \(bind: id), platform, shop_ref, kind, village_id, main_category, opened_on,
                  CASE WHEN closed_on <= \(bind: end) THEN closed_on ELSE NULL END
                FROM platform_shops WHERE opened_on <= \(bind: end)
                """
            ).run()
            struct Count: Decodable { var n: Int64 }
            snapshot.shops = Int(
                try await sql.raw("SELECT COUNT(*) AS n FROM registry_snapshot_shops WHERE snapshot_id = \(bind: id)")
                    .first(decoding: Count.self)?.n ?? 0)
            try await snapshot.update(on: db)
        }
    }

    /// YYYY-MM-DD of day `day` of the month `months` after year 0's January.
    static func day(_ months: Int, _ day: Int) -> String {
        String(format: "%04d-%02d-%02d", months / 12, months % 12 + 1, day)
    }
}
