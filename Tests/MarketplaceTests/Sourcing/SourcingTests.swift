import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Testing

/// A producer (the fixture's costume shop) and a reseller shop run by another seller.
struct SourcingFixture {
    let market: MarketplaceFixture
    let resellerOwner: Principal
    let reseller: Shop
    var sourcing: SourcingService { SourcingService(context: market.context) }
    var supply: SupplyService { SupplyService(context: market.context) }
    var county: TestCounty { market.county }

    static func make(_ county: TestCounty) async throws -> SourcingFixture {
        let market = try await MarketplaceFixture.make(county)
        let owner = try await MarketplaceFixture.makeAccount(county, "reseller", roles: [.seller])
        let village = try #require(try await Village.query(on: county.db).filter(\.$nameEn == "Taoyuan").first())
        let reseller = try await ShopService(context: market.context).open(
            .init(name: "桃园转卖", villageID: try village.requireID(), kind: .individual), by: owner, on: county.db)
        return SourcingFixture(market: market, resellerOwner: owner, reseller: reseller)
    }

    /// A producer product with one variant, offered with tiers 1 → 6,000 and 10 → 5,000.
    func offeredVariant(stock: Int, audience: SourcingOffer.Audience = .everyone) async throws -> Variant {
        let variant = try #require(try await market.product(variants: [("HF-1", 12_800, stock)]).first)
        _ = try await sourcing.offer(
            productID: variant.$product.id, audience: audience,
            tiers: [
                try variant.requireID(): [
                    .init(minQuantity: 1, unitPriceMinor: 6_000), .init(minQuantity: 10, unitPriceMinor: 5_000),
                ]
            ], by: market.seller, on: county.db)
        return variant
    }

    /// The reseller's linked listing of `source` at `priceMinor`.
    func linked(_ source: Variant, priceMinor: Int64 = 9_900) async throws -> Variant {
        let (_, variants) = try await sourcing.link(
            sourceProductID: source.$product.id, into: try reseller.requireID(), title: nil, description: nil,
            prices: [(try source.requireID(), priceMinor)], by: resellerOwner, on: county.db)
        return try #require(variants.first)
    }

