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

/// One text rule for every free-text field on both stores: PostgreSQL answered 500 to a NUL in a
/// product title, a shop name or a delivery address (SQLite stored it), and titles took
/// right-to-left overrides ("abc\u{202E}gpj.exe" reads as "abcexe.jpg"), escapes and separators.
@Suite("Free text")
struct FreeTextTests {
    /// NUL, a right-to-left override, an ANSI escape, a C1 control, a line separator, an isolate.
    static let forbidden = ["\\u0000", "\\u202e", "\\u001b[31m", "\\u0085", "\\u2028", "\\u2066"]

    @Test(arguments: TestStore.available)
    func forbiddenCharactersAreRefusedByNameAndWriteNothing(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let market = try await MarketplaceAPIFixture.make(app)
            let category = CategoryTaxonomy.id(for: "furniture").uuidString
            func product(title: String = "凳", description: String = "", sku: String = "S", name: String = "")
                -> String
            {
                #"{"title":"\#(title)","description":"\#(description)","categoryId":"\#(category)","variants":[{"sku":"\#(sku)","name":"\#(name)","priceMinor":100,"currency":"CNY","stock":1}]}"#
            }
            func delivery(name: String = "李敏", address: String = "村口") -> String {
                #"{"items":[{"variantId":"\#(market.variantID)","quantity":1}],"delivery":{"name":"\#(name)","phone":"13800000000","addressLine":"\#(address)","villageId":"\#(market.villageID)"},"paymentMethod":"online"}"#
            }
            let village = market.villageID.uuidString
            let products = "/api/v1/shops/\(market.shopID)/products"
            let cases: [(path: String, json: (String) -> String, field: String)] = [
                (products, { product(title: "abc\($0)gpj.exe") }, "title"),
                (products, { product(description: "好\($0)货") }, "description"),
                (products, { product(sku: "S\($0)1") }, "variants[0].sku"),
                (products, { product(name: "红\($0)") }, "variants[0].name"),
                ("/api/v1/checkout", { delivery(name: "李\($0)敏") }, "delivery.name"),
                ("/api/v1/checkout", { delivery(address: "村口\($0)") }, "delivery.addressLine"),
                (
                    "/api/v1/shops", { #"{"name":"家具\#($0)","villageId":"\#(village)","kind":"individual"}"# },
                    "name"
                ),
                (
                    "/api/v1/shops",
                    { #"{"name":"家具","description":"\#($0)","villageId":"\#(village)","kind":"individual"}"# },
                    "description"
                ),
            ]
            let before = (
                try await Product.query(on: app.db).count(), try await Shop.query(on: app.db).count(),
                try await Order.query(on: app.db).count()
            )
            for item in cases {
                for character in Self.forbidden {
                    let token = item.path.hasSuffix("checkout") ? market.buyer : market.seller
                    let response = try await app.send(
                        .POST, item.path, json: item.json(character), token: token,
                        headers: [("Idempotency-Key", UUID().uuidString)])
                    try response.expectProblem(.validation, field: item.field)
                }
            }
            let after = (
                try await Product.query(on: app.db).count(), try await Shop.query(on: app.db).count(),
                try await Order.query(on: app.db).count()
            )
            #expect(before == after)
            // Line breaks and tabs are text where a field has lines, and not where it has one.
            let described = try await app.send(
                .POST, products, json: product(description: "第一行\\n第二行\\t完"), token: market.seller)
            #expect(described.status == .created, "\(described.body.string)")
            try await app.send(.POST, products, json: product(title: "一\\n二"), token: market.seller)
                .expectProblem(.validation, field: "title")
        }
    }

    /// The rule is the domain's: a service refuses what the API would, whoever calls it.
    @Test(arguments: TestStore.available)
    func theDomainRefusesWhatTheAPIWould(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let market = try await MarketplaceAPIFixture.make(app)
            let seller = try await app.jishi.tokens.principal(forToken: market.seller, on: app.db)
            let shopID = try #require(UUID(uuidString: market.shopID))
            for title in ["a\u{0}b", "abc\u{202E}gpj.exe", "x\u{1B}[2J", "p\u{2029}q"] {
                await #expect(throws: Problem.self) {
                    try await app.jishi.shops.update(
                        shopID, name: title, description: nil, by: seller, on: app.db)
                }
            }
            #expect(try await Shop.find(shopID, on: app.db)?.name == "大营家具")
        }
    }

    @Test(arguments: TestStore.available)
    func webFormsFollowTheSameRule(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            var browser = WebBrowser(app)
            try await browser.get("/login")
            try await browser.post("/login", [("username", "seller"), ("password", DemoCounty.password)])
            try await browser.get("/shops/new")
            let village = try #require(try await Village.query(on: app.db).first()?.requireID()).uuidString
            let shops = try await Shop.query(on: app.db).count()
            let response = try await browser.post(
                "/shops/new", [("name", "abc\u{202E}gpj.exe"), ("village", village), ("kind", "individual")])
            #expect(response.status == .badRequest, "\(response.body.string)")
            #expect(try await Shop.query(on: app.db).count() == shops)
        }
    }
}
