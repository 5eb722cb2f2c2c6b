import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Testing

@Suite("Refunds and statements")
struct RefundAndStatementTests {
    /// Checks out and pays `quantity` of `variant` for `buyer`; returns the order.
    static func paidOrder(
        _ fixture: MarketplaceFixture, _ variant: Variant, _ quantity: Int, _ buyer: Principal, key: String
    ) async throws -> Order {
        let result = try await fixture.checkouts.checkout(
            try fixture.request([(variant, quantity)]), idempotencyKey: key, by: buyer, on: fixture.county.db)
        _ = try await fixture.payments.pay(
            checkoutID: try result.checkout.requireID(), provider: "sandbox", token: "tok_ok",
            idempotencyKey: key + "-pay",
            by: buyer, on: fixture.county.db)
        let orderID = try #require(result.orders.first).requireID()
        return try #require(try await Order.find(orderID, on: fixture.county.db))
    }

    @Test(arguments: TestStore.available)
    func afterSalesFlowNeverRefundsMoreThanWasPaid(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("R", 5_000, 10)]).first)
            let buyer = try #require(try await fixture.buyers(1).first)
            let order = try await Self.paidOrder(fixture, variant, 2, buyer, key: "refund-flow-1")
            let refunds = RefundService(context: fixture.context)

            // Partial, no return needed: approved means refunded.
            let first = try await refunds.request(
                orderID: try order.requireID(), amountMinor: 3_000, reason: "褪色", requiresReturn: false, by: buyer,
                on: county.db)
            #expect(try await refunds.approve(first.requireID(), by: fixture.seller, on: county.db).status == .refunded)
            // More than is left is refused and reserves nothing.
            await #expect(throws: Problem.self) {
                try await refunds.request(
                    orderID: try order.requireID(), amountMinor: 7_001, reason: "all", requiresReturn: true, by: buyer,
                    on: county.db)
            }
            // A rejected request frees its amount again.
            let rejected = try await refunds.request(
                orderID: try order.requireID(), amountMinor: 7_000, reason: "size", requiresReturn: true, by: buyer,
                on: county.db)
            _ = try await refunds.reject(rejected.requireID(), by: fixture.seller, on: county.db)
            await #expect(throws: Problem.self) {
                try await refunds.approve(rejected.requireID(), by: fixture.seller, on: county.db)
            }
            // With a return: approved, goods back, then refunded; the order is fully refunded.
            let second = try await refunds.request(
                orderID: try order.requireID(), amountMinor: 7_000, reason: "size", requiresReturn: true, by: buyer,
                on: county.db)
            await #expect(throws: Problem.self) {
                try await refunds.approve(second.requireID(), by: buyer, on: county.db)
            }
            #expect(
                try await refunds.approve(second.requireID(), by: fixture.seller, on: county.db).status == .approved)
            #expect(
                try await refunds.confirmReturn(second.requireID(), by: fixture.seller, on: county.db).status
                    == .refunded)
            #expect(try await Order.find(order.requireID(), on: county.db)?.status == .refunded)
            await #expect(throws: Problem.self) {
                try await refunds.request(
                    orderID: try order.requireID(), amountMinor: 1, reason: "more", requiresReturn: false, by: buyer,
                    on: county.db)
            }
        }
    }

    @Test(arguments: TestStore.available)
    func concurrentRefundRequestsCannotOverReserve(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("Z", 1_000, 10)]).first)
            let buyer = try #require(try await fixture.buyers(1).first)
            let order = try await Self.paidOrder(fixture, variant, 3, buyer, key: "refund-race")
            let refunds = RefundService(context: fixture.context)
            let granted = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await refunds.request(
                                orderID: try order.requireID(), amountMinor: 1_000, reason: "x", requiresReturn: false,
                                by: buyer, on: county.db)
                            return 1
                        } catch is Problem {
                            return 0
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(granted == 3)
            #expect(try await Order.find(order.requireID(), on: county.db)?.refundReservedMinor == 3_000)
        }
    }

    /// Random order histories: the statement over a period equals the sum of statements over
    /// any split of it, its sales and refunds equal an independent ledger kept by the test,
    /// and the platform never returns more commission than it took.
    @Test(arguments: TestStore.available)
    func statementsAddUpOverRandomHistories(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestMarket(on: store, dependencies: clock.dependencies) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let costume = try #require(try await fixture.product("演出服", variants: [("C", 12_345, 500)]).first)
            let (_, peaches) = try await fixture.catalog.addProduct(
                .init(
                    title: "鲜桃", description: "", categoryID: CategoryTaxonomy.id(for: "farm"),
                    variants: [.init(sku: "P", price: Money(minorUnits: 3_333), stock: 500)]),
                to: try fixture.shop.requireID(), by: fixture.seller, shops: ShopService(context: fixture.context),
                on: county.db)
            let buyers = try await fixture.buyers(3)
            let refunds = RefundService(context: fixture.context)
            var random = SeededGenerator(seed: 42)
            let start = clock.now
            var ledger: [(at: Date, sales: Int64, refunds: Int64)] = []

            for step in 0..<24 {
                clock.advance(by: Double(Int.random(in: 60...7_200, using: &random)))
                let buyer = buyers[Int.random(in: 0..<buyers.count, using: &random)]
                let variant = Bool.random(using: &random) ? costume : peaches[0]
                let quantity = Int.random(in: 1...4, using: &random)
                let order = try await Self.paidOrder(fixture, variant, quantity, buyer, key: "history-\(step)")
                ledger.append((clock.now, order.totalMinor, 0))
                if Int.random(in: 0..<3, using: &random) == 0 {
                    clock.advance(by: Double(Int.random(in: 60...3_600, using: &random)))
                    let amount = Int64.random(in: 1...order.totalMinor, using: &random)
                    let refund = try await refunds.request(
                        orderID: try order.requireID(), amountMinor: amount, reason: "random", requiresReturn: false,
                        by: buyer, on: county.db)
                    _ = try await refunds.approve(refund.requireID(), by: fixture.seller, on: county.db)
                    ledger.append((clock.now, 0, amount))
                }
            }
            let end = clock.now.addingTimeInterval(1)
            let statements = StatementService()
            let whole = try await statements.statement(
                shopID: try fixture.shop.requireID(), from: start, to: end, by: fixture.seller, on: county.db)
            #expect(whole.salesMinor == ledger.reduce(0) { $0 + $1.sales })
            #expect(whole.refundsMinor == ledger.reduce(0) { $0 + $1.refunds })
            #expect(
                whole.netPayableMinor == whole.salesMinor - whole.refundsMinor - whole.commissionMinor
                    + whole.commissionReturnedMinor)
            #expect(whole.commissionReturnedMinor <= whole.commissionMinor)
            #expect(whole.commissionMinor > 0)

            for _ in 0..<5 {
                let cut = start.addingTimeInterval(Double.random(in: 0...end.timeIntervalSince(start), using: &random))
                let before = try await statements.statement(
                    shopID: try fixture.shop.requireID(), from: start, to: cut, by: fixture.seller, on: county.db)
                let after = try await statements.statement(
                    shopID: try fixture.shop.requireID(), from: cut, to: end, by: fixture.seller, on: county.db)
                #expect(before.salesMinor + after.salesMinor == whole.salesMinor)
                #expect(before.refundsMinor + after.refundsMinor == whole.refundsMinor)
                #expect(before.commissionMinor + after.commissionMinor == whole.commissionMinor)
                #expect(before.commissionReturnedMinor + after.commissionReturnedMinor == whole.commissionReturnedMinor)
                #expect(before.netPayableMinor + after.netPayableMinor == whole.netPayableMinor)
            }
            // Nobody else reads a shop's statement.
            await #expect(throws: Problem.self) {
                try await statements.statement(
                    shopID: try fixture.shop.requireID(), from: start, to: end, by: buyers[0], on: county.db)
            }
        }
    }

    @Test func commissionRoundsHalfUp() {
        #expect(StatementService.commission(onMinor: 10_000, basisPoints: 500) == 500)
        #expect(StatementService.commission(onMinor: 12_345, basisPoints: 500) == 617)  // 617.25
        #expect(StatementService.commission(onMinor: 3_333, basisPoints: 150) == 50)  // 49.995
    }
}
