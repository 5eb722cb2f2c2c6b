import Community
import DomainTesting
import FluentKit
import Foundation
import Insights
import JishiKit
import SQLKit
import Testing

/// The village ledger kept step by step by every writer (imports of shops and of sales in any
/// order, overwritten months, shops moved, reopened and closed, sellers' own reports) holds
/// exactly what computing it again from every shop gives.
@Suite("Insights: the village ledger kept by every writer equals the ledger computed afresh")
struct VillageMonthsTests {
    struct Row: Decodable, Hashable {
        var village_id: UUID
        var month: String
        var opened: Int64
        var closed: Int64
        var active: Int64
        var orders: Int64
        var sales_minor: Int64
    }

    /// The table's rows that are not all zero (a kept ledger may hold zeros where a shop left).
    static func ledger(on database: any Database) async throws -> Set<Row> {
        Set(
            try await database.sql().raw("SELECT * FROM insights_village_months").all(decoding: Row.self).filter {
                $0.opened != 0 || $0.closed != 0 || $0.active != 0 || $0.orders != 0 || $0.sales_minor != 0
            })
    }

    static func expectAfresh(on database: any Database, _ step: String) async throws {
        let kept = try await ledger(on: database)
        try await VillageMonths.rebuild(on: database)
        let afresh = try await ledger(on: database)
        let differing = kept.symmetricDifference(afresh)
        #expect(
            differing.count == 0,
            "after \(step): \(differing.count) rows differ, such as \(String(describing: differing.first))")
        #expect(!afresh.isEmpty)
    }

    /// November 2018 to April 2021.
    static let months = (0..<30).map { offset -> String in
        let index = 2018 * 12 + 10 + offset
        return String(format: "%04d-%02d", index / 12, index % 12 + 1)
    }

    static func shopsFile(_ random: inout SeededGenerator, count: Int) -> String {
        let villages = ["371721105201", "371721105202", "371721001001"]
        var lines = ["platform,shop_ref,kind,village_code,opened_on,closed_on"]
        for index in 0..<count {
            let opened =
                months[Int.random(in: 0..<20, using: &random)] + "-"
                + String(
                    format: "%02d", Int.random(in: 1...28, using: &random))
            let closed =
                Int.random(in: 0..<4, using: &random) == 0
                ? months[Int.random(in: 20..<30, using: &random)] + "-15" : ""
            lines.append(
                "taobao,S\(index),individual,\(villages.randomElement(using: &random)!),\(opened),\(closed)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func salesFile(_ random: inout SeededGenerator, shops: Int, months chosen: [String]) -> String {
        var lines = ["platform,shop_ref,month,orders,sales_minor"]
        for month in chosen {
            for index in 0..<shops where Int.random(in: 0..<3, using: &random) > 0 {
                // Many months with no order or one: activity turns on and off at the boundaries.
                let orders = Int64([0, 1, 1, 2, 5, 30].randomElement(using: &random)!)
                lines.append("taobao,S\(index),\(month),\(orders),\(orders * 4_500)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: TestStore.available)
    func everyWriterKeepsTheLedgerAsItWouldBeComputedAfresh(store: TestStore) async throws {
        try await withInsights(on: store) { county, context in
            var random = SeededGenerator(seed: 41)
            _ = try await GeographyImport(context: context).run(ImportTests.data(ImportTests.geography), on: county.db)
            let shops = ShopsImport(context: context)
            let sales = SalesImport(context: context)
            _ = try await shops.run(Data(Self.shopsFile(&random, count: 40).utf8), on: county.db)
            try await Self.expectAfresh(on: county.db, "the shops")

            // Month by month, then shop by shop over the same months (overwriting them).
            for month in Self.months.prefix(12) {
                _ = try await sales.run(Data(Self.salesFile(&random, shops: 40, months: [month]).utf8), on: county.db)
            }
            try await Self.expectAfresh(on: county.db, "months one by one")
            _ = try await sales.run(
                Data(Self.salesFile(&random, shops: 40, months: Array(Self.months[5..<25])).utf8), on: county.db)
            try await Self.expectAfresh(on: county.db, "months overwritten")

            // The shops again with other villages, days and closings.
            _ = try await shops.run(Data(Self.shopsFile(&random, count: 50).utf8), on: county.db)
            try await Self.expectAfresh(on: county.db, "shops moved and new ones")

            // A seller's own shop, its months, then the shop moved and closed.
            let reports = SellerReports(context: context)
            let wang = try await SellerReportsTests.seller(county, "wang")
            var report = SellerReports.Report(
                platform: "pinduoduo", shopRef: "丁楼汉服小铺", kind: "individual", villageCode: "371721105201",
                openedOn: "2019-03-15", mainCategory: "costumes")
            let id = try await reports.report(report, by: wang, on: county.db).shop.requireID()
            for (month, orders) in [("2019-04", 3), ("2019-05", 0), ("2019-06", 1), ("2019-05", 2)] {
                _ = try await reports.reportSales(
                    id, month: month, orders: Int64(orders), salesMinor: Int64(orders) * 9_000, by: wang,
                    on: county.db)
            }
            try await Self.expectAfresh(on: county.db, "a seller's months")
            report.villageCode = "371721105202"
            report.closedOn = "2019-06-10"
            _ = try await reports.report(report, by: wang, on: county.db)
            try await Self.expectAfresh(on: county.db, "a seller's shop moved and closed")
        }
    }

    /// The demo's history adds its new shops from the figures it holds, without reading them
    /// back: the same ledger as computing it afresh.
    @Test(arguments: TestStore.available)
    func theDemoHistoryKeepsTheLedgerAsItWouldBeComputedAfresh(store: TestStore) async throws {
        try await withInsights(on: store) { county, context in
            var world = InsightsWorld()
            world.county("371799")
            for town in ["371799101", "371799102", "371799200"] { world.town(town) }
            for village in ["371799101201", "371799101202", "371799101203", "371799101204", "371799102201"] {
                world.village(village, households: 400)
            }
            // 371799200201 stays out: a village the demo's paths name and the county lacks.
            try await world.write(on: county.db)
            try await InsightsDemo.load(on: county.db, context: context, month: "2026-11")
            let kept = try await Self.ledger(on: county.db)
            #expect(kept.count > 500, "the demo's history reached the ledger (\(kept.count) rows)")
            try await Self.expectAfresh(on: county.db, "the demo's history")
        }
    }
}
