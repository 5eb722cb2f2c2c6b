import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Testing

@Suite("Checkout never oversells")
struct CheckoutTests {
    /// Each store, and PostgreSQL once more with prepared statements off, which runs its
    /// portable statements.
    static let statementRuns: [(TestStore, Bool)] =
        TestStore.available.map { ($0, true) } + (TestStore.available.contains(.postgres) ? [(.postgres, false)] : [])

    @Test(arguments: statementRuns)
    func sixtyFourBuyersTenInStockExactlyTenWin(store: TestStore, prepared: Bool) async throws {
        try await withTestMarket(on: store, preparedStatements: prepared) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("RED-110", 8_800, 10)]).first)
            let buyers = try await fixture.buyers(64)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for (index, buyer) in buyers.enumerated() {
                    group.addTask {
                        do {
                            _ = try await fixture.checkouts.checkout(
                                try fixture.request([(variant, 1)]), idempotencyKey: "key-\(index)-abcdef", by: buyer,
                                on: county.db)
                            return true
                        } catch let problem as Problem where problem.type == ProblemType.insufficientStock.uri {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 10)
            #expect(try await fixture.stock(of: variant) == 0)
            #expect(try await Order.query(on: county.db).count() == 10)
            #expect(try await Checkout.query(on: county.db).count() == 10)
        }
    }

    @Test(arguments: statementRuns)
    func multiVariantCheckoutsReserveAllOrNothingWithoutDeadlock(store: TestStore, prepared: Bool) async throws {
        try await withTestMarket(on: store, preparedStatements: prepared) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variants = try await fixture.product(variants: [("A", 1_000, 10), ("B", 2_000, 6), ("C", 500, 40)])
            let buyers = try await fixture.buyers(32)
            let won = try await withThrowingTaskGroup(of: Int.self) { group in
                for (index, buyer) in buyers.enumerated() {
                    // Lines in different orders, to provoke lock-order deadlocks if there were any.
                    let lines =
                        index % 2 == 0
                        ? [(variants[0], 1), (variants[1], 1), (variants[2], 2)]
                        : [(variants[2], 2), (variants[1], 1), (variants[0], 1)]
                    group.addTask {
                        do {
                            _ = try await fixture.checkouts.checkout(
                                try fixture.request(lines), idempotencyKey: "multi-\(index)-key", by: buyer,
                                on: county.db)
                            return 1
                        } catch let problem as Problem where problem.type == ProblemType.insufficientStock.uri {
                            return 0
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            // B (stock 6) is the bottleneck; no partial reservation of A or C survives.
            #expect(won == 6)
            #expect(try await fixture.stock(of: variants[0]) == 4)
            #expect(try await fixture.stock(of: variants[1]) == 0)
            #expect(try await fixture.stock(of: variants[2]) == 28)
        }
    }

    @Test(arguments: TestStore.available)
    func theSameIdempotencyKeyFiveTimesAtOnceMakesOneCheckout(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("X", 1_500, 10)]).first)
            let buyer = try #require(try await fixture.buyers(1).first)
            let request = try fixture.request([(variant, 3)])
            let ids = try await withThrowingTaskGroup(of: UUID.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        try await fixture.checkouts.checkout(
                            request, idempotencyKey: "same-key-123", by: buyer, on: county.db
                        )
                        .checkout.requireID()
                    }
                }
                return try await group.reduce(into: Set<UUID>()) { $0.insert($1) }
            }
            #expect(ids.count == 1)
            #expect(try await fixture.stock(of: variant) == 7)
            #expect(try await Checkout.query(on: county.db).count() == 1)

            // The key with another request is refused.
            await #expect(throws: Problem(type: .idempotencyKeyReused, field: "Idempotency-Key")) {
                try await fixture.checkouts.checkout(
                    try fixture.request([(variant, 1)]), idempotencyKey: "same-key-123", by: buyer, on: county.db)
            }
        }
    }

    @Test(arguments: TestStore.available)
    func ordersSplitPerShopAndTotalsAddUp(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let costume = try #require(try await fixture.product(variants: [("C1", 12_800, 5)]).first)
            let otherSeller = try await MarketplaceFixture.makeAccount(county, "farmer", roles: [.seller])
            let village = try #require(try await Village.query(on: county.db).filter(\.$nameEn == "Taoyuan").first())
            let orchard = try await ShopService(context: fixture.context).open(
                .init(name: "桃园鲜桃", villageID: try village.requireID(), kind: .individual), by: otherSeller,
                on: county.db)
            let (_, peaches) = try await fixture.catalog.addProduct(
                .init(
                    title: "鲜桃 5 斤", description: "", categoryID: CategoryTaxonomy.id(for: "farm"),
                    variants: [.init(sku: "P5", price: Money(minorUnits: 3_990), stock: 100)]),
                to: try orchard.requireID(), by: otherSeller, shops: ShopService(context: fixture.context),
                on: county.db)
            let buyer = try #require(try await fixture.buyers(1).first)
            let result = try await fixture.checkouts.checkout(
                try fixture.request([(costume, 2), (peaches[0], 3)]), idempotencyKey: "split-key-1", by: buyer,
                on: county.db)
            #expect(result.orders.count == 2)
            #expect(result.checkout.totalMinor == 2 * 12_800 + 3 * 3_990)
            #expect(result.orders.map(\.totalMinor).reduce(0, +) == result.checkout.totalMinor)
            #expect(Set(result.orders.map(\.$shop.id)) == [try fixture.shop.requireID(), try orchard.requireID()])
            let lines = try await OrderLine.query(on: county.db).all()
            #expect(Set(lines.map(\.commissionBasisPoints)) == [500, 200])
        }
    }

    @Test(
        "Bad checkout input is refused and writes nothing",
        arguments: [
            (0, "items[0].quantity"), (-3, "items[0].quantity"), (1_000, "items[0].quantity"),
            (Int.max, "items[0].quantity"),
        ])
    func badQuantity(quantity: Int, field: String) async throws {
        try await withTestMarket { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("Q", 100, 10)]).first)
            let buyer = try #require(try await fixture.buyers(1).first)
            await #expect(throws: Problem.self) {
                try await fixture.checkouts.checkout(
                    try fixture.request([(variant, quantity)]), idempotencyKey: "bad-qty-key", by: buyer, on: county.db)
            }
            do {
                _ = try await fixture.checkouts.checkout(
                    try fixture.request([(variant, quantity)]), idempotencyKey: "bad-qty-key", by: buyer, on: county.db)
            } catch let problem as Problem {
                #expect(problem.field == field)
                #expect(problem.status == 400)
            }
            #expect(try await Checkout.query(on: county.db).count() == 0)
            #expect(try await fixture.stock(of: variant) == 10)
        }
    }

    @Test func unknownUnlistedAndSuspendedVariantsAreRefused() async throws {
        try await withTestMarket { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("U", 100, 10)]).first)
            let buyer = try #require(try await fixture.buyers(1).first)
            let unknown = CheckoutService.Request(
                items: [.init(variantID: UUID(), quantity: 1)], delivery: MarketplaceFixture.delivery,
                paymentMethod: .online)
            do {
                _ = try await fixture.checkouts.checkout(
                    unknown, idempotencyKey: "unknown-key", by: buyer, on: county.db)
                Issue.record("an unknown variant was sold")
            } catch let problem as Problem {
                #expect(problem.status == 404)
                #expect(problem.field == "items[0].variantId")
            }

            let product = try #require(try await Product.find(variant.$product.id, on: county.db))
            product.listed = false
            try await product.save(on: county.db)
            do {
                _ = try await fixture.checkouts.checkout(
                    try fixture.request([(variant, 1)]), idempotencyKey: "unlisted-key", by: buyer, on: county.db)
                Issue.record("an unlisted product was sold")
            } catch let problem as Problem {
                #expect(problem.status == 409)
                #expect(problem.field == "items[0].variantId")
            }
            product.listed = true
            try await product.save(on: county.db)
            fixture.shop.status = .suspended
            try await fixture.shop.save(on: county.db)
            await #expect(throws: Problem.self) {
                try await fixture.checkouts.checkout(
                    try fixture.request([(variant, 1)]), idempotencyKey: "suspended-key", by: buyer, on: county.db)
            }
            #expect(try await fixture.stock(of: variant) == 10)
            #expect(try await Checkout.query(on: county.db).count() == 0)

            // A seller without the buyer role cannot buy.
            await #expect(throws: Problem.self) {
                try await fixture.checkouts.checkout(
                    try fixture.request([(variant, 1)]), idempotencyKey: "seller-key", by: fixture.seller, on: county.db
                )
            }
        }
    }
}
