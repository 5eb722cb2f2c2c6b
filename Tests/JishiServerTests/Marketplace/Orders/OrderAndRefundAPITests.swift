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

@Suite("Orders after payment through the API: lists, shipping, refunds, statements")
struct OrderAndRefundAPITests {
    @Test(arguments: TestStore.available)
    func listsShowEachPartyItsOwnOrders(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let paid = try await fixture.paidOrder()
            let (_, unpaid) = try await fixture.checkout()
            let stranger = try await app.registerAndLogIn("stranger")

            let mine = try await app.send(.GET, "/api/v1/orders", token: fixture.buyer).json()
            #expect(mine["total"] as? Int == 2)
            let paidOnly = try await app.send(.GET, "/api/v1/orders?status=paid", token: fixture.buyer).json()
            #expect((paidOnly["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [paid])
            try await app.send(.GET, "/api/v1/orders?status=lost", token: fixture.buyer)
                .expectProblem(.validation, field: "status")
            #expect(try await app.send(.GET, "/api/v1/orders", token: stranger).json()["total"] as? Int == 0)
            let shop = try await app.send(
                .GET, "/api/v1/shops/\(fixture.shopID)/orders?status=pending_payment", token: fixture.seller
            ).json()
            #expect((shop["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == unpaid)
            try await app.send(.GET, "/api/v1/orders", token: nil).expectProblem(.unauthenticated)
        }
    }

    @Test(arguments: TestStore.available)
    func shipDeliverCompleteThenReturnAndRefund(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app, priceMinor: 5_000)
            let orderID = try await fixture.paidOrder(2)
            let order = "/api/v1/orders/\(orderID)"
            try await app.send(.POST, "\(order)/ship", token: fixture.buyer).expectProblem(.forbidden)
            try await app.send(.POST, "\(order)/deliver", token: fixture.seller).expectProblem(.invalidTransition)
            try await app.send(
                .POST, "\(order)/ship", json: ##"{"carrier":"sf","trackingNumber":"#1"}"##, token: fixture.seller
            ).expectProblem(.validation, field: "trackingNumber")
            try await app.send(
                .POST, "\(order)/ship", json: #"{"carrier":"shop","trackingNumber":"SF123456"}"#, token: fixture.seller
            ).expectProblem(.validation, field: "trackingNumber")
            let shipped = try await app.send(
                .POST, "\(order)/ship", json: #"{"carrier":"sf","trackingNumber":"SF 1400 2233 5566"}"#,
                token: fixture.seller
            ).json()
            #expect(shipped["status"] as? String == "shipped")
            #expect(
                shipped["shipment"] as? [String: String] == ["carrier": "sf", "trackingNumber": "SF140022335566"])
            #expect(
                try await app.send(.POST, "\(order)/deliver", token: fixture.seller).json()["status"] as? String
                    == "delivered")
            try await app.send(.POST, "\(order)/confirm-receipt", token: fixture.seller).expectProblem(.forbidden)
            #expect(
                try await app.send(.POST, "\(order)/confirm-receipt", token: fixture.buyer).json()["status"] as? String
                    == "completed")

            // After-sales: one item goes back, then its money.
            try await app.send(
                .POST, "\(order)/refunds", json: #"{"amountMinor":20000,"reason":"坏了"}"#, token: fixture.buyer
            ).expectProblem(.validation, field: "amountMinor")
            try await app.send(
                .POST, "\(order)/refunds", json: #"{"amountMinor":5000,"reason":"坏了"}"#, token: fixture.seller
            ).expectProblem(.forbidden)
            let requested = try await app.send(
                .POST, "\(order)/refunds", json: #"{"amountMinor":5000,"reason":"一条腿松了","requiresReturn":true}"#,
                token: fixture.buyer)
            #expect(requested.status == .created, "\(requested.body.string)")
            let refundID = try #require(try requested.json()["id"] as? String)
            try await app.send(.POST, "/api/v1/refunds/\(refundID)/approve", token: fixture.buyer)
                .expectProblem(.forbidden)
            #expect(
                try await app.send(.POST, "/api/v1/refunds/\(refundID)/approve", token: fixture.seller)
                    .json()["status"] as? String == "approved")
            let refunded = try await app.send(
                .POST, "/api/v1/refunds/\(refundID)/confirm-return", token: fixture.seller)
            #expect(try refunded.json()["status"] as? String == "refunded")
            try await app.send(.POST, "/api/v1/refunds/\(refundID)/reject", token: fixture.seller)
                .expectProblem(.invalidTransition)
            let detail = try await app.send(.GET, order, token: fixture.buyer).json()
            #expect((detail["refunds"] as? [[String: Any]])?.first?["status"] as? String == "refunded")
            #expect(detail["refundReservedMinor"] as? Int == 5_000)
            #expect(detail["status"] as? String == "completed")

            let statement = try await Self.statement(app, fixture)
            #expect(statement["salesMinor"] as? Int == 10_000)
            #expect(statement["refundsMinor"] as? Int == 5_000)
            let net = try #require(statement["netPayableMinor"] as? Int)
            let parts = [
                statement["salesMinor"], statement["refundsMinor"], statement["commissionMinor"],
                statement["commissionReturnedMinor"],
            ].compactMap { $0 as? Int }
            #expect(parts.count == 4 && net == parts[0] - parts[1] - parts[2] + parts[3])
        }
    }

    @Test(arguments: TestStore.available)
    func cancellingAPaidOrderRefundsItAndReturnsTheStock(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app, stock: 5, priceMinor: 4_000)
            let orderID = try await fixture.paidOrder(2)
            #expect(try await fixture.stock() == 3)
            // The buyer may no longer cancel a paid order; the shop may, before shipping.
            try await app.send(.POST, "/api/v1/orders/\(orderID)/cancel", json: "{}", token: fixture.buyer)
                .expectProblem(.invalidTransition)
            let cancelled = try await app.send(
                .POST, "/api/v1/orders/\(orderID)/cancel", json: #"{"reason":"缺货"}"#, token: fixture.seller)
            #expect(try cancelled.json()["status"] as? String == "cancelled")
            let refunds = try #require(try cancelled.json()["refunds"] as? [[String: Any]])
            #expect(refunds.map { $0["amountMinor"] as? Int } == [8_000])
            #expect(refunds.first?["status"] as? String == "refunded")
            #expect(try await fixture.stock() == 5)
            // The money went back through the sandbox provider that took it.
            #expect(try await Refund.query(on: app.db).first()?.providerReference?.hasPrefix("sbx_refund_") == true)

            // Cash taken at a station goes back in cash at the station.
            let (cashCheckout, cashOrders) = try await fixture.checkout(1, method: "cash_at_station")
            let agent = try await app.logIn("agent", password: DemoCounty.password)
            let cash = try await app.send(
                .POST, "/api/v1/checkouts/\(cashCheckout)/cash-payments", json: #"{"amountMinor":4000}"#, token: agent,
                headers: [("Idempotency-Key", "cash-refund-1")])
            #expect(cash.status == .created, "\(cash.body.string)")
            let cashOrder = try #require(cashOrders.first)
            _ = try await app.send(.POST, "/api/v1/orders/\(cashOrder)/cancel", json: "{}", token: fixture.seller)
            let cashRefund = try await Refund.query(on: app.db).filter(\.$order.$id == UUID(uuidString: cashOrder)!)
                .first()
            #expect(cashRefund?.providerReference?.hasPrefix("cash_refund_") == true)
            let statement = try await Self.statement(app, fixture)
            #expect(statement["salesMinor"] as? Int == 12_000)
            #expect(statement["refundsMinor"] as? Int == 12_000)
            #expect(statement["netPayableMinor"] as? Int == 0)
        }
    }

    static func statement(_ app: Application, _ fixture: MarketplaceAPIFixture) async throws -> [String: Any] {
        let from = "2000-01-01T00:00:00Z"
        let to = "2100-01-01T00:00:00Z"
        let response = try await app.send(
            .GET, "/api/v1/shops/\(fixture.shopID)/statement?from=\(from)&to=\(to)", token: fixture.seller)
        #expect(response.status == .ok, "\(response.body.string)")
        try await app.send(
            .GET, "/api/v1/shops/\(fixture.shopID)/statement?from=\(from)&to=\(to)", token: fixture.buyer
        ).expectProblem(.notFound)
        return try response.json()
    }
}
