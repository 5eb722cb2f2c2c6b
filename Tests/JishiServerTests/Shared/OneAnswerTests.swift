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

/// Rules that had two answers, one in the API and one in the pages, now live once in the
/// domain: each is asked through both and must answer the same.
@Suite("One answer per rule")
struct OneAnswerTests {
    /// A delivered order of the fixture's product, and its first line.
    static func deliveredOrder(_ market: MarketplaceAPIFixture) async throws -> (order: String, line: String) {
        let orderID = try await market.paidOrder()
        for step in ["ship", "deliver"] {
            let moved = try await market.app.send(.POST, "/api/v1/orders/\(orderID)/\(step)", token: market.seller)
            #expect(moved.status == .ok, "\(moved.body.string)")
        }
        let order = try await market.app.send(.GET, "/api/v1/orders/\(orderID)", token: market.buyer).json()
        let line = try #require((order["lines"] as? [[String: Any]])?.first?["id"] as? String)
        return (orderID, line)
    }

    @Test func aReviewersNameIsMaskedAlikeInTheAPIAndOnTheProductPage() async throws {
        try await withTestApp(seedDemo: true) { app in
            let market = try await MarketplaceAPIFixture.make(app)
            let (_, line) = try await Self.deliveredOrder(market)
            let review = try await app.send(
                .POST, "/api/v1/order-lines/\(line)/review",
                json: #"{"ratings":{"described":5,"service":5,"shipping":5},"text":"好凳子"}"#, token: market.buyer)
            #expect(review.status == .created, "\(review.body.string)")
            let reviews = try await app.send(.GET, "/api/v1/products/\(market.productID)/reviews").json()
            let masked = try #require((reviews["items"] as? [[String: Any]])?.first?["buyerName"] as? String)
            // 城里买家 李敏: the first character, then two stars, whatever the name's length.
            #expect(masked == Account.maskedName("城里买家 李敏") && masked == "城**")
            var visitor = WebBrowser(app)
            let page = try await visitor.get("/products/\(market.productID)").body.string
            #expect(page.contains(masked) && !page.contains("城***"))
        }
    }

    @Test func anOrdersHistoryComesInTheSameOrderFromTheAPIAndTheDomain() async throws {
        // A clock that stands still: every event has the same time, so only the tie-break orders them.
        let clock = TestClock()
        try await withTestApp(seedDemo: true, dependencies: clock.dependencies) { app in
            let market = try await MarketplaceAPIFixture.make(app)
            let (orderID, _) = try await Self.deliveredOrder(market)
            let api = try await app.send(.GET, "/api/v1/orders/\(orderID)", token: market.buyer).json()
            let history = try #require(api["history"] as? [[String: Any]]).compactMap { $0["to"] as? String }
            let order = try #require(try await Order.find(UUID(uuidString: orderID), on: app.db))
            let domain = try await OrderService.detail(of: order, on: app.db).events.map(\.to.rawValue)
            #expect(history == domain && history.count >= 3, "\(history) vs \(domain)")
        }
    }

    @Test func whatTheOrderPageOffersIsWhatTheAPIAllows() async throws {
        try await withTestApp(seedDemo: true) { app in
            let market = try await MarketplaceAPIFixture.make(app)
            var buyer = try await WebBrowser.signedIn(app, "buyer")
            // Unpaid: the buyer's page offers cancelling, and the API lets the buyer cancel.
            let (_, unpaid) = try await market.checkout()
            let unpaidID = try #require(unpaid.first)
            #expect(try await buyer.get("/orders/\(unpaidID)").body.string.contains(#"id="cancel-order""#))
            // Paid: the page no longer offers it, and the API refuses the buyer.
            let paidID = try await market.paidOrder()
            #expect(!(try await buyer.get("/orders/\(paidID)").body.string.contains(#"id="cancel-order""#)))
            try await app.send(.POST, "/api/v1/orders/\(paidID)/cancel", json: "{}", token: market.buyer)
                .expectProblem(.invalidTransition)
            #expect(
                try await app.send(.POST, "/api/v1/orders/\(unpaidID)/cancel", json: "{}", token: market.buyer).status
                    == .ok)
        }
    }

    @Test func aBlockedBuyerReachesTheSameConversationThroughTheAPIAndThePages() async throws {
        try await withTestApp(seedDemo: true) { app in
            let market = try await MarketplaceAPIFixture.make(app)
            let opened = try await app.send(
                .POST, "/api/v1/shops/\(market.shopID)/conversation", token: market.buyer)
            let conversation = try #require(try opened.json()["id"] as? String)
            #expect(
                try await app.send(.POST, "/api/v1/conversations/\(conversation)/block", token: market.seller).status
                    == .noContent)
            let api = try await app.send(.POST, "/api/v1/shops/\(market.shopID)/conversation", token: market.buyer)
            #expect(try api.json()["id"] as? String == conversation)
            var buyer = try await WebBrowser.signedIn(app, "buyer")
            try await buyer.get("/shops/\(market.shopID)")
            let page = try await buyer.post("/shops/\(market.shopID)/contact", [])
            #expect(page.headers.first(name: .location)?.hasPrefix("/messages/\(conversation.lowercased())") == true)
        }
    }

    @Test func aFieldsLimitIsTheSameOnTheFormAndInTheAPI() async throws {
        try await withTestApp(seedDemo: true) { app in
            let market = try await MarketplaceAPIFixture.make(app)
            let tooLong = String(repeating: "红", count: FieldLimits.variantName.upperBound + 1)
            let justRight = String(repeating: "红", count: FieldLimits.variantName.upperBound)
            func api(_ name: String) async throws -> TestingHTTPResponse {
                try await app.send(
                    .POST, "/api/v1/products/\(market.productID)/variants",
                    json: #"{"sku":"V-\#(name.count)","name":"\#(name)","priceMinor":100,"currency":"CNY","stock":1}"#,
                    token: market.seller)
            }
            try await api(tooLong).expectProblem(.validation, field: "name")
            #expect(try await api(justRight).status == .created)
            var seller = try await WebBrowser.signedIn(app, "seller")
            try await seller.get("/products/\(market.productID)/edit")
            let form = try await seller.post(
                "/products/\(market.productID)/variants",
                [("sku", "W-61"), ("name", tooLong), ("price", "1"), ("stock", "1")])
            #expect(form.status == .badRequest)
            #expect(form.body.string.contains(String(FieldLimits.variantName.upperBound)))
        }
    }
}
