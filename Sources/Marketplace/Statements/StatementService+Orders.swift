import FluentKit
import Foundation
import Persistence
import SQLKit

extension StatementService {
    /// The shop's retail side in the period, in two aggregate queries on both stores: the
    /// orders paid in it (`orders.paid_at`, with the commission fixed at payment,
    /// `AddOrderMonthColumns`) and the refunds paid back in it (`refunds.shop_id`). Each reads a
    /// range of one index; on PostgreSQL `created_at < to` also leaves out the months after the
    /// period, since an order is paid after it is made.
    func addOrders(to statement: inout Statement, on database: any Database) async throws {
        let sql = try database.sql()
        let shopID = statement.shopID
        let from = statement.from
        let to = statement.to
        if let paid = try await sql.raw(
            """
            SELECT COUNT(*) AS n, CAST(COALESCE(SUM(total_minor), 0) AS BIGINT) AS sales, \
            CAST(COALESCE(SUM(commission_minor), 0) AS BIGINT) AS commission FROM orders \
            WHERE shop_id = \(bind: shopID) AND paid_at >= \(bind: from) AND paid_at < \(bind: to) \
            AND created_at < \(bind: to)
            """
        ).first() {
            statement.paidOrders += try paid.decode(column: "n", as: Int.self)
            statement.salesMinor += try paid.decode(column: "sales", as: Int64.self)
            statement.commissionMinor += try paid.decode(column: "commission", as: Int64.self)
        }
        // A refund returns the order's commission in proportion, rounded down per refund.
        if let refunded = try await sql.raw(
            """
            SELECT COUNT(*) AS n, CAST(COALESCE(SUM(r.amount_minor), 0) AS BIGINT) AS amount, \
            CAST(COALESCE(SUM(CASE WHEN o.total_minor > 0 \
            THEN COALESCE(o.commission_minor, 0) * r.amount_minor / o.total_minor ELSE 0 END), 0) AS BIGINT) AS returned \
            FROM refunds r JOIN orders o ON o.id = r.order_id AND o.created_at = r.order_created_at \
            WHERE r.shop_id = \(bind: shopID) AND r.status = \(bind: Refund.Status.refunded.rawValue) \
            AND r.refunded_at >= \(bind: from) AND r.refunded_at < \(bind: to)
            """
        ).first() {
            statement.refunds += try refunded.decode(column: "n", as: Int.self)
            statement.refundsMinor += try refunded.decode(column: "amount", as: Int64.self)
            statement.commissionReturnedMinor += try refunded.decode(column: "returned", as: Int64.self)
        }
    }
}