    /// A producer variant offered with `stock`, the reseller's linked listing of it, and a buyer.
    func resale(stock: Int) async throws -> (source: Variant, linked: Variant, buyer: Principal) {
        let source = try await offeredVariant(stock: stock)
        let linked = try await linked(source)
        return (source, linked, try #require(try await market.buyers(1).first))
    }

    func statement(_ shop: Shop) async throws -> Statement {
        try await StatementService().statement(
            shopID: try shop.requireID(), from: Date(timeIntervalSince1970: 0), to: Date().addingTimeInterval(86_400),
            by: Principal(accountID: UUID(), grants: [RoleGrant(role: .admin)]), on: county.db)
    }
}

@Suite("Sourcing between shops")
struct SourcingTests {
    @Test(arguments: TestStore.available)
    func thirtyTwoBuyersOfALinkedProductNeverOversellTheProducer(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await SourcingFixture.make(county)
            let source = try await fixture.offeredVariant(stock: 10)
            let linked = try await fixture.linked(source)
            let buyers = try await fixture.market.buyers(32)
            let won = try await withThrowingTaskGroup(of: Int.self) { group in
                for (index, buyer) in buyers.enumerated() {
                    // Some buy the producer's own listing: both draw on the same stock.
                    let variant = index % 4 == 0 ? source : linked
                    group.addTask {
                        do {
                            _ = try await fixture.market.checkouts.checkout(
                                try fixture.market.request([(variant, 1)]), idempotencyKey: "linked-\(index)-key",
                                by: buyer, on: county.db)
                            return 1
                        } catch let problem as Problem where problem.type == ProblemType.insufficientStock.uri {
                            return 0
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(won == 10)
            #expect(try await fixture.market.stock(of: source) == 0)
            #expect(try await fixture.market.stock(of: linked) == 0)
            // Both halves or neither: every reseller order has exactly one supply order.
            let resold = try await Order.query(on: county.db).filter(\.$shop.$id == fixture.reseller.requireID()).all()
            let supplies = try await SupplyOrder.query(on: county.db).all()
            #expect(supplies.count == resold.count)
            #expect(Set(supplies.compactMap(\.$retailOrder.id)) == Set(try resold.map { try $0.requireID() }))
            let supplyLines = try await SupplyOrderLine.query(on: county.db).all()
            #expect(supplyLines.allSatisfy { $0.$variant.id == source.id && $0.unitPriceMinor == 6_000 })
            // The producer packs the kind the buyer chose.
            #expect(supplyLines.allSatisfy { $0.variantName == "款 HF-1" && $0.description == "儿童演出服 · 款 HF-1" })
            #expect(supplyLines.count == resold.count)
        }
    }

    /// One cart holding the producer's own listing and a reseller's linked listing of the same
    /// variant takes both from the one stock: all of it, or nothing when it is short.
    @Test(arguments: TestStore.available)
    func aCartWithTheProducersListingAndALinkedOneTakesTheOneStockOnce(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await SourcingFixture.make(county)
            let market = fixture.market
            let (source, linked, buyer) = try await fixture.resale(stock: 5)
            let checkout = try await market.checkouts.checkout(
                try market.request([(source, 2), (linked, 3)]), idempotencyKey: "both-listings-1", by: buyer,
                on: county.db)
            #expect(checkout.orders.count == 2)
            #expect(try await market.stock(of: source) == 0)

            // Paying pays the drop-ship supply order too, with its event.
            _ = try await market.payments.pay(
                checkoutID: checkout.checkout.requireID(), provider: "sandbox", token: "tok_ok",
                idempotencyKey: "both-listings-pay", by: buyer, on: county.db)
            let resold = try #require(checkout.orders.first { $0.$shop.id == fixture.reseller.id })
            let supply = try #require(
                try await fixture.supply.supplyOrder(ofRetailOrder: resold.requireID(), on: county.db))
            #expect(supply.status == .paid)
            let events = try await SupplyOrderEvent.query(on: county.db)
                .filter(\.$supplyOrder.$id == supply.requireID()).filter(\.$to == .paid).all()
            #expect(events.count == 1)
            #expect(events.first?.from == .pendingPayment)
            #expect(events.first?.actorID == buyer.accountID)

            // Stock 1 left for 1 + 1: short, and nothing is written.
            try await market.restock(source, to: 1)
            let checkouts = try await Checkout.query(on: county.db).count()
            await #expect(throws: Problem.self) {
                _ = try await market.checkouts.checkout(
                    try market.request([(source, 1), (linked, 1)]), idempotencyKey: "both-listings-2", by: buyer,
                    on: county.db)
            }
            #expect(try await market.stock(of: source) == 1)
            #expect(try await Checkout.query(on: county.db).count() == checkouts)
        }
    }

