import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Persistence
import Testing

@Suite("Reviews, ratings and automatic completion")
struct ReviewTests {
    /// Delivered orders of one unit each of `variant`, one buyer per order.
    static func deliveredLines(_ fixture: MarketplaceFixture, _ variant: Variant, count: Int, prefix: String)
        async throws -> [(OrderLine, Principal)]
    {
        var lines: [(OrderLine, Principal)] = []
        for index in 0..<count {
            let buyer = try await MarketplaceFixture.makeAccount(fixture.county, "\(prefix)\(index)")
            let checkout = try await fixture.checkouts.checkout(
                try fixture.request([(variant, 1)]), idempotencyKey: "review-\(prefix)-checkout-\(index)", by: buyer,
                on: fixture.county.db)
            _ = try await fixture.payments.pay(
                checkoutID: try checkout.checkout.requireID(), provider: "sandbox", token: "tok_ok",
                idempotencyKey: "review-\(prefix)-pay-\(index)", by: buyer, on: fixture.county.db)
            let orderID = try #require(checkout.orders.first).requireID()
            _ = try await fixture.orders.markShipped(orderID, by: fixture.seller, on: fixture.county.db)
            _ = try await fixture.orders.markDelivered(orderID, by: fixture.seller, on: fixture.county.db)
            let line = try #require(
                try await OrderLine.query(on: fixture.county.db).filter(\.$order.$id == orderID).first())
            lines.append((line, buyer))
        }
        return lines
    }

    @Test(arguments: TestStore.available)
    func ratingsEqualARecomputationAfterRandomReviewsHidesAndUnhides(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let reviews = ReviewService(context: fixture.context)
            let official = try await MarketplaceFixture.makeAccount(county, "moderator", roles: [.admin])
            let productA = try #require(try await fixture.product("红色演出服", variants: [("A", 1_000, 100)]).first)
            let productB = try #require(try await fixture.product("蓝色演出服", variants: [("B", 1_000, 100)]).first)
            var pending = try await Self.deliveredLines(fixture, productA, count: 6, prefix: "a")
            pending += try await Self.deliveredLines(fixture, productB, count: 6, prefix: "b")

            var generator = SeededGenerator(seed: 20_261_123)
            var written: [Review] = []
            for _ in 0..<40 {
                let action = Int.random(in: 0..<3, using: &generator)
                if action == 0 || written.isEmpty, !pending.isEmpty {
                    let (line, buyer) = pending.remove(at: Int.random(in: 0..<pending.count, using: &generator))
                    let stars = { Int.random(in: 1...5, using: &generator) }
                    written.append(
                        try await reviews.write(
                            lineID: try line.requireID(),
                            ratings: Ratings(described: stars(), service: stars(), shipping: stars()),
                            text: "第\(written.count)条", by: buyer, on: county.db))
                } else if !written.isEmpty {
                    let review = written[Int.random(in: 0..<written.count, using: &generator)]
                    let current = try #require(try await Review.find(review.requireID(), on: county.db))
                    if current.hidden {
                        _ = try await reviews.unhide(current.requireID(), reason: "恢复", by: official, on: county.db)
                    } else {
                        _ = try await reviews.hide(current.requireID(), reason: "违规", by: official, on: county.db)
                    }
                }
                // After every step: the ratings equal a recomputation from the raw rows.
                let raw = try await Review.query(on: county.db).all()
                for variant in [productA, productB] {
                    let productID = variant.$product.id
                    var expected = RatingSummary()
                    for review in raw where review.$product.id == productID && !review.hidden {
                        expected.add(review.ratings)
                    }
                    #expect(try await reviews.rating(productID: productID, on: county.db) == expected)
                }
                var shopExpected = RatingSummary()
                for review in raw where !review.hidden { shopExpected.add(review.ratings) }
                #expect(try await reviews.rating(shopID: try fixture.shop.requireID(), on: county.db) == shopExpected)
            }
            #expect(written.count >= 6)
            let moderations = try await ReviewModeration.query(on: county.db).count()
            #expect(moderations > 0)

            // Search sorts by the same means, best first.
            let ratings = try await reviews.ratings(
                productIDs: [productA.$product.id, productB.$product.id], on: county.db)
            let hits = try await SearchService().search(SearchQuery(text: "演出服", sort: .rating), on: county.db)
            let order = hits.items.map(\.productID)
            let means = order.map { ratings[$0]?.overall ?? 0 }
            #expect(means == means.sorted(by: >), "\(means)")
        }
    }

    @Test(arguments: TestStore.available)
    func onlyTheBuyerOfADeliveredLineReviewsItOnce(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let reviews = ReviewService(context: fixture.context)
            let variant = try #require(try await fixture.product(variants: [("P", 1_000, 10)]).first)
            let buyer = try await MarketplaceFixture.makeAccount(county, "early")
            let checkout = try await fixture.checkouts.checkout(
                try fixture.request([(variant, 1)]), idempotencyKey: "review-early-1", by: buyer, on: county.db)
            let orderID = try #require(checkout.orders.first).requireID()
            let line = try #require(try await OrderLine.query(on: county.db).filter(\.$order.$id == orderID).first())
            let five = Ratings(described: 5, service: 5, shipping: 5)
            // Not yet delivered.
            await #expect(throws: Problem.self) {
                try await reviews.write(lineID: try line.requireID(), ratings: five, text: "", by: buyer, on: county.db)
            }
            let (delivered, owner) = try #require(
                try await Self.deliveredLines(fixture, variant, count: 1, prefix: "d").first)
            let lineID = try delivered.requireID()
            // Somebody else's line is not found; bad stars name the field.
            await #expect(throws: Problem.notFound("The order line", field: "lineId")) {
                try await reviews.write(lineID: lineID, ratings: five, text: "", by: buyer, on: county.db)
            }
            await #expect(throws: Problem.validation("ratings.service", "From 1 to 5 stars.")) {
                try await reviews.write(
                    lineID: lineID, ratings: Ratings(described: 5, service: 0, shipping: 5), text: "", by: owner,
                    on: county.db)
            }
            // Five at once: one review.
            let results = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<5 {
                    group.addTask {
                        (try? await reviews.write(
                            lineID: lineID, ratings: five, text: "<script>alert(\(index))</script>", by: owner,
                            on: county.db)) != nil
                    }
                }
                return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(results == 1)
            let review = try #require(try await Review.query(on: county.db).first())
            #expect(review.text.hasPrefix("<script>"))
            // The shop replies once; the buyer cannot reply.
            await #expect(throws: Problem.self) {
                try await reviews.reply(review.requireID(), text: "谢谢", by: owner, on: county.db)
            }
            _ = try await reviews.reply(review.requireID(), text: "谢谢惠顾", by: fixture.seller, on: county.db)
            await #expect(throws: Problem.self) {
                try await reviews.reply(review.requireID(), text: "再谢", by: fixture.seller, on: county.db)
            }
            // Reports count once per account; only a moderator hides.
            try await reviews.report(review.requireID(), reason: "广告", by: fixture.seller, on: county.db)
            try await reviews.report(review.requireID(), reason: "广告", by: fixture.seller, on: county.db)
            #expect(try await Review.find(review.requireID(), on: county.db)?.reportCount == 1)
            await #expect(throws: Problem.self) {
                try await reviews.hide(review.requireID(), reason: "x", by: fixture.seller, on: county.db)
            }
        }
    }

    @Test(arguments: TestStore.available)
    func deliveredOrdersCompleteByThemselvesUnlessARefundIsOpen(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestMarket(on: store, dependencies: clock.dependencies) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("P", 1_000, 10)]).first)
            let delivered = try await Self.deliveredLines(fixture, variant, count: 2, prefix: "auto")
            let quiet = delivered[0].0.$order.id
            let complaining = delivered[1].0.$order.id
            _ = try await RefundService(context: fixture.context).request(
                orderID: complaining, amountMinor: 500, reason: "少了一件", requiresReturn: false,
                by: delivered[1].1, on: county.db)
            let worker = MarketplaceJobs.register(
                on: JobQueue(dependencies: clock.dependencies, workerID: "w"), context: fixture.context)
            _ = try await worker.runDue(on: county.db)
            #expect(try await Order.find(quiet, on: county.db)?.status == .delivered)
            clock.advance(by: fixture.context.autoCompleteAfter + 1)
            _ = try await worker.runDue(on: county.db)
            #expect(try await Order.find(quiet, on: county.db)?.status == .completed)
            #expect(try await Order.find(complaining, on: county.db)?.status == .delivered)
            let event = try await OrderEvent.query(on: county.db).filter(\.$order.$id == quiet)
                .filter(\.$to == .completed).first()
            #expect(event?.actorID == nil)
        }
    }
}
