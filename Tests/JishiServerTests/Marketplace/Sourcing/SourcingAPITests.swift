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

@Suite("Sourcing API")
struct SourcingAPITests {
    /// The fixture's furniture shop offers its stool; a second seller's shop resells it.
    struct Resale {
        let market: MarketplaceAPIFixture
        let reseller: String
        let resellerShopID: String

        static func make(_ app: Application, audience: String = "everyone") async throws -> Resale {
            let market = try await MarketplaceAPIFixture.make(app, stock: 20, priceMinor: 12_800)
            let offered = try await app.send(
                .PUT, "/api/v1/products/\(market.productID)/sourcing",
                json: """
                    {"audience":"\(audience)","variants":[{"variantId":"\(market.variantID)",
                     "tiers":[{"minQuantity":1,"unitPriceMinor":6000},{"minQuantity":10,"unitPriceMinor":5000}]}]}
                    """, token: market.seller)
            #expect(offered.status == .ok, "\(offered.body.string)")
            let reseller = try await app.registerAndLogIn("daixiao", role: "seller")
            let shop = try await app.send(
                .POST, "/api/v1/shops",
                json: #"{"name":"代销小店","villageId":"\#(market.villageID)","kind":"individual"}"#, token: reseller)
            return Resale(
                market: market, reseller: reseller, resellerShopID: try #require(try shop.json()["id"] as? String))
        }

        func link(priceMinor: Int64) async throws -> TestingHTTPResponse {
            try await market.app.send(
                .POST, "/api/v1/shops/\(resellerShopID)/linked-products",
                json: """
                    {"sourceProductId":"\(market.productID)","title":"代销 实木小板凳",
                     "variants":[{"sourceVariantId":"\(market.variantID)","priceMinor":\(priceMinor)}]}
                    """, token: reseller)
        }
    }

    @Test(arguments: TestStore.available)
    func aResaleGoesFromListingToDeliveryThroughTheProducer(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let resale = try await Resale.make(app)
            let market = resale.market
            let catalogue = try await app.send(
                .GET, "/api/v1/shops/\(resale.resellerShopID)/sourcing-catalogue", token: resale.reseller)
            let offers = try #require(try catalogue.json()["items"] as? [[String: Any]])
            #expect(offers.count == 1)
            #expect((offers.first?["variants"] as? [[String: Any]])?.first?["stock"] as? Int == 20)

            let linked = try await resale.link(priceMinor: 9_900)
            #expect(linked.status == .created, "\(linked.body.string)")
            let product = try linked.json()
            #expect(product["sourceProductId"] as? String == market.productID)
            let linkedProductID = try #require(product["id"] as? String)
            let linkedVariantID = try #require((product["variants"] as? [[String: Any]])?.first?["id"] as? String)
            // Its stock is the producer's.
            let shown = try await app.send(.GET, "/api/v1/products/\(linkedProductID)").json()
            #expect((shown["variants"] as? [[String: Any]])?.first?["stock"] as? Int == 20)

            let checkout = try await app.send(
                .POST, "/api/v1/checkout",
                json:
                    #"{"items":[{"variantId":"\#(linkedVariantID)","quantity":2}],"delivery":\#(market.delivery),"paymentMethod":"online"}"#,
                token: market.buyer, headers: [("Idempotency-Key", "resale-api-1")])
            #expect(checkout.status == .created, "\(checkout.body.string)")
            let checkoutJSON = try checkout.json()
            let orderID = try #require((checkoutJSON["orders"] as? [[String: Any]])?.first?["id"] as? String)
            #expect(try await market.pay(try #require(checkoutJSON["checkoutId"] as? String)).status == .created)
            #expect(try await market.stock() == 18)

            let supplied = try await app.send(
                .GET, "/api/v1/shops/\(market.shopID)/supply-orders?side=producer", token: market.seller)
            let supplyJSON = try #require(try supplied.json()["items"] as? [[String: Any]])
            #expect(supplyJSON.count == 1)
            let supplyID = try #require(supplyJSON.first?["id"] as? String)
            #expect(supplyJSON.first?["status"] as? String == "paid")
            #expect(supplyJSON.first?["totalMinor"] as? Int == 12_000)
            #expect(supplyJSON.first?["retailOrderId"] as? String == orderID)

            // The reseller cannot ship it; the producer's shipping and delivery move the buyer's order.
            let refused = try await app.send(.POST, "/api/v1/orders/\(orderID)/ship", token: resale.reseller)
            #expect(refused.status == .conflict)
            #expect(
                try await app.send(.POST, "/api/v1/supply-orders/\(supplyID)/ship", token: market.seller).status == .ok)
            #expect(try await market.orderStatus(orderID) == "shipped")
            let delivered = try await app.send(
                .POST, "/api/v1/supply-orders/\(supplyID)/deliver", token: market.seller)
            #expect(delivered.status == .ok)
            #expect(try await market.orderStatus(orderID) == "delivered")
            #expect(try delivered.json()["history"] as? [[String: Any]] != nil)

            // The buyer confirms: both complete.
            #expect(
                try await app.send(.POST, "/api/v1/orders/\(orderID)/confirm-receipt", token: market.buyer).status
                    == .ok)
            let supply = try await app.send(.GET, "/api/v1/supply-orders/\(supplyID)", token: resale.reseller).json()
            #expect(supply["status"] as? String == "completed")

