import Community
import DomainTesting
import FluentKit
import Foundation
import Insights
import JishiKit
import JishiServer
import JishiServerTesting
import Marketplace
import Testing
import Vapor
import VaporTesting

@Suite("Insights API and pages: imports, recognition in the reader's scope, CSV and the printable report")
struct RecognitionAPITests {
    static let csv: [(String, String)] = [("Accept", "text/csv")]
    static let dingzhuang = "371799101201"  // 312 households
    static let daying = "371799101"

    /// 32 Taobao shops in 丁庄村, each with an order in April, May and June 2026 and CNY 312,500
    /// of sales in June: CNY 10 million and 32 active shops of 312 households (over 10 %).
    static var shops: String {
        (["platform,shop_ref,kind,village_code,opened_on,closed_on"]
            + (1...32).map { "taobao,DZ\($0),individual,\(dingzhuang),2025-0\($0 % 9 + 1)-01," }).joined(
                separator: "\n")
    }

    static var sales: String {
        var lines = ["platform,shop_ref,month,orders,sales_minor"]
        for shop in 1...32 {
            lines += [
                "taobao,DZ\(shop),2026-04,1,0", "taobao,DZ\(shop),2026-05,1,0", "taobao,DZ\(shop),2026-06,2,31250000",
            ]
        }
        return lines.joined(separator: "\n")
    }

    static func upload(_ app: Application, _ kind: String, _ text: String, token: String) async throws
        -> TestingHTTPResponse
    {
        try await app.send(
            .POST, "/api/v1/insights/imports/\(kind)", bytes: Data(text.utf8), contentType: "text/csv", token: token)
    }

    @Test(arguments: TestStore.available)
    func theCountyLoadsItsSellersFiguresAndReadsItsTaobaoVillages(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let official = try await app.logIn("official", password: DemoCounty.password)
            let shops = try await Self.upload(app, "shops", Self.shops, token: official)
            #expect(shops.status == .ok, "\(shops.body.string)")
            #expect(try shops.json()["added"] as? Int == 32)
            let sales = try await Self.upload(app, "sales", Self.sales, token: official)
            #expect(sales.status == .ok, "\(sales.body.string)")
            #expect(try sales.json()["rows"] as? Int == 96)

            let report = try await app.send(.GET, "/api/v1/insights/recognition?year=2026", token: official)
            #expect(report.status == .ok, "\(report.body.string)")
            let body = try report.json()
            #expect(body["year"] as? Int == 2026)
            let villages = try #require(body["villages"] as? [[String: Any]])
            #expect(villages.count == DemoCounty.villageCount)
            let ding = try #require(villages.first { $0["code"] as? String == Self.dingzhuang })
            #expect(ding["recognised"] as? Bool == true)
            #expect(ding["salesMinor"] as? Int == 1_000_000_000)
            #expect(ding["activeShops"] as? Int == 32)
            #expect(ding["households"] as? Int == 312)
            #expect(Set(ding.keys) == ["code", "recognised", "salesMinor", "activeShops", "households"])
            let towns = try #require(body["towns"] as? [[String: Any]])
            #expect(towns.first { $0["code"] as? String == Self.daying }?["taobaoVillages"] as? Int == 1)
            let counties = try #require(body["counties"] as? [[String: Any]])
            #expect(counties.count == 1 && counties.first?["cluster"] as? String == "none")
            // The year before saw none of it.
            let before = try await app.send(.GET, "/api/v1/insights/recognition?year=2025", token: official).json()
            #expect(
                (before["villages"] as? [[String: Any]])?.first { $0["code"] as? String == Self.dingzhuang }?[
                    "recognised"] as? Bool == false)

