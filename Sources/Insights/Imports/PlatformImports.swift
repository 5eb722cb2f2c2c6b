import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace
import Persistence
import SQLKit

/// The shops sellers run on other platforms (reported by them or by the county office for
/// them): `platform,shop_ref,kind,village_code,opened_on,closed_on`, and optionally
/// `main_category` (a category code of the marketplace's), upserted by `(platform, shop_ref)`.
/// Checked whole first; with any bad row nothing is written and every
/// bad line and column is named.
public struct ShopsImport: Sendable {
    public static let columns = ["platform", "shop_ref", "kind", "village_code", "opened_on", "closed_on"]

    public let context: InsightsContext

    public init(context: InsightsContext) {
        self.context = context
    }

    public struct Outcome: Hashable, Sendable {
        public var added = 0
        public var updated = 0
        public var unchanged = 0
    }

    struct Checked {
        var platform: String
        var ref: String
        var kind: PlatformShop.Kind
        var villageID: UUID
        var openedOn: String
        var closedOn: String?
        var mainCategory: String?
    }

    /// Checks the file and registers its shops in one transaction, or throws `CSVFile.Refused`.
    /// With a `principal` (the API and pages), every village must be in a county it may report
    /// for (`PlatformCodes.mayReport`).
    public func run(_ data: Data, by principal: Principal? = nil, on database: any Database) async throws -> Outcome {
        if let principal { try PlatformCodes.requireReporter(principal) }
        let rows = try CSVFile.rows(data, required: Self.columns)
        var villages: [String: UUID] = [:]
        var outside: Set<String> = []
        for chunk in GeographyImport.chunks(Array(Set(rows.map { $0["village_code"] }))) {
            for village in try await Village.query(on: database).filter(\.$code ~~ chunk).with(\.$town).all() {
                villages[village.code] = village.id
                if let principal, !PlatformCodes.mayReport(principal, county: village.town.$county.id) {
                    outside.insert(village.code)
                }
            }
        }
        let categories = Set(try await Category.query(on: database).all().map(\.code))
        var errors: [CSVFile.LineError] = []
        var seen: [String: Int] = [:]
        var checked: [Checked] = []
        for row in rows {
            func fail(_ column: String, _ message: String) {
                errors.append(CSVFile.LineError(line: row.line, column: column, message: message))
            }
            let before = errors.count
            let platform = PlatformCodes.platform(row["platform"], fail: fail)
            let ref = PlatformCodes.shopRef(row["shop_ref"], fail: fail)
            let kind = PlatformShop.Kind(rawValue: row["kind"].lowercased())
            if kind == nil { fail("kind", "Write individual or enterprise.") }
            let village = villages[row["village_code"]]
            if village == nil { fail("village_code", "No village has the code \"\(row["village_code"])\".") }
            if outside.contains(row["village_code"]) {
                fail("village_code", "This account may not report shops of this village's county.")
            }
            let opened = row["opened_on"]
            if PageDate.day(opened) == nil { fail("opened_on", "A date such as 2019-04-01.") }
            let closedText = row["closed_on"]
            var closed: String?
            if !closedText.isEmpty {
                if PageDate.day(closedText) == nil {
                    fail("closed_on", "A date such as 2021-10-31, or empty while the shop is open.")
                } else if closedText < opened {
                    fail("closed_on", "A shop closes on or after the day it opened (\(opened)).")
                } else {
                    closed = closedText
                }
            }
            let category = row["main_category"].lowercased()
            if !category.isEmpty, !categories.contains(category) {
                fail("main_category", "No category has the code \"\(category)\".")
            }
            if let platform, let ref {
                let key = platform + "|" + ref
                if let first = seen[key] {
                    fail("shop_ref", "\(platform) \(ref) is on line \(first) already.")
                } else {
                    seen[key] = row.line
                }
            }
            guard errors.count == before, let platform, let ref, let kind, let village else { continue }
            checked.append(
                Checked(
                    platform: platform, ref: ref, kind: kind, villageID: village, openedOn: opened, closedOn: closed,
                    mainCategory: category.isEmpty ? nil : category))
        }
        if rows.isEmpty { errors.append(CSVFile.LineError(line: 2, column: nil, message: "The file has no shops.")) }
        guard errors.isEmpty else { throw CSVFile.Refused(errors: errors) }
        let shops = checked
        let dependencies = context.dependencies
        return try await context.transactions.transaction(on: database) { db in
            var outcome = Outcome()
            let now = dependencies.now()
            let sql = try db.sql()
            var ledger = VillageMonths.Ledger()
            for platform in Set(shops.map(\.platform)) {
                let mine = shops.filter { $0.platform == platform }
                var known: [String: PlatformShop.Registered] = [:]
                for shop in try await PlatformShop.registered(mine.map(\.ref), of: platform, on: sql) {
                    known[shop.ref] = shop
                }
                var changed: [(id: UUID, row: Checked)] = []
                var fresh: [(id: UUID, row: Checked)] = []
                for row in mine {
                    if let shop = known[row.ref] {
                        guard
                            shop.kind != row.kind.rawValue || shop.village != row.villageID
                                || shop.openedOn != row.openedOn || shop.closedOn != row.closedOn
                                || shop.mainCategory != row.mainCategory
                        else {
                            outcome.unchanged += 1
                            continue
                        }
                        changed.append((shop.id, row))
                    } else {
                        fresh.append((dependencies.uuid(), row))
                    }
                }
                // The ledger: a changed shop's every month moves with its village and days; a new
                // shop has no sales yet, only its opening (and closing).
                let before = try await VillageMonths.states(of: changed.map(\.id), on: sql)
                for (id, row) in changed {
                    guard var state = before[id] else { continue }
                    ledger.add(state, sign: -1)
                    state.village = row.villageID
                    state.openedOn = row.openedOn
                    state.closedOn = row.closedOn
                    ledger.add(state, sign: 1)
                }
                try await BulkWrite(
                    table: PlatformShop.schema,
                    columns: [
                        ("id", .uuid(changed.map(\.id))), ("kind", .text(changed.map(\.row.kind.rawValue))),
                        ("village_id", .uuid(changed.map(\.row.villageID))),
                        ("opened_on", .text(changed.map(\.row.openedOn))),
                        ("closed_on", .optionalText(changed.map(\.row.closedOn))),
                        ("main_category", .optionalText(changed.map(\.row.mainCategory))),
                        ("updated_at", .date(changed.map { _ in now })),
                    ],
                    conflict: nil
                ).update(on: sql)
                outcome.updated += changed.count
                for (_, row) in fresh {
                    ledger.add(
                        VillageMonths.ShopState(village: row.villageID, openedOn: row.openedOn, closedOn: row.closedOn),
                        sign: 1)
                }
                try await BulkWrite(
                    table: PlatformShop.schema,
                    columns: [
                        ("id", .uuid(fresh.map(\.id))), ("platform", .text(fresh.map { _ in platform })),
                        ("shop_ref", .text(fresh.map(\.row.ref))), ("kind", .text(fresh.map(\.row.kind.rawValue))),
                        ("village_id", .uuid(fresh.map(\.row.villageID))),
                        ("opened_on", .text(fresh.map(\.row.openedOn))),
                        ("closed_on", .optionalText(fresh.map(\.row.closedOn))),
                        ("main_category", .optionalText(fresh.map(\.row.mainCategory))),
                        ("updated_at", .date(fresh.map { _ in now })),
                    ],
                    conflict: nil
                ).run(on: sql)
                outcome.added += fresh.count
            }
            try await ledger.write(on: sql)
            return outcome
        }
    }
}