            // Statements: each shop's side.
            let period = "from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z"
            let producer = try await app.send(
                .GET, "/api/v1/shops/\(market.shopID)/statement?\(period)", token: market.seller
            ).json()
            let reseller = try await app.send(
                .GET, "/api/v1/shops/\(resale.resellerShopID)/statement?\(period)", token: resale.reseller
            ).json()
            #expect(producer["wholesaleSalesMinor"] as? Int == 12_000)
            #expect(reseller["supplyCostMinor"] as? Int == 12_000)
            #expect(reseller["salesMinor"] as? Int == 19_800)
            // A buyer and a stranger see no supply order.
            let stranger = try await app.send(.GET, "/api/v1/supply-orders/\(supplyID)", token: market.buyer)
            #expect(stranger.status == .notFound)
        }
    }

    @Test(arguments: TestStore.available)
    func badSourcingInputIsRefusedAndWritesNothing(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let resale = try await Resale.make(app, audience: "approved")
            let market = resale.market
            let products = try await Product.query(on: app.db).count()
            // Not approved yet.
            #expect(try await resale.link(priceMinor: 9_900).status == .forbidden)
            let asked = try await app.send(
                .POST, "/api/v1/shops/\(market.shopID)/reseller-requests",
                json: #"{"resellerShopId":"\#(resale.resellerShopID)","message":"<script>alert(1)</script>"}"#,
                token: resale.reseller)
            #expect(asked.status == .created, "\(asked.body.string)")
            let approvalID = try #require(try asked.json()["id"] as? String)
            // The reseller cannot decide its own request, nor see the producer's list.
            let selfApproved = try await app.send(
                .POST, "/api/v1/shops/\(market.shopID)/reseller-requests/\(approvalID)/decision",
                json: #"{"decision":"approve"}"#, token: resale.reseller)
            #expect(selfApproved.status == .notFound)
            let listed = try await app.send(
                .GET, "/api/v1/shops/\(market.shopID)/reseller-requests", token: market.seller)
            let requests = try #require(try listed.json()["items"] as? [[String: Any]])
            #expect(requests.first?["resellerShopName"] as? String == "代销小店")
            #expect(requests.first?["message"] as? String == "<script>alert(1)</script>")
            let approved = try await app.send(
                .POST, "/api/v1/shops/\(market.shopID)/reseller-requests/\(approvalID)/decision",
                json: #"{"decision":"approve"}"#, token: market.seller)
            #expect(approved.status == .ok)
            #expect(try approved.json()["status"] as? String == "approved")

            // Below wholesale: 400 naming the field.
            let cheap = try await resale.link(priceMinor: 5_999)
            #expect(cheap.status == .badRequest)
            #expect(try cheap.json()["field"] as? String == "variants[0].priceMinor")
            // Tiers that rise with quantity, a tier above the retail price, an unknown variant.
            for body in [
                #"[{"minQuantity":1,"unitPriceMinor":5000},{"minQuantity":5,"unitPriceMinor":5500}]"#,
                #"[{"minQuantity":2,"unitPriceMinor":5000}]"#,
                #"[{"minQuantity":1,"unitPriceMinor":99999}]"#,
            ] {
                let bad = try await app.send(
                    .PUT, "/api/v1/products/\(market.productID)/sourcing",
                    json:
                        #"{"audience":"everyone","variants":[{"variantId":"\#(market.variantID)","tiers":\#(body)}]}"#,
                    token: market.seller)
                #expect(bad.status == .badRequest, "\(body): \(bad.body.string)")
            }
            let unknown = try await app.send(
                .PUT, "/api/v1/products/\(market.productID)/sourcing",
                json:
                    #"{"audience":"everyone","variants":[{"variantId":"\#(UUID())","tiers":[{"minQuantity":1,"unitPriceMinor":10}]}]}"#,
                token: market.seller)
            #expect(unknown.status == .notFound)
            // Someone else's product cannot be offered.
            let foreign = try await app.send(
                .PUT, "/api/v1/products/\(market.productID)/sourcing",
                json:
                    #"{"audience":"everyone","variants":[{"variantId":"\#(market.variantID)","tiers":[{"minQuantity":1,"unitPriceMinor":10}]}]}"#,
                token: resale.reseller)
            #expect(foreign.status == .notFound)
            #expect(try await Product.query(on: app.db).count() == products)
            #expect(try await WholesaleTier.query(on: app.db).count() == 2)

            // Bulk wholesale: tier prices, a replay answers 200 with the same order.
            let bulk = #"{"items":[{"variantId":"\#(market.variantID)","quantity":10}],"delivery":\#(market.delivery)}"#
            let placed = try await app.send(
                .POST, "/api/v1/shops/\(resale.resellerShopID)/supply-orders", json: bulk, token: resale.reseller,
                headers: [("Idempotency-Key", "bulk-api-0001")])
            #expect(placed.status == .created, "\(placed.body.string)")
            #expect(try placed.json()["totalMinor"] as? Int == 50_000)
            let replay = try await app.send(
                .POST, "/api/v1/shops/\(resale.resellerShopID)/supply-orders", json: bulk, token: resale.reseller,
                headers: [("Idempotency-Key", "bulk-api-0001")])
            #expect(replay.status == .ok)
            #expect(try replay.json()["id"] as? String == (try placed.json()["id"] as? String))
            #expect(try await market.stock() == 10)
            let tooMuch = try await app.send(
                .POST, "/api/v1/shops/\(resale.resellerShopID)/supply-orders",
                json: #"{"items":[{"variantId":"\#(market.variantID)","quantity":11}],"delivery":\#(market.delivery)}"#,
                token: resale.reseller, headers: [("Idempotency-Key", "bulk-api-0002")])
            #expect(tooMuch.status == .conflict)
            #expect(try await market.stock() == 10)
            #expect(try await SupplyOrder.query(on: app.db).count() == 1)
            // Credit more than is left: refused; within: recorded.
            let supplyID = try #require(try placed.json()["id"] as? String)
            let over = try await app.send(
                .POST, "/api/v1/supply-orders/\(supplyID)/credits", json: #"{"amountMinor":50001,"reason":"损坏"}"#,
                token: market.seller)
            #expect(over.status == .badRequest)
            let credit = try await app.send(
                .POST, "/api/v1/supply-orders/\(supplyID)/credits", json: #"{"amountMinor":5000,"reason":"一件损坏"}"#,
                token: market.seller)
            #expect(credit.status == .created)
            let byReseller = try await app.send(
                .POST, "/api/v1/supply-orders/\(supplyID)/credits", json: #"{"amountMinor":1,"reason":"自己退"}"#,
                token: resale.reseller)
            #expect(byReseller.status == .forbidden)
        }
    }
}
