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

@Suite("Insights API and pages: quality, prices and their alerts")
struct QualityAPITests {
    @Test(arguments: TestStore.available)
    func refundsRaiseAnAlertTheOfficeAcknowledgesAndCloses(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app, stock: 20, priceMinor: 5_000)
            var orders: [String] = []
            for _ in 0..<5 { orders.append(try await fixture.paidOrder()) }
            for order in orders.prefix(2) {
                let requested = try await app.send(
                    .POST, "/api/v1/orders/\(order)/refunds", json: #"{"amountMinor":5000,"reason":"颜色不对"}"#,
                    token: fixture.buyer)
                #expect(requested.status == .created, "\(requested.body.string)")
                let refund = try #require(try requested.json()["id"] as? String)
                let approved = try await app.send(.POST, "/api/v1/refunds/\(refund)/approve", token: fixture.seller)
                #expect(try approved.json()["status"] as? String == "refunded")
            }
            let official = try await app.logIn("official", password: DemoCounty.password)
            let month = Months.month(of: Date())
            let village = try #require(try await Village.find(fixture.villageID, on: app.db)).code

            let rows = try await app.send(.GET, "/api/v1/insights/quality?month=\(month)", token: official).jsonArray()
            let row = try #require(
                rows.first { $0["level"] as? String == "village" && $0["code"] as? String == village })
            #expect(row["orders"] as? Int == 5)
            #expect(row["refundedOrders"] as? Int == 2)
            #expect(row["refundRate"] as? Double == 0.4)
            let category = try #require(rows.first { $0["level"] as? String == "category" })
            #expect(category["medianPriceMinor"] as? Int == 5_000)

            let raised = try await app.send(.POST, "/api/v1/insights/alerts/detect?month=\(month)", token: official)
            #expect(raised.status == .ok, "\(raised.body.string)")
            let alerts = try raised.jsonArray()
            let alert = try #require(alerts.first { $0["kind"] as? String == "refund_rate" })
            #expect(alert["subject"] as? String == village)
            #expect(alert["value"] as? Double == 0.4)
            // Looking again raises nothing new.
            #expect(
                try await app.send(.POST, "/api/v1/insights/alerts/detect?month=\(month)", token: official)
                    .jsonArray().isEmpty)
            let id = try #require(alert["id"] as? String)
            try await app.send(
                .POST, "/api/v1/insights/alerts/\(id)/decision", json: #"{"status":"acknowledged","note":"  "}"#,
                token: official
            ).expectProblem(.validation, field: "note")
            let acknowledged = try await app.send(
                .POST, "/api/v1/insights/alerts/\(id)/decision",
                json: #"{"status":"acknowledged","note":"镇电商办已约谈店主"}"#, token: official)
            #expect(try acknowledged.json()["status"] as? String == "acknowledged")
            let closed = try await app.send(
                .POST, "/api/v1/insights/alerts/\(id)/decision", json: #"{"status":"closed","note":"已整改"}"#,
                token: official)
            #expect(try closed.json()["status"] as? String == "closed")
            try await app.send(
                .POST, "/api/v1/insights/alerts/\(id)/decision", json: #"{"status":"closed","note":"再次"}"#,
                token: official
            ).expectProblem(.conflict)
            let open = try await app.send(.GET, "/api/v1/insights/alerts?status=open", token: official).jsonArray()
            #expect(!open.contains { $0["id"] as? String == id })

            // The rules: read by readers, set by the county's office, within their ranges.
            let rules = try await app.send(.GET, "/api/v1/insights/quality-rules", token: official).json()
            #expect(rules["refundRate"] as? Double == 0.15)
            let set = try await app.send(
                .PUT, "/api/v1/insights/quality-rules",
                json: #"{"priceDropShare":0.25,"refundRate":0.5,"rating":3,"minimumOrders":3,"minimumReviews":2}"#,
                token: official)
            #expect(try set.json()["refundRate"] as? Double == 0.5)
            try await app.send(
                .PUT, "/api/v1/insights/quality-rules",
                json: #"{"priceDropShare":0.95,"refundRate":0.5,"rating":3,"minimumOrders":3,"minimumReviews":2}"#,
                token: official
            ).expectProblem(.validation, field: "priceDropShare")

            // A town's official of another town sees no alert there; a seller nothing at all.
            let other = try #require(try await Town.query(on: app.db).filter(\.$nameEn == "Qinghe Township").first())
            let stranger = try await app.tokenForNewAccount(
                "official-qinghe", grant: RoleGrant(role: .official, scope: .town(try other.requireID())))
            #expect(try await app.send(.GET, "/api/v1/insights/alerts", token: stranger).jsonArray().isEmpty)
            try await app.send(
                .POST, "/api/v1/insights/alerts/\(id)/decision", json: #"{"status":"closed","note":"x"}"#,
                token: stranger
            ).expectProblem(.notFound)
            try await app.send(.GET, "/api/v1/insights/alerts", token: fixture.seller).expectProblem(.forbidden)
            try await app.send(.POST, "/api/v1/insights/alerts/detect", token: stranger).expectProblem(.forbidden)

            // The page, in both languages.
            for language in ["zh-Hans", "en"] {
                var browser = try await WebBrowser.signedIn(app, "official", acceptLanguage: language)
                let page = try await browser.get("/insights/quality?month=\(month)")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("id=\"alert-\(id)\""))
                #expect(page.body.string.contains("id=\"quality-\(village)\""))
            }
        }
    }
}