/// The monthly sales of shops on other platforms: `platform,shop_ref,month,orders,sales_minor`
/// (`month` as YYYY-MM, sales in fen), upserted by `(platform, shop_ref, month)`; the shop must
/// be in the registry already (import the shops first). Checked whole first; with any bad row
/// nothing is written and every bad line and column is named.
public struct SalesImport: Sendable {
    public static let columns = ["platform", "shop_ref", "month", "orders", "sales_minor"]
    public static let orderCounts: ClosedRange<Int64> = 0...100_000_000
    /// Up to CNY 100 billion in a month, in fen.
    public static let salesAmounts: ClosedRange<Int64> = 0...10_000_000_000_000

    public let context: InsightsContext

    public init(context: InsightsContext) {
        self.context = context
    }

    public struct Outcome: Hashable, Sendable {
        /// Rows written (new or changed figures).
        public var written = 0
    }

    /// Checks the file and writes its months in one transaction, or throws `CSVFile.Refused`.
    /// With a `principal`, every shop must be in a county it may report for.
    public func run(_ data: Data, by principal: Principal? = nil, on database: any Database) async throws -> Outcome {
        if let principal { try PlatformCodes.requireReporter(principal) }
        let rows = try CSVFile.rows(data, required: Self.columns)
        // The shops the file names, by platform and reference.
        var refs: [String: Set<String>] = [:]
        for row in rows { refs[row["platform"].lowercased(), default: []].insert(row["shop_ref"]) }
        var shops: [String: [String: UUID]] = [:]
        var outside: Set<UUID> = []
        for (platform, wanted) in refs where platform != PlatformShop.jishi {
            for (id, ref, county) in try await PlatformShop.find(
                Array(wanted), of: platform, withCounty: principal != nil, on: try database.sql())
            {
                shops[platform, default: [:]][ref] = id
                if let principal, let county, !PlatformCodes.mayReport(principal, county: county) { outside.insert(id) }
            }
        }
        var errors: [CSVFile.LineError] = []
        struct ShopMonth: Hashable {
            var shop: UUID
            var month: String
        }
        var seen: [ShopMonth: Int] = [:]
        var checked: [PlatformFigures.SaleRow] = []
        checked.reserveCapacity(rows.count)
        // A file names few platforms and months, each on many lines: each is checked once.
        var platforms: [String: (code: String?, failures: [(String, String)])] = [:]
        var months: [String: Bool] = [:]
        for row in rows {
            func fail(_ column: String, _ message: String) {
                errors.append(CSVFile.LineError(line: row.line, column: column, message: message))
            }
            let before = errors.count
            let platformText = row["platform"]
            if platforms[platformText] == nil {
                var failures: [(String, String)] = []
                let code = PlatformCodes.platform(platformText) { failures.append(($0, $1)) }
                platforms[platformText] = (code, failures)
            }
            let platform = platforms[platformText]?.code
            for (column, message) in platforms[platformText]?.failures ?? [] { fail(column, message) }
            let ref = PlatformCodes.shopRef(row["shop_ref"], fail: fail)
            var shop: UUID?
            if let platform, let ref {
                shop = shops[platform]?[ref]
                if shop == nil { fail("shop_ref", "No \(platform) shop \"\(ref)\" is registered: import it first.") }
                if let shop, outside.contains(shop) {
                    fail("shop_ref", "This account may not report sales of this shop's county.")
                }
            }
            let month = row["month"]
            if months[month] == nil { months[month] = PlatformCodes.isMonth(month) }
            if months[month] == false { fail("month", "A month such as 2019-06.") }
            let orders = Int64(row["orders"])
            if orders.map({ !Self.orderCounts.contains($0) }) ?? true {
                fail("orders", "A whole number of orders from 0 to 100000000.")
            }
            let sales = Int64(row["sales_minor"])
            if sales.map({ !Self.salesAmounts.contains($0) }) ?? true {
                fail("sales_minor", "Sales in fen, a whole number from 0 to 10000000000000.")
            }
            if let shop, errors.count == before {
                let key = ShopMonth(shop: shop, month: month)
                if let first = seen[key] {
                    fail("month", "This shop's \(month) is on line \(first) already.")
                } else {
                    seen[key] = row.line
                }
            }
            guard errors.count == before, let shop, let orders, let sales else { continue }
            checked.append(
                PlatformFigures.SaleRow(shop: shop, month: month, orders: orders, sales: sales)
            )
        }
        if rows.isEmpty { errors.append(CSVFile.LineError(line: 2, column: nil, message: "The file has no rows.")) }
        guard errors.isEmpty else { throw CSVFile.Refused(errors: errors) }
        let values = checked
        try await context.transactions.transaction(on: database) { db in
            try await PlatformFigures.writeSales(values, on: try db.sql())
        }
        return Outcome(written: values.count)
    }
}

