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

@Suite("Insights API and pages: the design registry and copy alerts")
struct DesignAPITests {
    static let hanfuShop = UUID(stableName: "jishi.demo-market.shop.hanfu").uuidString.lowercased()

    @Test(arguments: TestStore.available)
    func theDemosCopyIsSeenByEachSideDisputedDecidedAndUnlisted(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await DemoMarket.load(on: app.db, services: app.jishi)
            try await DesignsDemo.load(on: app.db, services: app.jishi)
            let official = try await app.logIn("official", password: DemoCounty.password)
            let seller = try await app.logIn("seller", password: DemoCounty.password)
            let buyer = try await app.logIn("buyer", password: DemoCounty.password)

            let seen = try await app.send(.GET, "/api/v1/insights/design-alerts", token: official)
            #expect(seen.status == .ok, "\(seen.body.string)")
            let alert = try #require(try seen.json()["items"] as? [[String: Any]]).first
            let id = try #require(alert?["id"] as? String)
            #expect(alert?["sides"] as? [String] == ["office"])
            #expect(alert?["productTitle"] as? String == "马面裙 新款撞色 汉服")
            #expect((alert?["filingNumber"] as? String)?.hasPrefix("SJ") == true)
            let productID = try #require(alert?["productId"] as? String)
            let sellers = try await app.send(.GET, "/api/v1/insights/design-alerts", token: seller).json()
            #expect(
                ((sellers["items"] as? [[String: Any]])?.first?["sides"] as? [String]).map(Set.init)
                    == ["filer", "seller"])
            #expect(
                try await app.send(.GET, "/api/v1/insights/design-alerts", token: buyer).json()["items"] as? [Any]
                    != nil)
            #expect(
                (try await app.send(.GET, "/api/v1/insights/design-alerts", token: buyer).json()["items"] as? [Any])?
                    .isEmpty == true)

            // The office may not make a statement; nobody unlists before the decision.
            try await app.send(
                .POST, "/api/v1/insights/design-alerts/\(id)/statements", json: #"{"statement":"我们看看"}"#,
                token: official
            ).expectProblem(.forbidden)
            try await app.send(.POST, "/api/v1/insights/design-alerts/\(id)/unlisting", token: official)
                .expectProblem(.conflict)
            try await app.send(
                .POST, "/api/v1/insights/design-alerts/\(id)/decision", json: #"{"decision":"copy","note":"是"}"#,
                token: buyer
            ).expectProblem(.notFound)

            let stated = try await app.send(
                .POST, "/api/v1/insights/design-alerts/\(id)/statements",
                json: #"{"statement":"2026年备案在先，照片为原创。"}"#, token: seller)
            #expect(try stated.json()["status"] as? String == "disputed", "\(stated.body.string)")
            #expect(try stated.json()["filerStatement"] as? String == "2026年备案在先，照片为原创。")

            try await app.send(
                .POST, "/api/v1/insights/design-alerts/\(id)/decision", json: #"{"decision":"copy","note":" "}"#,
                token: official
            ).expectProblem(.validation, field: "note")
            let decided = try await app.send(
                .POST, "/api/v1/insights/design-alerts/\(id)/decision",
                json: #"{"decision":"copy","note":"照片与备案外观一致，仅改了颜色。"}"#, token: official)
            #expect(try decided.json()["decision"] as? String == "copy", "\(decided.body.string)")
            try await app.send(
                .POST, "/api/v1/insights/design-alerts/\(id)/decision", json: #"{"decision":"not-copy","note":"改判"}"#,
                token: official
            ).expectProblem(.conflict)

            let unlisted = try await app.send(
                .POST, "/api/v1/insights/design-alerts/\(id)/unlisting", token: official)
            #expect(try unlisted.json()["productListed"] as? Bool == false, "\(unlisted.body.string)")
            #expect(try unlisted.json()["unlistedAt"] as? String != nil)
            #expect(
                try await app.send(.POST, "/api/v1/insights/design-alerts/\(id)/unlisting", token: official)
                    .json()["unlistedAt"] as? String == (try unlisted.json()["unlistedAt"] as? String))
            try await app.send(.PATCH, "/api/v1/products/\(productID)", json: #"{"listed":true}"#, token: seller)
                .expectProblem(.conflict)
            try await app.send(.GET, "/api/v1/products/\(productID)").expectProblem(.notFound)
        }
    }

    @Test(arguments: TestStore.available)
    func aSellerFilesADesignWithPhotosAndOthersDoNotSeeIt(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await DemoMarket.load(on: app.db, services: app.jishi)
            try await DesignsDemo.load(on: app.db, services: app.jishi)
            let seller = try await app.logIn("seller", password: DemoCounty.password)
            let buyer = try await app.logIn("buyer", password: DemoCounty.password)
            let official = try await app.logIn("official", password: DemoCounty.password)
            let costumes = CategoryTaxonomy.id(for: "costumes").uuidString
            let body =
                #"{"shopId":"\#(Self.hanfuShop)","title":"唐制襦裙 原创","description":"齐胸襦裙，丁庄原创。","categoryId":"\#(costumes)"}"#
            try await app.send(.POST, "/api/v1/insights/designs", json: body, token: buyer).expectProblem(.notFound)
            try await app.send(
                .POST, "/api/v1/insights/designs",
                json: #"{"shopId":"\#(Self.hanfuShop)","title":"","description":"x","categoryId":"\#(costumes)"}"#,
                token: seller
            ).expectProblem(.validation, field: "title")
            let filed = try await app.send(.POST, "/api/v1/insights/designs", json: body, token: seller)
            #expect(filed.status == .created, "\(filed.body.string)")
            let id = try #require(try filed.json()["id"] as? String)
            #expect(
                (try filed.json()["number"] as? String)?.range(of: #"^SJ\d{8}-\d{4}$"#, options: .regularExpression)
                    != nil)

            let set = try LabelledDesigns.generate(designs: 1, unrelated: 0, side: 160, seed: 11)
            try await app.send(
                .POST, "/api/v1/insights/designs/\(id)/photos", bytes: Data("not an image".utf8),
                contentType: "image/png", token: seller
            ).expectProblem(.validation, field: "photo")
            try await app.send(
                .POST, "/api/v1/insights/designs/\(id)/photos", bytes: set.designs[0].photo, contentType: "image/jpeg",
                token: buyer
            ).expectProblem(.notFound)
            let photo = try await app.send(
                .POST, "/api/v1/insights/designs/\(id)/photos", bytes: set.designs[0].photo, contentType: "image/jpeg",
                token: seller)
            #expect(photo.status == .created, "\(photo.body.string)")
            let url = try #require(try photo.json()["url"] as? String)
            #expect(try await app.send(.GET, url).status == .ok)

            let read = try await app.send(.GET, "/api/v1/insights/designs/\(id)", token: seller).json()
            #expect((read["photos"] as? [Any])?.count == 1)
            try await app.send(.GET, "/api/v1/insights/designs/\(id)", token: buyer).expectProblem(.notFound)
            #expect(
                (try await app.send(.GET, "/api/v1/insights/designs", token: buyer).json()["items"] as? [Any])?.isEmpty
                    == true)
            // The county's office sees every filing of its county.
            let listed = try await app.send(.GET, "/api/v1/insights/designs", token: official).json()
            #expect((listed["items"] as? [[String: Any]])?.contains { $0["id"] as? String == id } == true)

            // A scan on demand is the offices'.
            try await app.send(.POST, "/api/v1/insights/design-scans", token: buyer).expectProblem(.forbidden)
            let scanned = try await app.send(.POST, "/api/v1/insights/design-scans", token: official)
            #expect(scanned.status == .ok, "\(scanned.body.string)")
        }
    }
}
