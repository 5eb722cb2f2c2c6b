import Community
import DomainTesting
import FluentKit
import Foundation
import Marketplace
import SQLKit
import Testing

@Suite("Payments sharing products never deadlock")
struct PaymentLockOrderTests {
    /// PostgreSQL with its prepared capture statement and with the portable statements
    /// (`SearchIndex.recordSales`); SQLite has no row locks.
    static let runs: [Bool] = TestStore.available.contains(.postgres) ? [true, false] : []

    /// A payment adds its units to its products' sales rows (`search_sales`), having locked their
    /// search rows first. It must lock those in product order, as every other writer of them does:
    /// locked in the order its plan met them, two payments of carts sharing two products each held
    /// one and waited for the other (`bench/checkout`, 3-line carts: `40P01`, answered 500).
    ///
    /// Another transaction holds the row of the cart's first product (by id). The payment must
    /// wait for it holding none of the cart's other rows, although those lie first in the table
    /// (the first product's row is rewritten after them, so a scan in table order meets it last)
    /// and first in the cart.
    @Test(arguments: runs)
    func aPaymentLocksItsSearchRowsInProductOrder(prepared: Bool) async throws {
        try await withTestMarket(on: .postgres, preparedStatements: prepared) { county in
            let fixture = try await MarketplaceFixture.make(county)
            var variants: [Variant] = []
            for index in 0..<3 {
                variants += try await fixture.product("演出服 \(index)", variants: [("L\(index)", 1_000, 50)])
            }
            // The cart's lines last product first, so that a plan following them meets the first last.
            variants.sort { $0.$product.id.uuidString > $1.$product.id.uuidString }
            let products = Array(variants.map { $0.$product.id }.reversed())
            let buyer = try #require(try await fixture.buyers(1).first)
            let checkout = try await fixture.checkouts.checkout(
                try fixture.request(variants.map { ($0, 2) }), idempotencyKey: "lock-order-1", by: buyer,
                on: county.db)
            let checkoutID = try checkout.checkout.requireID()
            let sql = try #require(county.db as? any SQLDatabase)
            // Rewrite the first product's row (`rated` is indexed, so not in place): now last in the table.
            for change in [1, -1] {
                try await sql.raw(
                    "UPDATE search_documents SET rated = rated + \(bind: change) WHERE product_id = \(bind: products[0])"
                ).run()
            }

            let (othersFree, payment) = try await county.db.transaction { holder in
                let held = try #require(holder as? any SQLDatabase)
                try await held.raw(
                    "SELECT product_id FROM search_documents WHERE product_id = \(bind: products[0]) FOR UPDATE"
                ).run()
                let payment = Task {
                    try await fixture.payments.pay(
                        checkoutID: checkoutID, provider: "sandbox", token: "tok_ok", idempotencyKey: "lock-order-pay",
                        by: buyer, on: county.db)
                }
                // Until the payment waits for a row lock (at most 20 s).
                var waiting = false
                for _ in 0..<400 where !waiting {
                    try await Task.sleep(for: .milliseconds(50))
                    let rows = try await sql.raw(
                        """
                        SELECT COUNT(*) AS n FROM pg_stat_activity \
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                        """
                    ).all()
                    waiting = try rows.first?.decode(column: "n", as: Int.self) ?? 0 > 0
                }
                #expect(waiting, "the payment never waited for the held row")
                // The other two rows: locked by the waiting payment, or free?
                let free: Bool
                do {
                    try await sql.raw(
                        """
                        SELECT product_id FROM search_documents WHERE product_id IN (\(binds: Array(products.dropFirst()))) \
                        FOR UPDATE NOWAIT
                        """
                    ).run()
                    free = true
                } catch {
                    free = false
                }
                return (free, payment)
            }
            let paid = try await payment.value
            #expect(othersFree, "the payment held a later product's row while it waited for the first")
            #expect(paid.payment.status == .captured)
            let sold = try await sql.raw(
                "SELECT sold FROM search_sales WHERE product_id IN (\(binds: products))"
            ).all().map { try $0.decode(column: "sold", as: Int.self) }
            #expect(sold == [2, 2, 2])
        }
    }
}
