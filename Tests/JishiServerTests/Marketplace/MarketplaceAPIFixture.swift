import Community
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Marketplace
import Testing
import Vapor
import VaporTesting

/// The demo county with the demo seller's shop in a Daying Town village (where the demo
/// agent works), one product, and tokens for the demo logins — all made through the API.
struct MarketplaceAPIFixture {
    let app: Application
    let seller: String
    let buyer: String
    let villageID: UUID
    let shopID: String
    let productID: String
    let variantID: String

    static func make(_ app: Application, stock: Int = 20, priceMinor: Int64 = 5_000) async throws
        -> MarketplaceAPIFixture
    {
        let seller = try await app.logIn("seller", password: DemoCounty.password)
        let buyer = try await app.logIn("buyer", password: DemoCounty.password)
        let daying = try #require(try await Town.query(on: app.db).filter(\.$nameEn == "Daying Town").first())
        let village = try #require(
            try await Village.query(on: app.db).filter(\.$town.$id == daying.requireID()).sort(\.$nameEn).first())
        let villageID = try village.requireID()
        let shop = try await app.send(
            .POST, "/api/v1/shops", json: #"{"name":"大营家具","villageId":"\#(villageID)","kind":"individual"}"#,
            token: seller)
        #expect(shop.status == .created, "\(shop.body.string)")
        let shopID = try #require(try shop.json()["id"] as? String)
        let product = try await app.send(
            .POST, "/api/v1/shops/\(shopID)/products",
            json: """
                {"title":"实木小板凳","description":"榆木 handmade stool","categoryId":"\(CategoryTaxonomy.id(for: "furniture"))",
                 "attributes":[{"name":"材质","value":"榆木"}],
                 "variants":[{"sku":"STOOL-S","priceMinor":\(priceMinor),"currency":"CNY","stock":\(stock)}]}
                """, token: seller)
        #expect(product.status == .created, "\(product.body.string)")
        let productJSON = try product.json()
        let productID = try #require(productJSON["id"] as? String)
        let variantID = try #require((productJSON["variants"] as? [[String: Any]])?.first?["id"] as? String)
        return MarketplaceAPIFixture(
            app: app, seller: seller, buyer: buyer, villageID: villageID, shopID: shopID, productID: productID,
            variantID: variantID)
    }

    var delivery: String {
        #"{"name":"李敏","phone":"13800000000","addressLine":"村口第三家","villageId":"\#(villageID)"}"#
    }

    /// A checkout of `quantity` of the fixture's variant; returns its id and orders.
    func checkout(_ quantity: Int = 1, method: String = "online", key: String = UUID().uuidString) async throws -> (
        checkoutID: String, orderIDs: [String]
    ) {
        let response = try await app.send(
            .POST, "/api/v1/checkout",
            json:
                #"{"items":[{"variantId":"\#(variantID)","quantity":\#(quantity)}],"delivery":\#(delivery),"paymentMethod":"\#(method)"}"#,
            token: buyer, headers: [("Idempotency-Key", key)])
        #expect(response.status == .created, "\(response.body.string)")
        let json = try response.json()
        let orders = (json["orders"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        return (try #require(json["checkoutId"] as? String), orders)
    }

    func pay(_ checkoutID: String, token: String = "tok_ok", key: String = UUID().uuidString) async throws
        -> TestingHTTPResponse
    {
        try await app.send(
            .POST, "/api/v1/checkouts/\(checkoutID)/payments", json: #"{"provider":"sandbox","token":"\#(token)"}"#,
            token: buyer, headers: [("Idempotency-Key", key)])
    }

    /// A paid order of `quantity`.
    func paidOrder(_ quantity: Int = 1) async throws -> String {
        let (checkoutID, orders) = try await checkout(quantity)
        let paid = try await pay(checkoutID)
        #expect(paid.status == .created, "\(paid.body.string)")
        return try #require(orders.first)
    }

    func orderStatus(_ orderID: String, token: String? = nil) async throws -> String? {
        try await app.send(.GET, "/api/v1/orders/\(orderID)", token: token ?? buyer).json()["status"] as? String
    }

    func stock() async throws -> Int? {
        let product = try await app.send(.GET, "/api/v1/products/\(productID)", token: seller).json()
        return (product["variants"] as? [[String: Any]])?.first?["stock"] as? Int
    }
}
