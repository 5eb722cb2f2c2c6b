import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace
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
            for platform in Set(shops.map(\.platform)) {
                let mine = shops.filter { $0.platform == platform }
                var known: [String: PlatformShop] = [:]
                for chunk in GeographyImport.chunks(mine.map(\.ref)) {
                    for shop in try await PlatformShop.query(on: db).filter(\.$platform == platform)
                        .filter(\.$shopRef ~~ chunk).all()
                    {
                        known[shop.shopRef] = shop
                    }
                }
                var fresh: [[any Encodable & Sendable]] = []
                for row in mine {
                    if let shop = known[row.ref] {
                        guard
                            shop.kind != row.kind || shop.$village.id != row.villageID || shop.openedOn != row.openedOn
                                || shop.closedOn != row.closedOn || shop.mainCategory != row.mainCategory
                        else {
                            outcome.unchanged += 1
                            continue
                        }
                        shop.kind = row.kind
                        shop.$village.id = row.villageID
                        shop.openedOn = row.openedOn
                        shop.closedOn = row.closedOn
                        shop.mainCategory = row.mainCategory
                        shop.updatedAt = now
                        try await shop.update(on: db)
                        outcome.updated += 1
                    } else {
                        fresh.append([
                            dependencies.uuid(), platform, row.ref, row.kind.rawValue, row.villageID, row.openedOn,
                            row.closedOn, row.mainCategory, now,
                        ])
                        outcome.added += 1
                    }
                }
                let sql = try db.sql()
                for chunk in stride(from: 0, to: fresh.count, by: 400) {
                    var insert = sql.insert(into: PlatformShop.schema)
                        .columns(
                            "id", "platform", "shop_ref", "kind", "village_id", "opened_on", "closed_on",
                            "main_category", "updated_at")
                    for values in fresh[chunk..<min(chunk + 400, fresh.count)] {
                        insert = insert.values(values.map { SQLBind($0) })
                    }
                    try await insert.run()
                }
            }
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
        var shops: [String: UUID] = [:]
        var outside: Set<UUID> = []
        var refs: [String: Set<String>] = [:]
        for row in rows { refs[row["platform"].lowercased(), default: []].insert(row["shop_ref"]) }
        for (platform, wanted) in refs where platform != PlatformShop.jishi {
            for chunk in GeographyImport.chunks(Array(wanted)) {
                let sql = try database.sql()
                struct Found: Decodable {
                    var id: UUID
                    var shop_ref: String
                    var county_id: UUID
                }
                for shop in try await sql.raw(
                    """
                    SELECT p.id, p.shop_ref, t.county_id FROM platform_shops p
                    JOIN villages v ON v.id = p.village_id JOIN towns t ON t.id = v.town_id
                    WHERE p.platform = \(bind: platform) AND p.shop_ref IN (\(binds: chunk))
                    """
                ).all(decoding: Found.self) {
                    shops[platform + "|" + shop.shop_ref] = shop.id
                    if let principal, !PlatformCodes.mayReport(principal, county: shop.county_id) {
                        outside.insert(shop.id)
                    }
                }
            }
        }
        var errors: [CSVFile.LineError] = []
        var seen: [String: Int] = [:]
        var checked: [[any Encodable & Sendable]] = []
        checked.reserveCapacity(rows.count)
        let dependencies = context.dependencies
        for row in rows {
            func fail(_ column: String, _ message: String) {
                errors.append(CSVFile.LineError(line: row.line, column: column, message: message))
            }
            let before = errors.count
            let platform = PlatformCodes.platform(row["platform"], fail: fail)
            let ref = PlatformCodes.shopRef(row["shop_ref"], fail: fail)
            var shop: UUID?
            if let platform, let ref {
                shop = shops[platform + "|" + ref]
                if shop == nil { fail("shop_ref", "No \(platform) shop \"\(ref)\" is registered: import it first.") }
                if let shop, outside.contains(shop) {
                    fail("shop_ref", "This account may not report sales of this shop's county.")
                }
            }
            let month = row["month"]
            if !PlatformCodes.isMonth(month) { fail("month", "A month such as 2019-06.") }
            let orders = Int64(row["orders"])
            if orders.map({ !Self.orderCounts.contains($0) }) ?? true {
                fail("orders", "A whole number of orders from 0 to 100000000.")
            }
            let sales = Int64(row["sales_minor"])
            if sales.map({ !Self.salesAmounts.contains($0) }) ?? true {
                fail("sales_minor", "Sales in fen, a whole number from 0 to 10000000000000.")
            }
            if let shop, errors.count == before {
                let key = shop.uuidString + month
                if let first = seen[key] {
                    fail("month", "This shop's \(month) is on line \(first) already.")
                } else {
                    seen[key] = row.line
                }
            }
            guard errors.count == before, let shop, let orders, let sales else { continue }
            checked.append([dependencies.uuid(), shop, month, orders, sales])
        }
        if rows.isEmpty { errors.append(CSVFile.LineError(line: 2, column: nil, message: "The file has no rows.")) }
        guard errors.isEmpty else { throw CSVFile.Refused(errors: errors) }
        let values = checked
        try await context.transactions.transaction(on: database) { db in
            try await PlatformFigures.insertSales(values, on: try db.sql())
        }
        return Outcome(written: values.count)
    }
}

/// The rules for the codes of platforms, shops and months, and the monthly rows' writing.
enum PlatformFigures {
    /// Writes `[id, shop_id, month, orders, sales_minor]` rows, replacing a shop's month that is
    /// there already, a few hundred rows a statement.
    static func insertSales(_ rows: [[any Encodable & Sendable]], on sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: rows.count, by: 500) {
            var insert = sql.insert(into: PlatformSale.schema)
                .columns("id", "shop_id", "month", "orders", "sales_minor")
            for values in rows[start..<min(start + 500, rows.count)] {
                insert = insert.values(values.map { SQLBind($0) })
            }
            try await insert.onConflict(with: ["shop_id", "month"]) {
                $0.set(excludedValueOf: "orders").set(excludedValueOf: "sales_minor")
            }.run()
        }
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