/// The rules for the codes of platforms, shops and months, and the monthly rows' writing.
enum PlatformFigures {
    /// One shop's orders and sales of a month.
    struct SaleRow: Sendable {
        var shop: UUID
        /// YYYY-MM.
        var month: String
        var orders: Int64
        var sales: Int64
    }

    /// Writes the rows, replacing a shop's month that is there already (`BulkWrite`); the
    /// caller keeps the village ledger.
    static func insertSales(_ rows: [SaleRow], on sql: any SQLDatabase) async throws {
        try await BulkWrite(
            table: PlatformSale.schema,
            columns: [
                ("shop_id", .uuid(rows.map(\.shop))),
                ("month", .text(rows.map(\.month))), ("orders", .int(rows.map(\.orders))),
                ("sales_minor", .int(rows.map(\.sales))),
            ],
            conflict: (["shop_id", "month"], ["orders = excluded.orders", "sales_minor = excluded.sales_minor"])
        ).run(on: sql)
    }

    /// Writes the rows (at most one per shop and month) and keeps the village ledger: the shops'
    /// figures of the months written and the two after them (their activity) are taken as they
    /// were, and as they are with the rows laid over them.
    static func writeSales(_ rows: [SaleRow], on sql: any SQLDatabase) async throws {
        let months = rows.map { VillageMonths.index($0.month) }
        guard let first = months.compactMap(\.self).min(), let last = months.compactMap(\.self).max() else { return }
        let affected = first...last + 2
        var states = try await VillageMonths.states(of: Array(Set(rows.map(\.shop))), months: affected, on: sql)
        var ledger = VillageMonths.Ledger()
        for state in states.values { ledger.add(state, sign: -1, months: affected) }
        for (row, month) in zip(rows, months) {
            if let month { states[row.shop]?.months[month] = (row.orders, row.sales) }
        }
        for state in states.values { ledger.add(state, sign: 1, months: affected) }
        try await insertSales(rows, on: sql)
        try await ledger.write(on: sql)
    }
}

