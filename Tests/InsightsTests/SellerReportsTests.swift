import Community
import DomainTesting
import FluentKit
import Foundation
import Insights
import JishiKit
import Marketplace
import Testing

@Suite("Insights: sellers report their shops on other platforms and their monthly sales")
struct SellerReportsTests {
    static func seller(_ county: TestCounty, _ name: String) async throws -> Principal {
        let account = Account(
            id: UUID(), username: name, passwordHash: "-", displayName: name, preferredLanguage: .zhHans)
        try await account.create(on: county.db)
        let grant = RoleGrant(role: .seller)
        try await RoleGrantRecord(id: UUID(), accountID: account.requireID(), grant: grant).create(on: county.db)
        return Principal(accountID: try account.requireID(), grants: [grant])
    }

    @Test(arguments: TestStore.available)
    func aSellerReportsAShopAndItsMonthsAndOnlyTheirOwn(store: TestStore) async throws {
        // 2026-11-30 12:00 Beijing.
        let clock = TestClock(Date(timeIntervalSince1970: 1_796_011_200))
        try await withInsights(on: store) { county, base in
            let context = InsightsContext(dependencies: clock.dependencies, transactions: base.transactions)
            _ = try await GeographyImport(context: context).run(Data(ImportTests.geography.utf8), on: county.db)
            _ = try await ShopsImport(context: context).run(
                Data(
                    "platform,shop_ref,kind,village_code,opened_on,closed_on\ntaobao,office-1,individual,371721105201,2019-01-01,\n"
                        .utf8), on: county.db)
            let reports = SellerReports(context: context)
            let wang = try await Self.seller(county, "wang")
            let li = try await Self.seller(county, "li")
            let report = SellerReports.Report(
                platform: "Pinduoduo", shopRef: "丁楼汉服小铺", kind: "individual", villageCode: "371721105201",
                openedOn: "2020-03-15", mainCategory: "costumes")
            let shop = try await reports.report(report, by: wang, on: county.db)
            #expect(shop.shop.platform == "pinduoduo")
            #expect(shop.villageCode == "371721105201")
            let id = try shop.shop.requireID()

            // Reporting again changes it (no second row); a closing day before the opening is refused.
            var closed = report
            closed.closedOn = "2026-10-31"
            #expect(try await reports.report(closed, by: wang, on: county.db).shop.closedOn == "2026-10-31")
            #expect(try await PlatformShop.query(on: county.db).filter(\.$platform == "pinduoduo").count() == 1)
            var bad = report
            bad.closedOn = "2020-01-01"
            await #expect(throws: Problem.validation("closedOn", "A shop closes on or after the day it opened.")) {
                try await reports.report(bad, by: wang, on: county.db)
            }
            bad = report
            bad.platform = "jishi"
            await #expect(throws: Problem.self) { try await reports.report(bad, by: wang, on: county.db) }
            bad = report
            bad.villageCode = "999"
            await #expect(throws: Problem.notFound("The village", field: "villageCode")) {
                try await reports.report(bad, by: wang, on: county.db)
            }
            // Someone else's shop, or the office's, is not the seller's to change.
            await #expect(throws: Problem.self) { try await reports.report(report, by: li, on: county.db) }
            var office = report
            office.platform = "taobao"
            office.shopRef = "office-1"
            await #expect(throws: Problem.self) { try await reports.report(office, by: wang, on: county.db) }

            // Months: upserted, not in the future, within the import's ranges.
            _ = try await reports.reportSales(
                id, month: "2026-10", orders: 40, salesMinor: 480_000, by: wang, on: county.db)
            let again = try await reports.reportSales(
                id, month: "2026-10", orders: 42, salesMinor: 500_000, by: wang, on: county.db)
            #expect(again.sales.map(\.orders) == [42])
            await #expect(throws: Problem.self) {
                try await reports.reportSales(id, month: "2026-12", orders: 1, salesMinor: 1, by: wang, on: county.db)
            }
            await #expect(throws: Problem.self) {
                try await reports.reportSales(id, month: "2026-11", orders: -1, salesMinor: 1, by: wang, on: county.db)
            }
            await #expect(throws: Problem.notFound("The shop", field: "shopId")) {
                try await reports.reportSales(id, month: "2026-11", orders: 1, salesMinor: 1, by: li, on: county.db)
            }
            #expect(try await reports.shops(by: li, on: county.db).isEmpty)
            #expect(try await reports.shops(by: wang, on: county.db).map(\.shop.shopRef) == ["丁楼汉服小铺"])
            // The registry counts it like any imported shop.
            let entries = try await ShopRegistry(context: context).entries(month: nil, by: nil, on: county.db)
            #expect(entries.contains { $0.platform == "pinduoduo" && $0.mainCategory == "costumes" })
            let buyer = Principal(accountID: UUID(), grants: [RoleGrant(role: .buyer)])
            await #expect(throws: Problem.self) { try await reports.shops(by: buyer, on: county.db) }
        }
    }
}
