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

@Suite("Cart API: one cart across shops, checked out and emptied in one step")
struct CartAPITests {
    @Test(arguments: TestStore.available)
    func checkoutWithoutItemsUsesTheCart(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let product = try await app.send(
                .POST, "/api/v1/shops/\(fixture.shopID)/products",
                json: """
                    {"title":"儿童演出服","description":"","categoryId":"\(CategoryTaxonomy.id(for: "costumes"))",
                     "variants":[{"sku":"A","priceMinor":1000,"currency":"CNY","stock":5},
                                 {"sku":"B","priceMinor":2500,"currency":"CNY","stock":5}]}
                    """, token: fixture.seller)
            #expect(product.status == .created, "\(product.body.string)")
            let variants = try #require(try product.json()["variants"] as? [[String: Any]]).compactMap {
                ($0["id"] as? String).flatMap(UUID.init(uuidString:))
            }
            try #require(variants.count == 2)
            func stock(of variant: UUID) async throws -> Int? { try await Variant.find(variant, on: app.db)?.stock }
            let buyer = fixture.buyer
            let delivery = #"{"name":"李敏","phone":"13800000000","addressLine":"上海市静安区 1 号"}"#

            try await app.send(
                .POST, "/api/v1/checkout", json: #"{"delivery":\#(delivery),"paymentMethod":"online"}"#,
                token: buyer, headers: [("Idempotency-Key", "empty-cart-1")]
            ).expectProblem(.missingField, field: "items")

            for (variant, quantity) in [(variants[0], 2), (variants[1], 1), (variants[1], 3)] {
                let cart = try await app.send(
                    .PUT, "/api/v1/cart/items/\(variant)", json: #"{"quantity":\#(quantity)}"#, token: buyer
                )
                #expect(cart.status == .ok, "\(cart.body.string)")
            }
            let cart = try await app.send(.GET, "/api/v1/cart", token: buyer).json()
            let items = try #require(cart["items"] as? [[String: Any]])
            #expect(items.count == 2)
            #expect(Set(items.compactMap { $0["quantity"] as? Int }) == [2, 3])
            try await app.send(.PUT, "/api/v1/cart/items/\(UUID())", json: #"{"quantity":1}"#, token: buyer)
                .expectProblem(.notFound, field: "variantId")
            try await app.send(
                .PUT, "/api/v1/cart/items/\(variants[0])", json: #"{"quantity":1000}"#, token: buyer
            )
            .expectProblem(.validation, field: "quantity")

            let body = #"{"delivery":\#(delivery),"paymentMethod":"online"}"#
            let first = try await app.send(
                .POST, "/api/v1/checkout", json: body, token: buyer, headers: [("Idempotency-Key", "cart-checkout-1")])
            #expect(first.status == .created, "\(first.body.string)")
            let checkout = try first.json()
            #expect(checkout["totalMinor"] as? Int == 2 * 1_000 + 3 * 2_500)
            #expect(try await stock(of: variants[0]) == 3)
            let emptied = try await app.send(.GET, "/api/v1/cart", token: buyer).json()
            #expect((emptied["items"] as? [[String: Any]])?.isEmpty == true)
            // A retry finds the first checkout although the cart is empty now.
            let retry = try await app.send(
                .POST, "/api/v1/checkout", json: body, token: buyer, headers: [("Idempotency-Key", "cart-checkout-1")])
            #expect(try retry.json()["checkoutId"] as? String == checkout["checkoutId"] as? String)
            #expect(try await stock(of: variants[1]) == 2)

            // Removing with quantity 0.
            _ = try await app.send(
                .PUT, "/api/v1/cart/items/\(variants[0])", json: #"{"quantity":1}"#, token: buyer)
            _ = try await app.send(
                .PUT, "/api/v1/cart/items/\(variants[0])", json: #"{"quantity":0}"#, token: buyer)
            #expect(try await CartItem.query(on: app.db).count() == 0)
        }
    }
}
