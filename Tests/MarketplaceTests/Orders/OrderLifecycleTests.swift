import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Persistence
import Testing

@Suite("Orders, payments and expiry")
struct OrderLifecycleTests {
    @Test(arguments: TestStore.available)
    func payOnceThenShipDeliverComplete(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("P", 2_000, 5)]).first)
            let buyer = try #require(try await fixture.buyers(1).first)
            let checkout = try await fixture.checkouts.checkout(
                try fixture.request([(variant, 2)]), idempotencyKey: "pay-flow-1", by: buyer, on: county.db)
            let checkoutID = try checkout.checkout.requireID()

            // Declined first; nothing is paid and the checkout stays payable.
            await #expect(throws: Problem(type: .paymentDeclined, detail: "Try another payment method.")) {
                try await fixture.payments.pay(
                    checkoutID: checkoutID, provider: "sandbox", token: "tok_decline", idempotencyKey: "pay-attempt-1",
                    by: buyer, on: county.db)
            }
            // Approved, retried five times concurrently with one key: one capture.
            let results = try await withThrowingTaskGroup(of: UUID.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        try await fixture.payments.pay(
                            checkoutID: checkoutID, provider: "sandbox", token: "tok_ok",
                            idempotencyKey: "pay-attempt-2",
                            by: buyer, on: county.db
                        ).payment.requireID()
                    }
                }
                return try await group.reduce(into: Set<UUID>()) { $0.insert($1) }
            }
            #expect(results.count == 1)
            #expect(try await Payment.query(on: county.db).filter(\.$status == .captured).count() == 1)
            // A new key cannot pay a paid checkout again.
            await #expect(throws: Problem.self) {
                try await fixture.payments.pay(
                    checkoutID: checkoutID, provider: "sandbox", token: "tok_ok", idempotencyKey: "pay-attempt-3",
                    by: buyer, on: county.db)
            }
            #expect(try await Payment.query(on: county.db).filter(\.$status == .captured).count() == 1)

            let orderID = try #require(checkout.orders.first).requireID()
            #expect(try await fixture.orders.order(orderID, for: buyer, on: county.db).status == .paid)
            // The buyer cannot ship; an invalid transition is refused.
            await #expect(throws: Problem.self) {
                try await fixture.orders.markShipped(orderID, by: buyer, on: county.db)
            }
            await #expect(throws: Problem.self) {
                try await fixture.orders.confirmReceipt(orderID, by: buyer, on: county.db)
            }
            _ = try await fixture.orders.markShipped(orderID, by: fixture.seller, on: county.db)
            await #expect(throws: Problem.self) {
                try await fixture.orders.cancel(orderID, by: fixture.seller, reason: "too late", on: county.db)
            }
            _ = try await fixture.orders.markDelivered(orderID, by: fixture.seller, on: county.db)
            let completed = try await fixture.orders.confirmReceipt(orderID, by: buyer, on: county.db)
            #expect(completed.status == .completed)
            let trail = try await OrderEvent.query(on: county.db).filter(\.$order.$id == orderID).sort(\.$at).all()
            #expect(trail.map(\.to) == [.pendingPayment, .paid, .shipped, .delivered, .completed])
            #expect(trail.allSatisfy { $0.actorID != nil })
            #expect(try await fixture.stock(of: variant) == 3)

            // Nobody else sees the order.
            let stranger = try await MarketplaceFixture.makeAccount(county, "stranger")
            await #expect(throws: Problem.self) {
                try await fixture.orders.order(orderID, for: stranger, on: county.db)
            }
        }
    }

    @Test(arguments: TestStore.available)
    func cancellingGivesTheStockBackOnce(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("K", 2_000, 5)]).first)
            let buyer = try #require(try await fixture.buyers(1).first)
            let checkout = try await fixture.checkouts.checkout(
                try fixture.request([(variant, 4)]), idempotencyKey: "cancel-flow", by: buyer, on: county.db)
            #expect(try await fixture.stock(of: variant) == 1)
            let orderID = try #require(checkout.orders.first).requireID()
            let attempts = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        do {
                            _ = try await fixture.orders.cancel(
                                orderID, by: buyer, reason: "changed my mind", on: county.db)
                            return true
                        } catch let problem as Problem where problem.type == ProblemType.invalidTransition.uri {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(attempts.filter { $0 }.count == 1)
            #expect(try await fixture.stock(of: variant) == 5)
        }
    }

    @Test(arguments: TestStore.available)
    func expiryReturnsStockExactlyOnceWhenTwoWorkersRace(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestMarket(on: store, dependencies: clock.dependencies) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("E", 2_000, 10)]).first)
            let buyers = try await fixture.buyers(3)
            for (index, buyer) in buyers.enumerated() {
                _ = try await fixture.checkouts.checkout(
                    try fixture.request([(variant, 2)]), idempotencyKey: "expiry-\(index)-key", by: buyer, on: county.db
                )
            }
            #expect(try await fixture.stock(of: variant) == 4)
            #expect(try await fixture.orders.expireUnpaid(on: county.db) == 0)
            clock.advance(by: 30 * 60 + 1)
            async let first = fixture.orders.expireUnpaid(on: county.db)
            async let second = fixture.orders.expireUnpaid(on: county.db)
            let expired = try await first + second
            #expect(expired == 3)
            #expect(try await fixture.stock(of: variant) == 10)
            #expect(try await Order.query(on: county.db).filter(\.$status == .cancelled).count() == 3)
        }
    }

    @Test(arguments: TestStore.available)
    func checkoutQueuesItsOwnExpiryWhichTwoWorkersRunOnce(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestMarket(on: store, dependencies: clock.dependencies) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("J", 2_000, 10)]).first)
            let buyers = try await fixture.buyers(2)
            let unpaid = try await fixture.checkouts.checkout(
                try fixture.request([(variant, 3)]), idempotencyKey: "job-expiry-1", by: buyers[0], on: county.db)
            let paid = try await fixture.checkouts.checkout(
                try fixture.request([(variant, 2)]), idempotencyKey: "job-expiry-2", by: buyers[1], on: county.db)
            _ = try await fixture.payments.pay(
                checkoutID: try paid.checkout.requireID(), provider: "sandbox", token: "tok_ok",
                idempotencyKey: "job-expiry-pay", by: buyers[1], on: county.db)
            #expect(try await Job.query(on: county.db).count() == 2)
            #expect(try await fixture.stock(of: variant) == 5)

            func worker(_ name: String) -> JobQueue {
                MarketplaceJobs.register(
                    on: JobQueue(dependencies: clock.dependencies, workerID: name), context: fixture.context)
            }
            #expect(try await worker("early").runDue(on: county.db) == 0)
            clock.advance(by: 30 * 60 + 1)
            async let a = worker("a").runDue(on: county.db)
            async let b = worker("b").runDue(on: county.db)
            #expect(try await a + b == 2)
            // The unpaid checkout's 3 come back once; the paid one keeps its 2.
            #expect(try await fixture.stock(of: variant) == 8)
            let unpaidOrder = try #require(unpaid.orders.first)
            #expect(try await Order.find(unpaidOrder.requireID(), on: county.db)?.status == .cancelled)
            #expect(try await Order.query(on: county.db).filter(\.$status == .paid).count() == 1)
        }
    }
}
