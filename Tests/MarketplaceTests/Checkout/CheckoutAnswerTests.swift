import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Persistence
import Testing

/// Checkout and payment look up an earlier request with the same key only when the unique
/// index or a failing check says there may be one, and read why a payment is refused only after
/// the guarded claim refused it. These pin down that every answer is still the one it was.
@Suite("Checkout and payment answers: retries, refusals and their reasons")
struct CheckoutAnswerTests {
    @Test(arguments: TestStore.available)
    func aRetryIsAnsweredEvenAfterTheCatalogueChanged(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("R", 1_500, 10)]).first)
            let buyer = try #require(try await fixture.buyers(1).first)
            let village = try #require(try await Village.query(on: county.db).filter(\.$nameEn == "Dingzhuang").first())
            var request = try fixture.request([(variant, 2)])
            request.delivery.villageID = try village.requireID()
            let first = try await fixture.checkouts.checkout(
                request, idempotencyKey: "retry-after-unlist", by: buyer, on: county.db)
            #expect(first.orders.first?.deliveryVillageID == village.id)

            let product = try #require(try await Product.find(variant.$product.id, on: county.db))
            product.listed = false
            try await product.save(on: county.db)
            let retry = try await fixture.checkouts.checkout(
                request, idempotencyKey: "retry-after-unlist", by: buyer, on: county.db)
            #expect(retry.replayed)
            #expect(retry.checkout.id == first.checkout.id)
            #expect(retry.orders.map(\.id) == first.orders.map(\.id))
            // The same key with another request is still refused, and a new key is refused as unlisted.
            var other = request
            other.items[0].quantity = 1
            await #expect(throws: Problem(type: .idempotencyKeyReused, field: "Idempotency-Key")) {
                try await fixture.checkouts.checkout(
                    other, idempotencyKey: "retry-after-unlist", by: buyer, on: county.db)
            }
            do {
                _ = try await fixture.checkouts.checkout(
                    request, idempotencyKey: "new-after-unlist", by: buyer, on: county.db)
                Issue.record("an unlisted product was sold")
            } catch let problem as Problem {
                #expect(problem.status == 409)
            }

            // An unknown delivery village is named, and nothing is written.
            product.listed = true
            try await product.save(on: county.db)
            var lost = request
            lost.delivery.villageID = UUID()
            do {
                _ = try await fixture.checkouts.checkout(
                    lost, idempotencyKey: "unknown-village", by: buyer, on: county.db)
                Issue.record("an unknown village was accepted")
            } catch let problem as Problem {
                #expect(problem.status == 404)
                #expect(problem.field == "delivery.villageId")
            }
            #expect(try await Checkout.query(on: county.db).count() == 1)
            #expect(try await fixture.stock(of: variant) == 8)
            let events = try await OrderEvent.query(on: county.db).all()
            #expect(events.count == 1)
            #expect(events.first?.to == .pendingPayment)
            #expect(try await Job.query(on: county.db).filter(\.$kind == MarketplaceJobs.expireCheckout).count() == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func aRetryIsAnsweredAfterTheStockRanOutAndAShortCartWritesNothing(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variants = try await fixture.product(variants: [("S1", 1_500, 3), ("S2", 900, 1)])
            let buyer = try #require(try await fixture.buyers(1).first)
            let request = try fixture.request([(variants[0], 3), (variants[1], 1)])
            let first = try await fixture.checkouts.checkout(
                request, idempotencyKey: "retry-after-sold-out", by: buyer, on: county.db)
            #expect(try await fixture.stock(of: variants[0]) == 0)

            // Both variants are sold out now; the retry still gets its checkout.
            let retry = try await fixture.checkouts.checkout(
                request, idempotencyKey: "retry-after-sold-out", by: buyer, on: county.db)
            #expect(retry.replayed)
            #expect(retry.checkout.id == first.checkout.id)

            // A new key is short of one, names it alone, and writes nothing.
            try await fixture.restock(variants[0], to: 5)
            let orders = try await Order.query(on: county.db).count()
            let events = try await OrderEvent.query(on: county.db).count()
            do {
                _ = try await fixture.checkouts.checkout(
                    try fixture.request([(variants[0], 2), (variants[1], 1)]), idempotencyKey: "short-of-one",
                    by: buyer, on: county.db)
                Issue.record("a sold-out variant was sold")
            } catch let problem as Problem {
                #expect(problem.status == 409)
                #expect(problem.detail?.contains("S2") == true)
                #expect(problem.detail?.contains("S1") == false)
            }
            #expect(try await fixture.stock(of: variants[0]) == 5)
            #expect(try await Checkout.query(on: county.db).count() == 1)
            #expect(try await Order.query(on: county.db).count() == orders)
            #expect(try await OrderEvent.query(on: county.db).count() == events)
            #expect(try await Job.query(on: county.db).filter(\.$kind == MarketplaceJobs.expireCheckout).count() == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func paymentsAreRefusedForTheRightReasonAndRetriesAnsweredAsBefore(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestMarket(on: store, dependencies: clock.dependencies) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("Y", 2_500, 10)]).first)
            let buyers = try await fixture.buyers(2)
            let checkout = try await fixture.checkouts.checkout(
                try fixture.request([(variant, 2)]), idempotencyKey: "answers-checkout", by: buyers[0], on: county.db)
            let checkoutID = try checkout.checkout.requireID()
            func pay(_ key: String, token: String = "tok_ok", by buyer: Principal? = nil) async throws
                -> PaymentService.Result
            {
                try await fixture.payments.pay(
                    checkoutID: checkoutID, provider: "sandbox", token: token, idempotencyKey: key,
                    by: buyer ?? buyers[0], on: county.db)
            }
            func refusal(_ key: String, token: String = "tok_ok", by buyer: Principal? = nil) async -> Problem? {
                do {
                    _ = try await pay(key, token: token, by: buyer)
                    return nil
                } catch {
                    return error as? Problem
                }
            }

            // Another buyer does not learn the checkout exists.
            let stranger = await refusal("stranger-pays", by: buyers[1])
            #expect(stranger?.status == 404)
            #expect(stranger?.field == "checkoutId")

            // Declined, and the same key again is declined without a second attempt on record.
            #expect(await refusal("declined-key", token: "tok_decline")?.type == ProblemType.paymentDeclined.uri)
            #expect(await refusal("declined-key", token: "tok_ok")?.type == ProblemType.paymentDeclined.uri)
            #expect(try await Payment.query(on: county.db).filter(\.$idempotencyKey == "declined-key").count() == 1)
            #expect(try await Checkout.find(checkoutID, on: county.db)?.paidByPaymentID == nil)

            // Paid: the answer carries the paid orders, each with its event; a retry gets the same.
            let paid = try await pay("paying-key")
            #expect(paid.payment.status == .captured)
            #expect(paid.payment.amountMinor == 5_000)
            #expect(paid.orders.map(\.id) == checkout.orders.map(\.id))
            #expect(paid.orders.allSatisfy { $0.status == .paid })
            let again = try await pay("paying-key")
            #expect(again.payment.id == paid.payment.id)
            #expect(again.orders.map(\.id) == paid.orders.map(\.id))
            #expect(again.orders.allSatisfy { $0.status == .paid })
            let paidID = try #require(paid.orders.first).requireID()
            let stored = try #require(try await Order.find(paidID, on: county.db))
            #expect(stored.status == .paid)
            #expect(
                try await OrderEvent.query(on: county.db).filter(\.$order.$id == stored.requireID())
                    .filter(\.$to == .paid).count() == 1)
            #expect(try await Checkout.find(checkoutID, on: county.db)?.paidByPaymentID == paid.payment.id)
            // A new key cannot pay it again.
            let twice = await refusal("second-payment")
            #expect(twice?.status == 409)
            #expect(twice?.detail == "This checkout is already paid or being paid.")
            #expect(try await Payment.query(on: county.db).filter(\.$status == .captured).count() == 1)

            // A checkout to be paid in cash is not paid online, and a closed window is closed.
            let village = try #require(try await Village.query(on: county.db).filter(\.$nameEn == "Dingzhuang").first())
            var cashRequest = try fixture.request([(variant, 1)], method: .cashAtStation)
            cashRequest.delivery.villageID = try village.requireID()
            let cash = try await fixture.checkouts.checkout(
                cashRequest, idempotencyKey: "answers-cash", by: buyers[1], on: county.db)
            let late = try await fixture.checkouts.checkout(
                try fixture.request([(variant, 1)]), idempotencyKey: "answers-late", by: buyers[1], on: county.db)
            for (checkout, detail) in [
                (cash, "This checkout is paid in cash at a station."), (late, "The payment window has closed."),
            ] {
                if checkout.checkout.id == late.checkout.id { clock.advance(by: 30 * 60 + 1) }
                do {
                    _ = try await fixture.payments.pay(
                        checkoutID: try checkout.checkout.requireID(), provider: "sandbox", token: "tok_ok",
                        idempotencyKey: "refused-payment", by: buyers[1], on: county.db)
                    Issue.record("\(detail): paid all the same")
                } catch let problem as Problem {
                    #expect(problem.status == 409)
                    #expect(problem.detail == detail)
                }
            }
            #expect(try await Payment.query(on: county.db).count() == 2)
        }
    }

    @Test(arguments: TestStore.available)
    func aCheckoutWithACancelledOrderIsNotPaid(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let costume = try #require(try await fixture.product(variants: [("K1", 1_000, 5)]).first)
            let otherSeller = try await MarketplaceFixture.makeAccount(county, "orchard", roles: [.seller])
            let village = try #require(try await Village.query(on: county.db).filter(\.$nameEn == "Taoyuan").first())
            let orchard = try await ShopService(context: fixture.context).open(
                .init(name: "桃园果园", villageID: try village.requireID(), kind: .individual), by: otherSeller,
                on: county.db)
            let (_, peaches) = try await fixture.catalog.addProduct(
                .init(
                    title: "鲜桃 3 斤", description: "", categoryID: CategoryTaxonomy.id(for: "farm"),
                    variants: [.init(sku: "K2", price: Money(minorUnits: 2_000), stock: 5)]),
                to: try orchard.requireID(), by: otherSeller, shops: ShopService(context: fixture.context),
                on: county.db)
            let buyer = try #require(try await fixture.buyers(1).first)
            let checkout = try await fixture.checkouts.checkout(
                try fixture.request([(costume, 1), (peaches[0], 1)]), idempotencyKey: "half-cancelled", by: buyer,
                on: county.db)
            #expect(checkout.orders.count == 2)
            _ = try await fixture.orders.cancel(
                try checkout.orders[0].requireID(), by: buyer, reason: "changed my mind", on: county.db)
            do {
                _ = try await fixture.payments.pay(
                    checkoutID: try checkout.checkout.requireID(), provider: "sandbox", token: "tok_ok",
                    idempotencyKey: "pay-half", by: buyer, on: county.db)
                Issue.record("a checkout with a cancelled order was paid")
            } catch let problem as Problem {
                #expect(problem.status == 409)
                #expect(problem.detail == "The orders are no longer awaiting payment.")
            }
            #expect(try await Payment.query(on: county.db).count() == 0)
            #expect(try await Checkout.find(checkout.checkout.requireID(), on: county.db)?.paidByPaymentID == nil)
            let statuses = try await Order.query(on: county.db).filter(\.$checkout.$id == checkout.checkout.requireID())
                .all().map(\.status)
            #expect(statuses.sorted { $0.rawValue < $1.rawValue } == [.cancelled, .pendingPayment])
        }
    }
}
