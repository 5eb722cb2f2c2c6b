import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace
import SQLKit

/// The market-demand report a station's agent reads to the producers of its town (the studies'
/// "information hub"): what buyers across the platform searched for in a month and what they
/// searched for without finding it, and what sold by category that month and the same month a
/// year before (the season), beside what the town's own producers sold. Searches are counted in
/// aggregate only; nothing names a person.
public struct DemandReport: Sendable {
    let directory = StationDirectory()

    public init() {}

    public struct Category: Sendable {
        public var category: Marketplace.Category
        public var units: Int
        public var salesMinor: Int64
        /// The same month a year before.
        public var lastYearSalesMinor: Int64
        /// What the producers of the station's town sold in it.
        public var townSalesMinor: Int64
    }

    public struct Report: Sendable {
        public var month: String
        public var searched: [SearchDemand.Row]
        public var unmet: [SearchDemand.Row]
        /// By sales, largest first.
        public var categories: [Category]
    }

    /// The report for `month` (this month when `nil`) at the station (its agents, officials in scope).
    public func report(
        _ stationID: UUID, month: String?, now: Date, for principal: Principal?, on database: any Database
    ) async throws -> Report {
        let node = try await directory.require(.read, at: stationID, by: principal, on: database)
        let month = try month.map(CommissionService.month) ?? Months.month(of: now)
        let (searched, unmet) = try await SearchDemand.top(month: month, on: database)
        let now = try await sales(in: month, town: node.$town.id, on: database)
        let before = try await sales(in: Months.yearBefore(month), town: node.$town.id, on: database)
        let categories = try await Marketplace.Category.query(on: database).all()
        let rows = categories.compactMap { category -> Category? in
            guard let id = category.id else { return nil }
            let current = now[id]
            return Category(
                category: category, units: current?.units ?? 0, salesMinor: current?.sales ?? 0,
                lastYearSalesMinor: before[id]?.sales ?? 0, townSalesMinor: current?.town ?? 0)
        }
        .filter { $0.salesMinor > 0 || $0.lastYearSalesMinor > 0 }
        .sorted { ($0.salesMinor, $0.lastYearSalesMinor) > ($1.salesMinor, $1.lastYearSalesMinor) }
        return Report(month: month, searched: searched, unmet: unmet, categories: rows)
    }

    private struct Sold: Decodable {
        var category: UUID
        var units: Int
        var sales: Int64
        var town: Int64
    }

    /// Paid sales (not cancelled or refunded) by category in `month`, and the town's share.
    private func sales(in month: String, town: UUID, on database: any Database) async throws
        -> [UUID: (units: Int, sales: Int64, town: Int64)]
    {
        guard let range = Months.range(of: month) else { return [:] }
        let sold: [String] = ["paid", "shipped", "delivered", "completed"]
        let rows = try await database.sql().raw(
            """
            SELECT p."category_id" AS "category", CAST(SUM(l."quantity") AS BIGINT) AS "units", \
            CAST(SUM(l."unit_price_minor" * l."quantity") AS BIGINT) AS "sales", \
            CAST(SUM(CASE WHEN p."origin_village_id" IN (SELECT v."id" FROM "villages" v WHERE v."town_id" = \(bind: town)) \
            THEN l."unit_price_minor" * l."quantity" ELSE 0 END) AS BIGINT) AS "town" \
            FROM "order_lines" l JOIN "orders" o ON o."id" = l."order_id" JOIN "variants" va ON va."id" = l."variant_id" \
            JOIN "products" p ON p."id" = va."product_id" \
            WHERE o."created_at" >= \(bind: range.start) AND o."created_at" < \(bind: range.end) \
            AND o."status" IN (\(binds: sold)) GROUP BY p."category_id"
            """
        ).all(decoding: Sold.self)
        return Dictionary(
            rows.map { ($0.category, (units: $0.units, sales: $0.sales, town: $0.town)) },
            uniquingKeysWith: { first, _ in first })
    }
}