    @Test(arguments: TestStore.available)
    func aLinkedOrderIsShippedByTheProducerAndRefundsFlowThroughBoth(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await SourcingFixture.make(county)
            let market = fixture.market
            let (source, linked, buyer) = try await fixture.resale(stock: 50)
            let checkout = try await market.checkouts.checkout(
                try market.request([(linked, 12)]), idempotencyKey: "resale-order-1", by: buyer, on: county.db)
            let retail = try #require(checkout.orders.first)
            let retailID = try retail.requireID()
            #expect(retail.totalMinor == 12 * 9_900)
            #expect(try await market.stock(of: source) == 38)
            var supply = try #require(try await fixture.supply.supplyOrder(ofRetailOrder: retailID, on: county.db))
            #expect(supply.status == .pendingPayment)
            #expect(supply.totalMinor == 12 * 5_000)  // the tier from 10 units

            _ = try await market.payments.pay(
                checkoutID: checkout.checkout.requireID(), provider: "sandbox", token: "tok_ok",
                idempotencyKey: "resale-pay-1", by: buyer, on: county.db)
            supply = try #require(try await fixture.supply.supplyOrder(ofRetailOrder: retailID, on: county.db))
            #expect(supply.status == .paid)

            // The reseller cannot ship what the producer sends; the producer's shipping ships both.
            await #expect(throws: Problem.self) {
                _ = try await market.orders.markShipped(retailID, by: fixture.resellerOwner, on: county.db)
            }
            await #expect(throws: Problem.self) {
                _ = try await fixture.supply.ship(supply.requireID(), by: fixture.resellerOwner, on: county.db)
            }
            _ = try await fixture.supply.ship(supply.requireID(), by: market.seller, on: county.db)
            #expect(try await Order.find(retailID, on: county.db)?.status == .shipped)
            _ = try await fixture.supply.deliver(supply.requireID(), by: market.seller, on: county.db)
            #expect(try await Order.find(retailID, on: county.db)?.status == .delivered)

            // A partial refund to the buyer credits the reseller the same share of the wholesale amount.
            let refunds = RefundService(context: market.context)
            let refund = try await refunds.request(
                orderID: retailID, amountMinor: 29_700, reason: "三件有瑕疵", requiresReturn: false, by: buyer, on: county.db
            )
            _ = try await refunds.approve(refund.requireID(), by: fixture.resellerOwner, on: county.db)
            var detail = try await fixture.supply.detail(supply.requireID(), for: market.seller, on: county.db)
            #expect(detail.credits.map(\.amountMinor) == [60_000 * 29_700 / 118_800])
            // The rest of the money back refunds both in full.
            let rest = try await refunds.request(
                orderID: retailID, amountMinor: 118_800 - 29_700, reason: "全部退货", requiresReturn: false, by: buyer,
                on: county.db)
            _ = try await refunds.approve(rest.requireID(), by: fixture.resellerOwner, on: county.db)
            detail = try await fixture.supply.detail(supply.requireID(), for: fixture.resellerOwner, on: county.db)
            #expect(detail.order.creditedMinor == detail.order.totalMinor)
            #expect(detail.order.status == .refunded)