            let csv = try await app.send(
                .GET, "/api/v1/insights/recognition/csv?year=2026", token: official, headers: Self.csv)
            #expect(csv.status == .ok)
            let lines = csv.body.string.split(separator: "\r\n").map(String.init)
            #expect(lines.first == RecognitionExport.csvHeader)
            #expect(
                lines.contains {
                    $0.hasPrefix(
                        "2026,village,\(Self.dingzhuang),丁庄村,\(Self.daying),administrative,true,household_share,1000000000,32,312"
                    )
                })
            #expect(lines.count == 1 + DemoCounty.villageCount + DemoCounty.towns.count + 1)

            // A town's official sees the town and its villages, not the county; others nothing.
            let daying = try #require(try await Town.query(on: app.db).filter(\.$code == Self.daying).first())
            let townOfficial = try await app.tokenForNewAccount(
                "official-daying", grant: RoleGrant(role: .official, scope: .town(try daying.requireID())))
            let scoped = try await app.send(.GET, "/api/v1/insights/recognition?year=2026", token: townOfficial).json()
            #expect((scoped["towns"] as? [[String: Any]])?.map { $0["code"] as? String } == [Self.daying])
            #expect((scoped["villages"] as? [[String: Any]])?.count == 8)
            #expect((scoped["counties"] as? [[String: Any]])?.isEmpty == true)
            for username in ["seller", "buyer", "courier", "agent"] {
                let token = try await app.logIn(username, password: DemoCounty.password)
                try await app.send(.GET, "/api/v1/insights/recognition?year=2026", token: token)
                    .expectProblem(.forbidden)
                try await Self.upload(app, "shops", Self.shops, token: token).expectProblem(.forbidden)
            }
            try await app.send(.GET, "/api/v1/insights/recognition?year=2026").expectProblem(.unauthenticated)
            // A town official may not load the county's figures, nor anyone but an admin of
            // everywhere the division list.
            try await Self.upload(app, "shops", Self.shops, token: townOfficial).expectProblem(.forbidden)
            try await Self.upload(app, "geography", "county_code\n", token: official).expectProblem(.forbidden)
            try await app.send(.GET, "/api/v1/insights/recognition?year=2008", token: official)
                .expectProblem(.validation)
        }
    }

    @Test(arguments: TestStore.available)
    func aBadFileIsOneProblemNamingEveryLineAndWritesNothing(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let admin = try await app.logIn("admin", password: DemoCounty.password)
            let file =
                Self.shops
                + "\ntaobao,DZ99,individual,000000000000,2025-13-01,\ntaobao,DZ1,individual,\(Self.dingzhuang),2025-01-01,"
            let refused = try await Self.upload(app, "shops", file, token: admin)
            try refused.expectProblem(.validation, field: "line 34.village_code")
            let detail = try refused.json()["detail"] as? String ?? ""
            #expect(detail.contains("line 34.opened_on"))
            #expect(detail.contains("line 35.shop_ref"))
            #expect(try await PlatformShop.query(on: app.db).filter(\.$platform == "taobao").count() == 0)

            // The admin of everywhere loads the division list: a new village in 大营镇.
            let geography = """
                county_code,county_name,town_code,town_name,town_kind,village_code,village_name,village_kind,households,latitude,longitude
                371799,大集县,371799101,大营镇,town,371799101209,新庄村,administrative,120,34.90,115.60
                """
            let loaded = try await Self.upload(app, "geography", geography, token: admin)
            #expect(loaded.status == .ok, "\(loaded.body.string)")
            #expect(try loaded.json()["added"] as? Int == 1)
            #expect(try await Village.query(on: app.db).count() == DemoCounty.villageCount + 1)
        }
    }

    @Test(arguments: TestStore.available)
    func jishisOwnPaidOrdersCountAsSalesOfTheirShopsVillages(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await DemoMarket.load(on: app.db, services: app.jishi)
            let official = try await app.logIn("official", password: DemoCounty.password)
            let year = Int(Months.month(of: Date()).prefix(4))! + (Months.month(of: Date()).suffix(2) >= "07" ? 1 : 0)
            // What the marketplace holds: paid orders less refunds, by their shops' villages.
            var expected: [UUID: Int64] = [:]
            for order in try await Order.query(on: app.db).with(\.$shop).all()
            where [.paid, .shipped, .delivered, .completed].contains(order.status) {
                let refunded = try await Refund.query(on: app.db).filter(\.$order.$id == order.requireID())
                    .filter(\.$status == .refunded).all().reduce(Int64(0)) { $0 + $1.amountMinor }
                expected[order.shop.$village.id, default: 0] += order.totalMinor - refunded
            }
            #expect(!expected.isEmpty)
            // Readers arriving together bring the registry up to date once, none of them failing.
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await app.send(.GET, "/api/v1/insights/recognition?year=\(year)", token: official).status
                            .code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses == [200, 200, 200, 200])
            let body = try await app.send(.GET, "/api/v1/insights/recognition?year=\(year)", token: official).json()
            let villages = try #require(body["villages"] as? [[String: Any]])
            for (villageID, sales) in expected {
                let code = try #require(try await Village.find(villageID, on: app.db)).code
                #expect(villages.first { $0["code"] as? String == code }?["salesMinor"] as? Int == Int(sales))
            }
            #expect(
                try await PlatformShop.query(on: app.db).filter(\.$platform == "jishi").count()
                    == (try await Shop.query(on: app.db).count()))
        }
    }
}
