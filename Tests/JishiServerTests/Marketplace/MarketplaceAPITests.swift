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

@Suite("Marketplace API: shop → product → checkout → payment → order")
struct MarketplaceAPITests {
    static func delivery(_ village: String? = nil) -> String {
        let villagePart = village.map { #","villageId":"\#($0)""# } ?? ""
        return #"{"name":"李敏","phone":"13800000000","addressLine":"上海市静安区 1 号"\#(villagePart)}"#
    }

    @Test(arguments: TestStore.available)
    func theCoreFlow(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let seller = try await app.logIn("seller", password: DemoCounty.password)
            let village = try #require(
                try await Village.query(on: app.db).filter(\.$nameEn == "Dingzhuang").first()?.requireID())
            let shopResponse = try await app.send(
                .POST, "/api/v1/shops", json: #"{"name":"丁庄演出服","villageId":"\#(village)","kind":"individual"}"#,
                token: seller)
            #expect(shopResponse.status == .created)
            let shopID = try #require(try shopResponse.json()["id"] as? String)

            let costumes = CategoryTaxonomy.id(for: "costumes")
            let productResponse = try await app.send(
                .POST, "/api/v1/shops/\(shopID)/products",
                json:
                    #"{"title":"儿童演出服","description":"红色","categoryId":"\#(costumes)","variants":[{"sku":"R110","priceMinor":8800,"currency":"CNY","stock":3}]}"#,
                token: seller)
            #expect(productResponse.status == .created, "\(productResponse.body.string)")
            let product = try productResponse.json()
            let productID = try #require(product["id"] as? String)
            let variant = try #require((product["variants"] as? [[String: Any]])?.first)
            let variantID = try #require(variant["id"] as? String)
            #expect(variant["stock"] as? Int == 3)
            // Listed products are searchable at once, by a single character or a word.
            for query in ["演", "演出服"] {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? query
                let hits = try await app.send(.GET, "/api/v1/search?q=\(encoded)").json()["items"] as? [[String: Any]]
                #expect(hits?.contains { $0["productId"] as? String == productID } == true, "\(query)")
            }

            let buyer = try await app.logIn("buyer", password: DemoCounty.password)
            let checkoutBody =
                #"{"items":[{"variantId":"\#(variantID)","quantity":2}],"delivery":\#(Self.delivery(village.uuidString)),"paymentMethod":"online"}"#
            let first = try await app.send(
                .POST, "/api/v1/checkout", json: checkoutBody, token: buyer,
                headers: [("Idempotency-Key", "checkout-0001")])
            #expect(first.status == .created, "\(first.body.string)")
            let checkout = try first.json()
            let checkoutID = try #require(checkout["checkoutId"] as? String)
            #expect(checkout["totalMinor"] as? Int == 17_600)
            let retry = try await app.send(
                .POST, "/api/v1/checkout", json: checkoutBody, token: buyer,
                headers: [("Idempotency-Key", "checkout-0001")])
            #expect(try retry.json()["checkoutId"] as? String == checkoutID)
            let stock = try await app.send(.GET, "/api/v1/products/\(productID)").json()
            #expect((stock["variants"] as? [[String: Any]])?.first?["stock"] as? Int == 1)

            // Two more do not fit: nothing is reserved, the short variant is named.
            try await app.send(
                .POST, "/api/v1/checkout",
                json: checkoutBody.replacingOccurrences(of: #""quantity":2"#, with: #""quantity":2 "#),
                token: buyer, headers: [("Idempotency-Key", "checkout-0002")]
            ).expectProblem(.insufficientStock, field: "items")
            try await app.send(.POST, "/api/v1/checkout", json: checkoutBody, token: buyer)
                .expectProblem(.validation, field: "Idempotency-Key")

            let declined = try await app.send(
                .POST, "/api/v1/checkouts/\(checkoutID)/payments",
                json: #"{"provider":"sandbox","token":"tok_decline"}"#,
                token: buyer, headers: [("Idempotency-Key", "payment-0001")])
            try declined.expectProblem(.paymentDeclined, status: 402)
            let paid = try await app.send(
                .POST, "/api/v1/checkouts/\(checkoutID)/payments", json: #"{"provider":"sandbox","token":"tok_ok"}"#,
                token: buyer, headers: [("Idempotency-Key", "payment-0002")])
            #expect(paid.status == .created, "\(paid.body.string)")
            let orders = try #require(try paid.json()["orders"] as? [[String: Any]])
            #expect(orders.allSatisfy { $0["status"] as? String == "paid" })
            let orderID = try #require(orders.first?["id"] as? String)

            let order = try await app.send(.GET, "/api/v1/orders/\(orderID)", token: buyer).json()
            #expect(
                (order["history"] as? [[String: Any]])?.compactMap { $0["to"] as? String } == [
                    "pending_payment", "paid",
                ])
            #expect((order["lines"] as? [[String: Any]])?.first?["quantity"] as? Int == 2)
            #expect(try await app.send(.GET, "/api/v1/orders/\(orderID)", token: seller).status == .ok)
            let stranger = try await app.registerAndLogIn("stranger")
            try await app.send(.GET, "/api/v1/orders/\(orderID)", token: stranger).expectProblem(.notFound)
            try await app.send(.POST, "/api/v1/orders/\(orderID)/cancel", json: "{}", token: buyer)
                .expectProblem(.invalidTransition)
        }
    }

    @Test func buyersCannotOpenShopsAndBadProductsWriteNothing() async throws {
        try await withTestApp(seedDemo: true) { app in
            let village = try #require(try await Village.query(on: app.db).first()?.requireID())
            let buyer = try await app.logIn("buyer", password: DemoCounty.password)
            try await app.send(
                .POST, "/api/v1/shops", json: #"{"name":"x","villageId":"\#(village)","kind":"individual"}"#,
                token: buyer
            ).expectProblem(.forbidden)
            let seller = try await app.logIn("seller", password: DemoCounty.password)
            try await app.send(
                .POST, "/api/v1/shops", json: #"{"name":"x","villageId":"\#(UUID())","kind":"individual"}"#,
                token: seller
            ).expectProblem(.notFound, field: "villageId")
            let shop = try await app.send(
                .POST, "/api/v1/shops", json: #"{"name":"x","villageId":"\#(village)","kind":"individual"}"#,
                token: seller
            ).json()
            let shopID = try #require(shop["id"] as? String)
            let costumes = CategoryTaxonomy.id(for: "costumes")
            for (variants, field) in [
                (#"[{"sku":"A","priceMinor":0,"currency":"CNY","stock":1}]"#, "variants[0].priceMinor"),
                (#"[{"sku":"A","priceMinor":100,"currency":"CNY","stock":-1}]"#, "variants[0].stock"),
                (
                    #"[{"sku":"A","priceMinor":100,"currency":"CNY","stock":1},{"sku":"A","priceMinor":100,"currency":"CNY","stock":1}]"#,
                    "variants[1].sku"
                ),
                (#"[]"#, "variants"),
                (#"[{"sku":"A","priceMinor":100,"currency":"USD","stock":1}]"#, "variants[0].currency"),
            ] {
                try await app.send(
                    .POST, "/api/v1/shops/\(shopID)/products",
                    json: #"{"title":"t","categoryId":"\#(costumes)","variants":\#(variants)}"#, token: seller
                ).expectProblem(.validation, field: field)
            }
            try await app.send(
                .POST, "/api/v1/shops/\(shopID)/products",
                json:
                    #"{"title":"t","categoryId":"\#(costumes)","variants":[{"sku":"A","priceMinor":100,"currency":"CNY","stock":1}]}"#,
                token: buyer
            ).expectProblem(.notFound, field: "shopId")
            #expect(try await Product.query(on: app.db).count() == 0)
            #expect(try await Variant.query(on: app.db).count() == 0)
        }
    }
}
