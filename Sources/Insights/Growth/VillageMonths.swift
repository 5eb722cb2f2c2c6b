import Community
import FluentKit
import Foundation
import Persistence
import SQLKit

/// Every village's figures for every month, of every platform: the shops that opened and that
/// closed in the month, the shops active at its end (`Recognition.Activity` at that month's
/// last day), and the orders and sales of the month. Recognition and the growth dashboards read
/// these few rows per village and month instead of every shop's every month: a year of a
/// province is 60,000 rows here and 12 million in `platform_sales`.
///
/// Every writer of `platform_shops` and `platform_sales` keeps the table in its own
/// transaction: it takes the shops it changes as they were (`Ledger.add(…, sign: -1)`) and as
/// they are (`+1`), and adds the difference (`write`). Shops open at a month's end are the sums
/// of `opened − closed` to that month (a shop closes on or after it opens).
public enum VillageMonths {
    public static let schema = "insights_village_months"

    /// A month as a number, `year × 12 + month − 1`, from text that starts `YYYY-MM`.
    static func index(_ text: String) -> Int? {
        let bytes = Array(text.utf8.prefix(7))
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        var year = 0
        for byte in bytes[0..<4] {
            guard (48...57).contains(byte) else { return nil }
            year = year * 10 + Int(byte - 48)
        }
        guard (48...57).contains(bytes[5]), (48...57).contains(bytes[6]) else { return nil }
        let month = Int(bytes[5] - 48) * 10 + Int(bytes[6] - 48)
        guard (1...12).contains(month) else { return nil }
        return year * 12 + month - 1
    }

    /// YYYY-MM of a month's number (the recognition window's own counting).
    static func label(_ index: Int) -> String { Recognition.Window.month(index) }

    /// A shop as the ledger counts it.
    struct ShopState: Sendable {
        var village: UUID
        var openedOn: String
        var closedOn: String?
        /// Orders and sales by month number.
        var months: [Int: (orders: Int64, sales: Int64)] = [:]
    }

    /// Changes to the table, summed by village and month.
    struct Ledger {
        struct Key: Hashable {
            var village: UUID
            var month: Int
        }

        struct Change {
            var opened: Int64 = 0
            var closed: Int64 = 0
            var active: Int64 = 0
            var orders: Int64 = 0
            var sales: Int64 = 0

            var isZero: Bool { opened == 0 && closed == 0 && active == 0 && orders == 0 && sales == 0 }
        }

        private(set) var changes: [Key: Change] = [:]
        private var rules: [Int: Recognition.Activity] = [:]

        private mutating func rule(_ month: Int) -> Recognition.Activity {
            if let rule = rules[month] { return rule }
            let rule = Recognition.Activity(Recognition.Window(year: month / 12, month: month % 12 + 1))
            rules[month] = rule
            return rule
        }

        /// Adds a shop's figures (`sign` 1) or takes them away (−1). With `months`, only its
        /// figures of those months: a change of sales alone moves nothing else (its opening
        /// and closing, and its activity two months after the last month changed, stay), and
        /// the shop's state need only hold its sales from two months before them.
        mutating func add(_ shop: ShopState, sign: Int64, months: ClosedRange<Int>? = nil) {
            if months == nil {
                if let month = VillageMonths.index(shop.openedOn) {
                    changes[Key(village: shop.village, month: month), default: Change()].opened += sign
                }
                if let closedOn = shop.closedOn, let month = VillageMonths.index(closedOn) {
                    changes[Key(village: shop.village, month: month), default: Change()].closed += sign
                }
            }
            // A shop is active at a month's end only with an order in it or in the two before
            // (`monthsOpen` is at least one for a shop opened 30 days before the end).
            var ends: Set<Int> = []
            for (month, figure) in shop.months {
                if months?.contains(month) ?? true, figure.orders != 0 || figure.sales != 0 {
                    let key = Key(village: shop.village, month: month)
                    changes[key, default: Change()].orders += sign * figure.orders
                    changes[key, default: Change()].sales += sign * figure.sales
                }
                if figure.orders > 0 { ends.formUnion(month...month + 2) }
            }
            for end in ends where months?.contains(end) ?? true {
                let orders = (end - 2...end).reduce(Int64(0)) { $0 + (shop.months[$1]?.orders ?? 0) }
                if rule(end).isActive(openedOn: shop.openedOn, closedOn: shop.closedOn, activityOrders: orders) {
                    changes[Key(village: shop.village, month: end), default: Change()].active += sign
                }
            }
        }

        /// Adds the changes to the table.
        func write(on sql: any SQLDatabase) async throws {
            let rows = changes.filter { !$0.value.isZero }
            guard !rows.isEmpty else { return }
            try await BulkWrite(
                table: VillageMonths.schema,
                columns: [
                    ("village_id", .uuid(rows.map(\.key.village))),
                    ("month", .text(rows.map { VillageMonths.label($0.key.month) })),
                    ("opened", .int(rows.map(\.value.opened))), ("closed", .int(rows.map(\.value.closed))),
                    ("active", .int(rows.map(\.value.active))), ("orders", .int(rows.map(\.value.orders))),
                    ("sales_minor", .int(rows.map(\.value.sales))),
                ],
                conflict: (
                    ["village_id", "month"],
                    ["opened", "closed", "active", "orders", "sales_minor"].map {
                        "\($0) = \(VillageMonths.schema).\($0) + excluded.\($0)"
                    }
                )
            ).run(on: sql)
        }
    }

