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

@Suite("Payments settled later: signed sandbox webhooks and cash at a station")
struct PaymentSettlementAPITests {
    static let secret = JishiConfig.Payments().sandboxWebhookSecret

    /// A sandbox event, signed now (or at `time`) with `secret`.
    static func webhook(
        _ app: Application, id: String, type: String = "payment.captured", reference: String,
        secret: String = Self.secret, at time: Date = Date()
    ) async throws -> TestingHTTPResponse {
        let body = Data(#"{"id":"\#(id)","type":"\#(type)","paymentReference":"\#(reference)"}"#.utf8)
        return try await app.send(
            .POST, "/api/v1/webhooks/sandbox", bytes: body, contentType: "application/json",
            headers: [(WebhookSignature.header, WebhookSignature.sign(body, secret: secret, at: time))])
    }

    static func pendingPayment(_ fixture: MarketplaceAPIFixture) async throws -> (
        checkoutID: String, orderID: String, reference: String
    ) {
        let (checkoutID, orders) = try await fixture.checkout(2)
        let pending = try await fixture.pay(checkoutID, token: "tok_async")
        #expect(pending.status == .accepted, "\(pending.body.string)")
        #expect(try pending.json()["status"] as? String == "pending")
        let payment = try #require(try await Payment.query(on: fixture.app.db).filter(\.$status == .pending).first())
        return (checkoutID, try #require(orders.first), try #require(payment.providerReference))
    }

    @Test(arguments: TestStore.available)
    func aReplayedWebhookCapturesOnce(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let (checkoutID, orderID, reference) = try await Self.pendingPayment(fixture)
            #expect(try await fixture.orderStatus(orderID) == "pending_payment")
            // While the provider decides, another payment cannot start.
            try await fixture.pay(checkoutID).expectProblem(.conflict, field: "checkoutId")

            // The same event five times at once, then again later: one capture.
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        let response = try await Self.webhook(app, id: "evt_1", reference: reference)
                        #expect(response.status == .ok, "\(response.body.string)")
                        return try response.json()["outcome"] as? String ?? "?"
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "applied" }.count == 1, "\(outcomes)")
            #expect(outcomes.filter { $0 == "duplicate" }.count == 4, "\(outcomes)")
            #expect(
                try await Self.webhook(app, id: "evt_1", reference: reference).json()["outcome"] as? String
                    == "duplicate")
            // A different event for the settled payment changes nothing either.
            #expect(
                try await Self.webhook(app, id: "evt_2", type: "payment.failed", reference: reference)
                    .json()["outcome"] as? String == "already_settled")
            #expect(try await Payment.query(on: app.db).filter(\.$status == .captured).count() == 1)
            #expect(try await fixture.orderStatus(orderID) == "paid")
            let history = try await app.send(.GET, "/api/v1/orders/\(orderID)", token: fixture.buyer).json()
            #expect((history["history"] as? [[String: Any]])?.filter { $0["to"] as? String == "paid" }.count == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func forgedOldOrUnknownWebhooksChangeNothing(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let (_, orderID, reference) = try await Self.pendingPayment(fixture)
            try await Self.webhook(app, id: "evt_forged", reference: reference, secret: "not-the-sandbox-secret")
                .expectProblem(.unauthenticated)
            try await Self.webhook(app, id: "evt_old", reference: reference, at: Date().addingTimeInterval(-3_600))
                .expectProblem(.unauthenticated)
            let unsigned = try await app.send(
                .POST, "/api/v1/webhooks/sandbox",
                bytes: Data(#"{"id":"e","type":"payment.captured","paymentReference":"\#(reference)"}"#.utf8),
                contentType: "application/json")
            try unsigned.expectProblem(.unauthenticated)
            try await Self.webhook(app, id: "evt_kind", type: "payment.refunded", reference: reference)
                .expectProblem(.validation, field: "type")
            try await Self.webhook(app, id: "evt_unknown", reference: "sbx_nothing").expectProblem(.notFound)
            #expect(try await WebhookEvent.query(on: app.db).count() == 0)
            #expect(try await fixture.orderStatus(orderID) == "pending_payment")
            #expect(try await Payment.query(on: app.db).filter(\.$status == .pending).count() == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func aFailedPaymentFreesTheCheckoutAndALateCaptureIsVoided(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestApp(on: store, seedDemo: true, dependencies: clock.dependencies) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let (checkoutID, orderID, reference) = try await Self.pendingPayment(fixture)
            let failed = try await Self.webhook(
                app, id: "evt_fail", type: "payment.failed", reference: reference, at: clock.now)
            #expect(try failed.json()["outcome"] as? String == "applied")
            // The checkout can be paid again, asynchronously once more.
            let again = try await fixture.pay(checkoutID, token: "tok_async")
            #expect(again.status == .accepted)
            let second = try #require(
                try await Payment.query(on: app.db).filter(\.$status == .pending).first()?.providerReference)
            // The payment window closes and the orders expire before the provider answers.
            clock.advance(by: 31 * 60)
            _ = try await OrderService(context: app.jishi.marketplace).expireUnpaid(on: app.db)
            #expect(try await fixture.orderStatus(orderID) == "cancelled")
            let stockAfterExpiry = try await fixture.stock()
            let late = try await Self.webhook(app, id: "evt_late", reference: second, at: clock.now)
            #expect(try late.json()["outcome"] as? String == "applied")
            #expect(try await Payment.query(on: app.db).filter(\.$status == .voided).count() == 1)
            #expect(try await Payment.query(on: app.db).filter(\.$status == .captured).count() == 0)
            #expect(try await fixture.orderStatus(orderID) == "cancelled")
            #expect(try await fixture.stock() == stockAfterExpiry)
        }
    }

    @Test(arguments: TestStore.available)
    func anAgentInScopeConfirmsCashOnce(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app, priceMinor: 3_000)
            // Cash is paid at a village station: an address outside the county cannot.
            let outside = try await app.send(
                .POST, "/api/v1/checkout",
                json:
                    #"{"items":[{"variantId":"\#(fixture.variantID)","quantity":1}],"delivery":{"name":"李敏","phone":"13800000000","addressLine":"上海"},"paymentMethod":"cash_at_station"}"#,
                token: fixture.buyer, headers: [("Idempotency-Key", "cash-outside-1")])
            try outside.expectProblem(.validation, field: "delivery.villageId")

            let (checkoutID, orders) = try await fixture.checkout(2, method: "cash_at_station")
            let orderID = try #require(orders.first)
            // Online payment of a cash checkout is refused.
            try await fixture.pay(checkoutID).expectProblem(.conflict)
            let path = "/api/v1/checkouts/\(checkoutID)/cash-payments"
            // Neither the buyer nor the seller can confirm cash; nor an agent elsewhere.
            try await app.send(
                .POST, path, json: #"{"amountMinor":6000}"#, token: fixture.buyer,
                headers: [("Idempotency-Key", "cash-key-0")]
            ).expectProblem(.notFound)
            let otherTown = try #require(
                try await Town.query(on: app.db).filter(\.$nameEn != "Daying Town").first()?.requireID())
            let token = try await app.tokenForNewAccount(
                "agent-elsewhere", grant: RoleGrant(role: .agent, scope: .town(otherTown)))
            try await app.send(
                .POST, path, json: #"{"amountMinor":6000}"#, token: token, headers: [("Idempotency-Key", "cash-key-0")]
            ).expectProblem(.notFound)

            let agent = try await app.logIn("agent", password: DemoCounty.password)
            try await app.send(
                .POST, path, json: #"{"amountMinor":5000}"#, token: agent, headers: [("Idempotency-Key", "cash-key-1")]
            ).expectProblem(.validation, field: "amountMinor")
            #expect(try await fixture.orderStatus(orderID) == "pending_payment")

            // The same confirmation sent five times at once: one payment.
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        let response = try await app.send(
                            .POST, path, json: #"{"amountMinor":6000}"#, token: agent,
                            headers: [("Idempotency-Key", "cash-key-2")])
                        #expect(response.status == .created, "\(response.body.string)")
                        return try response.json()["paymentId"] as? String ?? "?"
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(ids.count == 1)
            try await app.send(
                .POST, path, json: #"{"amountMinor":6000}"#, token: agent, headers: [("Idempotency-Key", "cash-key-3")]
            ).expectProblem(.conflict)
            #expect(try await Payment.query(on: app.db).filter(\.$provider == Payment.cashProvider).count() == 1)
            #expect(try await fixture.orderStatus(orderID) == "paid")
        }
    }
}