/// How a platform, a shop's reference and a month are written in the files, and who reports them.
public enum PlatformCodes {
    /// Whether `principal` may report shops and sales for the county: its officials and admins
    /// (county-wide), and admins of everywhere.
    public static func mayReport(_ principal: Principal, county: UUID) -> Bool {
        Authorization.may(principal, .viewInsights, .place(Place(countyID: county)))
    }

    /// Throws `403` unless `principal` reports for some county: an official or admin scoped to
    /// a county, or an admin of everywhere.
    public static func requireReporter(_ principal: Principal) throws {
        guard
            principal.grants.contains(where: {
                ($0.role == .official && $0.scope.kind == .county)
                    || ($0.role == .admin && ($0.scope.kind == .county || $0.scope == .everywhere))
            })
        else { throw Problem.forbidden("The county's officials and admins report shops and sales.") }
    }

    /// The platform's code (lower-cased): 1 to 20 letters, digits, `_` or `-`; not `jishi`,
    /// whose shops Jishi counts itself.
    static func platform(_ text: String, fail: (String, String) -> Void) -> String? {
        let code = text.lowercased()
        guard (1...20).contains(code.count),
            code.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
            })
        else {
            fail("platform", "A platform code of 1 to 20 letters, digits, _ or -, such as taobao.")
            return nil
        }
        guard code != PlatformShop.jishi else {
            fail("platform", "Jishi's own shops and sales are counted from the marketplace; they are not imported.")
            return nil
        }
        return code
    }

    /// A shop's reference on its platform: 1 to 64 characters, no control characters or commas' worries.
    static func shopRef(_ text: String, fail: (String, String) -> Void) -> String? {
        guard (1...64).contains(text.count), TextRule.forbiddenScalar(in: text) == nil else {
            fail("shop_ref", "The shop's reference on its platform: 1 to 64 characters.")
            return nil
        }
        return text
    }

    /// Whether `text` is a month written YYYY-MM (years 2000 to 2099).
    public static func isMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1])
        else { return false }
        return (2000...2099).contains(year) && (1...12).contains(month)
    }
}