    /// The shops of `ids` as they are now, with their sales of `months` (and the two months
    /// before them, which decide activity) or of every month.
    static func states(of ids: [UUID], months: ClosedRange<Int>? = nil, on sql: any SQLDatabase) async throws
        -> [UUID: ShopState]
    {
        var states: [UUID: ShopState] = [:]
        states.reserveCapacity(ids.count)
        var range: SQLQueryString = ""
        if let months {
            range = " AND month >= \(bind: label(months.lowerBound - 2)) AND month <= \(bind: label(months.upperBound))"
        }
        // Read at the driver's speed (`FastRows`): a month's import of a province reads millions
        // of these. On PostgreSQL each id probes the keys (a `LATERAL` subquery, kept apart from
        // the join by `OFFSET 0`), 50,000 ids a query: with `= ANY` of many ids the planner
        // scanned the whole table once per run of ids, which grew with every month imported.
        let postgres = sql.dialect.name == "postgresql"
        for run in BulkWrite.chunks(ids, on: sql, postgres: 50_000) {
            let shops: SQLQueryString
            var sales: SQLQueryString
            if postgres {
                shops = """
                    SELECT p.id, p.village_id, p.opened_on, p.closed_on FROM UNNEST(\(bind: run)::uuid[]) AS u(id)
                    CROSS JOIN LATERAL (SELECT id, village_id, opened_on, closed_on FROM platform_shops
                      WHERE id = u.id OFFSET 0) AS p
                    """
                sales = """
                    SELECT s.shop_id, s.month, s.orders, s.sales_minor FROM UNNEST(\(bind: run)::uuid[]) AS u(id)
                    CROSS JOIN LATERAL (SELECT shop_id, month, orders, sales_minor FROM platform_sales
                      WHERE shop_id = u.id\(range) OFFSET 0) AS s
                    """
            } else {
                shops = "SELECT id, village_id, opened_on, closed_on FROM platform_shops WHERE id IN (\(binds: run))"
                sales =
                    "SELECT shop_id, month, orders, sales_minor FROM platform_sales WHERE shop_id IN (\(binds: run))"
                sales.appendInterpolation(range)
            }
            for (id, village, openedOn, closedOn) in try await FastRows.all(
                shops, as: (UUID, UUID, String, String?).self, columns: ["id", "village_id", "opened_on", "closed_on"],
                on: sql)
            {
                states[id] = ShopState(village: village, openedOn: openedOn, closedOn: closedOn)
            }
            for (shop, month, orders, amount) in try await FastRows.all(
                sales, as: (UUID, String, Int64, Int64).self, columns: ["shop_id", "month", "orders", "sales_minor"],
                on: sql)
            {
                guard let month = index(month) else { continue }
                states[shop]?.months[month] = (orders, amount)
            }
        }
        return states
    }

    /// Keeps the table while `change` writes the shops of `ids` (which may not exist yet, or
    /// no more, on either side): their figures before are taken away and after are added.
    static func tracking<T>(
        _ ids: [UUID], on database: any Database, _ change: () async throws -> T
    ) async throws -> T {
        let sql = try database.sql()
        let before = try await states(of: ids, on: sql)
        let result = try await change()
        let after = try await states(of: ids, on: sql)
        var ledger = Ledger()
        for shop in before.values { ledger.add(shop, sign: -1) }
        for shop in after.values { ledger.add(shop, sign: 1) }
        try await ledger.write(on: sql)
        return result
    }

    /// Adds shops new to the registry, whose figures the caller holds and has written in this
    /// transaction (the demo's history, loaded where no other platform's shop is): their
    /// "before" is nothing, and their "after" needs no reading back (on PostgreSQL in a debug
    /// build, reading the demo's 91,000 months back took 14 s of the demo's 25).
    static func adding(new shops: [ShopState], on sql: any SQLDatabase) async throws {
        var ledger = Ledger()
        for shop in shops { ledger.add(shop, sign: 1) }
        try await ledger.write(on: sql)
    }

    /// Computes the table again from every shop and month (for a database migrated with shops
    /// in it, and for tests that write the registry directly).
    public static func rebuild(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.raw("DELETE FROM \(unsafeRaw: schema)").run()
        struct Row: Decodable { var id: UUID }
        var ledger = Ledger()
        var last: UUID?
        while true {
            var query: SQLQueryString = "SELECT id FROM platform_shops"
            if let last {
                query.appendLiteral(" WHERE id > ")
                query.appendInterpolation(bind: last)
            }
            query.appendLiteral(" ORDER BY id LIMIT 5000")
            let ids = try await sql.raw(query).all(decoding: Row.self).map(\.id)
            guard let end = ids.last else { break }
            for shop in try await states(of: ids, on: sql).values { ledger.add(shop, sign: 1) }
            last = end
        }
        try await ledger.write(on: sql)
    }
}