            // Each shop's statement shows its side, and the two sides agree.
            let producer = try await fixture.statement(market.shop)
            let reseller = try await fixture.statement(fixture.reseller)
            #expect(producer.wholesaleSalesMinor == 60_000)
            #expect(reseller.supplyCostMinor == 60_000)
            #expect(producer.wholesaleCreditsMinor == 60_000)
            #expect(reseller.supplyCreditsMinor == 60_000)
            #expect(reseller.salesMinor == 118_800 && reseller.refundsMinor == 118_800)
            #expect(producer.netPayableMinor == 0)
            #expect(reseller.netPayableMinor == 0)
        }
    }

    @Test(arguments: TestStore.available)
    func cancellingAPaidLinkedOrderCancelsAndCreditsItsSupplyOrderAndReturnsStockOnce(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await SourcingFixture.make(county)
            let market = fixture.market
            let (source, linked, buyer) = try await fixture.resale(stock: 5)
            let checkout = try await market.checkouts.checkout(
                try market.request([(linked, 2)]), idempotencyKey: "cancel-linked-1", by: buyer, on: county.db)
            _ = try await market.payments.pay(
                checkoutID: checkout.checkout.requireID(), provider: "sandbox", token: "tok_ok",
                idempotencyKey: "cancel-linked-pay", by: buyer, on: county.db)
            let retailID = try #require(try checkout.orders.first?.requireID())
            _ = try await market.orders.cancel(retailID, by: fixture.resellerOwner, reason: "缺货", on: county.db)
            #expect(try await market.stock(of: source) == 5)
            #expect(try await market.stock(of: linked) == 0)
            let supply = try #require(try await fixture.supply.supplyOrder(ofRetailOrder: retailID, on: county.db))
            #expect(supply.status == .cancelled)
            #expect(supply.creditedMinor == supply.totalMinor)
            #expect(try await fixture.statement(fixture.reseller).netPayableMinor == 0)
            #expect(try await fixture.statement(market.shop).netPayableMinor == 0)
        }
    }

    @Test(arguments: TestStore.available)
    func unpaidLinkedOrdersExpireWithTheirSupplyOrders(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await SourcingFixture.make(county)
            let market = fixture.market
            let (source, linked, buyer) = try await fixture.resale(stock: 5)
            let checkout = try await market.checkouts.checkout(
                try market.request([(linked, 3)]), idempotencyKey: "expire-linked-1", by: buyer, on: county.db)
            let retailID = try #require(try checkout.orders.first?.requireID())
            _ = try await market.orders.cancel(retailID, by: buyer, reason: "changed my mind", on: county.db)
            #expect(try await market.stock(of: source) == 5)
            let supply = try #require(try await fixture.supply.supplyOrder(ofRetailOrder: retailID, on: county.db))
            #expect(supply.status == .cancelled)
            #expect(supply.creditedMinor == 0)
            #expect(try await fixture.statement(market.shop).wholesaleSalesMinor == 0)
        }
    }

    @Test(arguments: TestStore.available)
    func pricingBelowWholesaleAndUnapprovedResellingAreRefusedAndWriteNothing(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await SourcingFixture.make(county)
            let source = try await fixture.offeredVariant(stock: 5, audience: .approved)
            let resellerID = try fixture.reseller.requireID()
            let products = try await Product.query(on: county.db).count()

            // Only approved resellers may link an approved-only offer.
            await #expect(throws: Problem.self) { _ = try await fixture.linked(source) }
            let approval = try await fixture.sourcing.requestApproval(
                producerShopID: fixture.market.shop.requireID(), resellerShopID: resellerID, message: "想代销",
                by: fixture.resellerOwner, on: county.db)
            // The reseller cannot approve itself.
            await #expect(throws: Problem.self) {
                _ = try await fixture.sourcing.decide(
                    approval.requireID(), producerShopID: fixture.market.shop.requireID(), decision: .approve,
                    by: fixture.resellerOwner, on: county.db)
            }
            _ = try await fixture.sourcing.decide(
                approval.requireID(), producerShopID: fixture.market.shop.requireID(), decision: .approve,
                by: fixture.market.seller, on: county.db)

            // Below the wholesale price: a 400 naming the field, and nothing written.
            do {
                _ = try await fixture.linked(source, priceMinor: 5_999)
                Issue.record("a retail price below wholesale was accepted")
            } catch let problem as Problem {
                #expect(problem.type == ProblemType.validation.uri)
                #expect(problem.field == "variants[0].priceMinor")
            }
            #expect(try await Product.query(on: county.db).count() == products)

            let linked = try await fixture.linked(source, priceMinor: 6_000)
            await #expect(throws: Problem.self) {
                _ = try await fixture.market.catalog.updateVariant(
                    linked.requireID(), name: nil, price: Money(minorUnits: 5_000), by: fixture.resellerOwner,
                    shops: ShopService(context: fixture.market.context), on: county.db)
            }
            await #expect(throws: Problem.self) {
                _ = try await fixture.market.catalog.setStock(
                    linked.requireID(), to: 100, expected: nil, by: fixture.resellerOwner,
                    shops: ShopService(context: fixture.market.context), on: county.db)
            }
            // Tiers that charge more for more units are refused.
            await #expect(throws: Problem.self) {
                _ = try await fixture.sourcing.offer(
                    productID: source.$product.id, audience: .everyone,
                    tiers: [
                        try source.requireID(): [
                            .init(minQuantity: 1, unitPriceMinor: 5_000), .init(minQuantity: 5, unitPriceMinor: 5_500),
                        ]
                    ], by: fixture.market.seller, on: county.db)
            }

            // Once the producer revokes the approval, the linked listing cannot be bought.
            _ = try await fixture.sourcing.decide(
                approval.requireID(), producerShopID: fixture.market.shop.requireID(), decision: .revoke,
                by: fixture.market.seller, on: county.db)
            // Its listing leaves search and sale with the approval.
            #expect(try await Product.find(linked.$product.id, on: county.db)?.listed == false)
            let buyer = try #require(try await fixture.market.buyers(1).first)
            do {
                _ = try await fixture.market.checkouts.checkout(
                    try fixture.market.request([(linked, 1)]), idempotencyKey: "revoked-key-1", by: buyer, on: county.db
                )
                Issue.record("a revoked reseller's listing was sold")
            } catch let problem as Problem {
                #expect(problem.type == ProblemType.conflict.uri)
            }
            #expect(try await fixture.market.stock(of: source) == 5)
            #expect(try await Order.query(on: county.db).count() == 0)
        }
    }

    @Test(arguments: TestStore.available)
    func bulkWholesaleOrdersUseTheTiersOnceAndCancelBackToZero(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await SourcingFixture.make(county)
            let source = try await fixture.offeredVariant(stock: 30)
            let resellerID = try fixture.reseller.requireID()
            let delivery = MarketplaceFixture.delivery
            let items = [SupplyService.Item(variantID: try source.requireID(), quantity: 12)]
            let orders = try await withThrowingTaskGroup(of: UUID.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        try await fixture.supply.placeBulk(
                            from: resellerID, items: items, delivery: delivery, idempotencyKey: "bulk-order-1",
                            by: fixture.resellerOwner, on: county.db
                        ).order.requireID()
                    }
                }
                return try await group.reduce(into: Set<UUID>()) { $0.insert($1) }
            }
            #expect(orders.count == 1)
            #expect(try await fixture.market.stock(of: source) == 18)
            // Withdrawing the offer unlists the reseller's linked listing.
            let listing = try await fixture.linked(source)
            try await fixture.sourcing.withdraw(productID: source.$product.id, by: fixture.market.seller, on: county.db)
            #expect(try await Product.find(listing.$product.id, on: county.db)?.listed == false)
            #expect(try await Product.find(source.$product.id, on: county.db)?.listed == true)
            let id = try #require(orders.first)
            var order = try #require(try await SupplyOrder.find(id, on: county.db))
            #expect(order.totalMinor == 12 * 5_000)
            #expect(order.status == .paid)
            // The same key for other items is a conflict, not a second order.
            await #expect(throws: Problem.self) {
                _ = try await fixture.supply.placeBulk(
                    from: resellerID, items: [.init(variantID: try source.requireID(), quantity: 2)],
                    delivery: delivery,
                    idempotencyKey: "bulk-order-1", by: fixture.resellerOwner, on: county.db)
            }
            #expect(try await fixture.statement(fixture.reseller).supplyCostMinor == 60_000)
            #expect(try await fixture.statement(fixture.market.shop).wholesaleSalesMinor == 60_000)

            order = try await fixture.supply.cancel(id, reason: "订错了", by: fixture.resellerOwner, on: county.db)
            #expect(order.status == .cancelled)
            #expect(try await fixture.market.stock(of: source) == 30)
            await #expect(throws: Problem.self) {
                _ = try await fixture.supply.cancel(id, reason: "again", by: fixture.resellerOwner, on: county.db)
            }
            #expect(try await fixture.market.stock(of: source) == 30)
            #expect(try await fixture.statement(fixture.reseller).netPayableMinor == 0)
            #expect(try await fixture.statement(fixture.market.shop).netPayableMinor == 0)
            // A stranger sees none of it.
            let stranger = try await MarketplaceFixture.makeAccount(county, "stranger", roles: [.seller])
            await #expect(throws: Problem.self) {
                _ = try await fixture.supply.detail(id, for: stranger, on: county.db)
            }
        }
    }
}
