import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Marketplace
import Stations
import Testing
import Vapor
import VaporTesting

@Suite("Consignment selling (代卖) through the API")
struct ConsignmentAPITests {
    @Test(arguments: TestStore.available)
    func aConsignorIsOwedTheirShareOfEachSaleAndPaidInCashOnceTheSaleIsFinal(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let villager = try await fixture.villager("丁桂芝")
            let category = try #require(try await Category.query(on: app.db).first()?.requireID()).uuidString
            func listing(
                agreed: Bool = true, witness: String = "村委会 丁会计", villager: String = villager,
                share: Int = 9_000, key: String = UUID().uuidString, token: String? = nil
            ) async throws
                -> TestingHTTPResponse
            {
                try await app.send(
                    .POST, fixture.path("/consignments"),
                    json: #"""
                        {"villagerId":"\#(villager)","title":"手工老粗布床单","categoryId":"\#(category)",
                         "priceMinor":10000,"stock":5,"consignorShareBasisPoints":\#(share),
                         "consent":{"agreed":\#(agreed),"witness":"\#(witness)"}}
                        """#,
                    token: token ?? fixture.agent, headers: [("Idempotency-Key", key)])
            }

            // No consent, no witness, an unknown villager, a share of nothing: refused, nothing written.
            try await listing(agreed: false).expectProblem(.validation)
            try await listing(witness: " ").expectProblem(.validation)
            try await listing(villager: UUID().uuidString).expectProblem(.notFound)
            try await listing(share: 0).expectProblem(.validation)
            try await listing(token: fixture.otherAgent).expectProblem(.forbidden)
            try await listing(token: fixture.market.buyer).expectProblem(.forbidden)
            #expect(try await ConsignmentListing.query(on: app.db).count() == 0)
            #expect(try await ConsignmentShop.query(on: app.db).count() == 0)

            // Listed with consent (twice with one key: one listing, one product).
            let key = UUID().uuidString
            let created = try await listing(key: key)
            #expect(created.status == .created, "\(created.body.string)")
            let again = try await listing(key: key)
            let listed = try created.json()
            #expect(try again.json()["id"] as? String == listed["id"] as? String)
            #expect(listed["witness"] as? String == "村委会 丁会计")
            #expect(try await ConsignmentListing.query(on: app.db).count() == 1)
            let productID = try #require(listed["productId"] as? String)
            let list = try await app.send(.GET, fixture.path("/consignments"), token: fixture.agent).jsonArray()
            #expect(list.count == 1)
            try await app.send(.GET, fixture.path("/consignments"), token: fixture.otherAgent)
                .expectProblem(.forbidden)

            // A buyer buys two online; the consignor is owed 90 % of ¥200.00, not yet payable.
            let product = try await app.send(.GET, "/api/v1/products/\(productID)").json()
            let variant = try #require((product["variants"] as? [[String: Any]])?.first?["id"] as? String)
            let market = fixture.market
            let checkout = try await app.send(
                .POST, "/api/v1/checkout",
                json:
                    #"{"items":[{"variantId":"\#(variant)","quantity":2}],"delivery":\#(market.delivery),"paymentMethod":"online"}"#,
                token: market.buyer, headers: [("Idempotency-Key", UUID().uuidString)])
            #expect(checkout.status == .created, "\(checkout.body.string)")
            let checkoutJSON = try checkout.json()
            let checkoutID = try #require(checkoutJSON["checkoutId"] as? String)
            let orderID = try #require((checkoutJSON["orders"] as? [[String: Any]])?.first?["id"] as? String)
            #expect(try await market.pay(checkoutID).status == .created)
            let accountPath = fixture.path("/villagers/\(villager)/consignment-account")
            var account = try await app.send(.GET, accountPath, token: fixture.agent).json()
            #expect(account["owedMinor"] as? Int == 18_000)
            #expect(account["payableMinor"] as? Int == 0)
            let commission = try await app.send(.GET, fixture.path("/commissions"), token: fixture.agent).json()
            #expect(
                (commission["lines"] as? [[String: Any]])?.map { $0["source"] as? String } == ["consignment_sale"])
            #expect(commission["commissionMinor"] as? Int == 800)  // 4 % of ¥200.00

            // Nothing may be paid out before the sale is final.
            let payouts = fixture.path("/villagers/\(villager)/consignment-payouts")
            try await app.send(
                .POST, payouts, json: #"{"amountMinor":100}"#, token: fixture.agent,
                headers: [("Idempotency-Key", UUID().uuidString)]
            ).expectProblem(.conflict)

            // The agent ships it with the outbound run, it is delivered and the buyer confirms.
            for step in ["ship", "deliver"] {
                let moved = try await app.send(.POST, "/api/v1/orders/\(orderID)/\(step)", token: fixture.agent)
                #expect(moved.status == .ok, "\(step): \(moved.body.string)")
            }
            let confirmed = try await app.send(
                .POST, "/api/v1/orders/\(orderID)/confirm-receipt", token: market.buyer)
            #expect(confirmed.status == .ok, "\(confirmed.body.string)")
            account = try await app.send(.GET, accountPath, token: fixture.agent).json()
            #expect(account["payableMinor"] as? Int == 18_000)

            // Above what is owed, zero, negative: refused, the drawer untouched.
            let drawer = try await fixture.balance()
            for amount in ["18001", "0", "-5"] {
                let refused = try await app.send(
                    .POST, payouts, json: #"{"amountMinor":\#(amount)}"#, token: fixture.agent,
                    headers: [("Idempotency-Key", UUID().uuidString)])
                #expect(refused.status.code >= 400 && refused.status.code < 500, "\(amount): \(refused.body.string)")
            }
            #expect(try await fixture.balance() == drawer)

            // ¥100.00 paid out against a receipt, once for a retried key; the drawer gives it.
            let payKey = UUID().uuidString
            let paid = try await app.send(
                .POST, payouts, json: #"{"amountMinor":10000}"#, token: fixture.agent,
                headers: [("Idempotency-Key", payKey)])
            #expect(paid.status == .created, "\(paid.body.string)")
            let receipt = try #require(try paid.json()["receipt"] as? String)
            let retried = try await app.send(
                .POST, payouts, json: #"{"amountMinor":10000}"#, token: fixture.agent,
                headers: [("Idempotency-Key", payKey)])
            #expect(try retried.json()["receipt"] as? String == receipt)
            try await app.send(
                .POST, payouts, json: #"{"amountMinor":500}"#, token: fixture.agent,
                headers: [("Idempotency-Key", payKey)]
            ).expectProblem(.idempotencyKeyReused)
            #expect(try await fixture.balance() == drawer - 10_000)
            account = try await app.send(.GET, accountPath, token: fixture.agent).json()
            #expect(account["owedMinor"] as? Int == 8_000)
            #expect(account["payableMinor"] as? Int == 8_000)
            #expect((account["lines"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["payout", "sale"])
            try await fixture.expectLedgerBalances()
            try await app.send(.GET, accountPath, token: fixture.otherAgent).expectProblem(.forbidden)
            // Only this station's agents pay out: not another station's, not the buyer, not nobody.
            for token in [fixture.otherAgent, market.buyer, fixture.official] {
                let refused = try await app.send(
                    .POST, payouts, json: #"{"amountMinor":100}"#, token: token,
                    headers: [("Idempotency-Key", UUID().uuidString)])
                #expect([403, 404].contains(refused.status.code), "\(refused.body.string)")
            }
            try await app.send(
                .POST, payouts, json: #"{"amountMinor":100}"#, headers: [("Idempotency-Key", UUID().uuidString)]
            ).expectProblem(.unauthenticated)
            #expect(try await fixture.balance() == drawer - 10_000)
        }
    }

    @Test(arguments: TestStore.available)
    func aCancelledSaleGivesTheConsignorsShareAndTheCommissionBack(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let villager = try await fixture.villager("丁桂芝")
            let category = try #require(try await Category.query(on: app.db).first()?.requireID()).uuidString
            let created = try await app.send(
                .POST, fixture.path("/consignments"),
                json: #"""
                    {"villagerId":"\#(villager)","title":"土鸡蛋 30枚","categoryId":"\#(category)","priceMinor":4500,
                     "stock":10,"consignorShareBasisPoints":8000,"consent":{"agreed":true,"witness":"丁会计"}}
                    """#,
                token: fixture.agent, headers: [("Idempotency-Key", UUID().uuidString)])
            #expect(created.status == .created, "\(created.body.string)")
            let productID = try #require(try created.json()["productId"] as? String)
            let product = try await app.send(.GET, "/api/v1/products/\(productID)").json()
            let variant = try #require((product["variants"] as? [[String: Any]])?.first?["id"] as? String)
            let market = fixture.market
            let checkout = try await app.send(
                .POST, "/api/v1/checkout",
                json:
                    #"{"items":[{"variantId":"\#(variant)","quantity":1}],"delivery":\#(market.delivery),"paymentMethod":"online"}"#,
                token: market.buyer, headers: [("Idempotency-Key", UUID().uuidString)]
            ).json()
            let checkoutID = try #require(checkout["checkoutId"] as? String)
            let orderID = try #require((checkout["orders"] as? [[String: Any]])?.first?["id"] as? String)
            #expect(try await market.pay(checkoutID).status == .created)
            let accountPath = fixture.path("/villagers/\(villager)/consignment-account")
            #expect(try await app.send(.GET, accountPath, token: fixture.agent).json()["owedMinor"] as? Int == 3_600)

            let cancelled = try await app.send(
                .POST, "/api/v1/orders/\(orderID)/cancel", json: #"{"reason":"缺货"}"#, token: fixture.agent)
            #expect(cancelled.status == .ok, "\(cancelled.body.string)")
            let account = try await app.send(.GET, accountPath, token: fixture.agent).json()
            #expect(account["owedMinor"] as? Int == 0)
            #expect(
                (account["lines"] as? [[String: Any]])?.compactMap { $0["amountMinor"] as? Int }.sorted() == [
                    -3_600, 3_600,
                ])
            let commission = try await app.send(.GET, fixture.path("/commissions"), token: fixture.agent).json()
            #expect(commission["commissionMinor"] as? Int == 0)
        }
    }
}
