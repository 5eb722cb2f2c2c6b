import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Marketplace
import Testing
import Vapor
import VaporTesting

/// The producer's reseller settings and the reseller's sourcing page, through the whole stack.
@Suite("Web: sourcing pages", .serialized)
struct WebSourcingPageTests {
    static let hanfu = DemoMarket.id("shop.hanfu")
    static let cloak = DemoMarket.id("variant.CL-WHITE")

    @Test(arguments: TestStore.available)
    func aProducerOffersAResellerListsAndBadFormsWriteNothing(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let cloakProduct = try #require(try await Variant.find(Self.cloak, on: app.db)).$product.id
            let key = Self.cloak.uuidString.lowercased()
            var producer = try await WebMarketPageTests.signedIn(app, "seller")
            let page = try await producer.get("/shops/\(Self.hanfu)/resellers")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("汉服披风"))
            let offer: [(String, String)] = [
                ("product", cloakProduct.uuidString), ("audience", "everyone"), ("base-\(key)", "60"),
                ("from-\(key)", "5"), ("bulk-\(key)", "55.5"),
            ]
            // No token, and tiers that rise with quantity: refused, nothing written.
            #expect(
                try await producer.post("/shops/\(Self.hanfu)/resellers/offer", offer, csrf: .omit).status == .forbidden
            )
            try await producer.get("/shops/\(Self.hanfu)/resellers")
            let rising = try await producer.post(
                "/shops/\(Self.hanfu)/resellers/offer",
                [
                    ("product", cloakProduct.uuidString), ("base-\(key)", "50"), ("from-\(key)", "5"),
                    ("bulk-\(key)", "70"),
                ])
            #expect(rising.status == .badRequest)
            #expect(rising.body.string.contains("class=\"alert\""))
            #expect(try await SourcingOffer.query(on: app.db).count() == 0)
            let saved = try await producer.post("/shops/\(Self.hanfu)/resellers/offer", offer)
            #expect(saved.status == .seeOther)
            #expect(try await WholesaleTier.query(on: app.db).filter(\.$variant.$id == Self.cloak).count() == 2)

            // A new seller's shop sees the offer; below wholesale is explained and writes nothing.
            _ = try await app.registerAndLogIn("peddler", role: "seller")
            var reseller = WebBrowser(app, acceptLanguage: "en")
            try await reseller.get("/login")
            try await reseller.post("/login", [("username", "peddler"), ("password", "correct horse")])
            let account = try #require(try await Account.query(on: app.db).filter(\.$username == "peddler").first())
            let village = try #require(try await Village.query(on: app.db).first())
            let shop = try await ShopService(context: app.jishi.marketplace).open(
                .init(name: "<script>alert(1)</script>", villageID: try village.requireID(), kind: .individual),
                by: Principal(accountID: try account.requireID(), grants: [RoleGrant(role: .seller)]), on: app.db)
            let shopID = try shop.requireID()
            let sourcing = try await reseller.get("/shops/\(shopID)/sourcing")
            #expect(sourcing.status == .ok)
            // The account reads Chinese, as registration leaves it.
            #expect(sourcing.body.string.contains("5件起：每件¥55.50"))
            #expect(!sourcing.body.string.contains("<script>alert(1)</script>"))
            let products = try await Product.query(on: app.db).count()
            let cheap = try await reseller.post(
                "/shops/\(shopID)/sourcing/link", [("product", cloakProduct.uuidString), ("price-\(key)", "59.99")])
            #expect(cheap.status == .badRequest)
            #expect(cheap.body.string.contains("不能低于批发价。"))
            #expect(try await Product.query(on: app.db).count() == products)
            let listed = try await reseller.post(
                "/shops/\(shopID)/sourcing/link", [("product", cloakProduct.uuidString), ("price-\(key)", "99")])
            #expect(listed.status == .seeOther)
            #expect(try await Product.query(on: app.db).filter(\.$sourceProductID == cloakProduct).count() == 1)

            // Someone else's shop's pages are not found.
            #expect(try await reseller.get("/shops/\(Self.hanfu)/resellers").status == .notFound)
            #expect(try await producer.get("/shops/\(shopID)/sourcing").status == .notFound)
        }
    }
}
