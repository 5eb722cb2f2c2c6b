import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Refunds and the after-sales flow. The money promised back on an order can never exceed
/// what was paid: each request reserves its amount with one guarded update
/// (`refund_reserved_minor + amount <= total_minor`), and a rejection gives it back.
public struct RefundService: Sendable {
    public let context: MarketplaceContext

    public init(context: MarketplaceContext) { self.context = context }

    public static let refundable: [OrderStatus] = [.paid, .shipped, .delivered, .completed]

    public func request(
        orderID: UUID, amountMinor: Int64, reason: String, requiresReturn: Bool, by principal: Principal,
        on database: any Database
    ) async throws -> Refund {
        let orders = OrderService(context: context)
        let order = try await orders.order(orderID, for: principal, on: database)
        guard order.$buyer.id == principal.accountID else {
            throw Problem.forbidden("Only the buyer asks for a refund.")
        }
        guard Self.refundable.contains(order.status) else {
            throw Problem(type: .invalidTransition, detail: "A \(order.status.rawValue) order cannot be refunded.")
        }
        guard amountMinor >= 1 else { throw Problem.validation("amountMinor", "At least 1 fen.") }
        let reason = try requireText(reason, field: "reason", length: FieldLimits.reason, multiline: true)
        let now = context.dependencies.now()
        let refund = Refund(
            id: context.dependencies.uuid(), orderID: orderID, amountMinor: amountMinor, reason: reason,
            requiresReturn: requiresReturn, requestedBy: principal.accountID, at: now)
        try await context.transactions.transaction(on: database) { db in
            let sql = try db.sql()
            let reserved = try await sql.update(Order.schema)
                .set(
                    SQLIdentifier("refund_reserved_minor"),
                    to: SQLBinaryExpression(SQLIdentifier("refund_reserved_minor"), .add, SQLBind(amountMinor))
                )
                .where(SQLIdentifier("id"), .equal, SQLBind(orderID))
                .where(
                    SQLBinaryExpression(SQLIdentifier("refund_reserved_minor"), .add, SQLBind(amountMinor)),
                    .lessThanOrEqual, SQLIdentifier("total_minor")
                )
                .returning(SQLIdentifier("id")).all()
            guard !reserved.isEmpty else {
                throw Problem.validation("amountMinor", "More than is left to refund on this order.")
            }
            try await refund.create(on: db)
        }
        return refund
    }

    /// The shop approves; without a return the money goes back at once.
    public func approve(_ refundID: UUID, by principal: Principal, on database: any Database) async throws -> Refund {
        let (refund, _) = try await staffRefund(refundID, principal, on: database)
        try await advance(refund, from: .requested, to: .approved, on: database)
        return refund.requiresReturn ? refund : try await pay(refund, actor: principal.accountID, on: database)
    }

    /// The shop rejects; the reserved amount is free again.
    public func reject(_ refundID: UUID, by principal: Principal, on database: any Database) async throws -> Refund {
        let (refund, _) = try await staffRefund(refundID, principal, on: database)
        try await advance(refund, from: .requested, to: .rejected, on: database) { db, sql in
            try await sql.update(Order.schema)
                .set(
                    SQLIdentifier("refund_reserved_minor"),
                    to: SQLBinaryExpression(
                        SQLIdentifier("refund_reserved_minor"), .subtract, SQLBind(refund.amountMinor))
                )
                .where(SQLIdentifier("id"), .equal, SQLBind(refund.$order.id)).run()
        }
        return refund
    }

    /// The shop has the goods back; the money goes back now.
    public func confirmReturn(_ refundID: UUID, by principal: Principal, on database: any Database) async throws
        -> Refund
    {
        let (refund, _) = try await staffRefund(refundID, principal, on: database)
        guard refund.requiresReturn else { throw Problem(type: .invalidTransition, detail: "No return was asked for.") }
        try await advance(refund, from: .approved, to: .goodsReturned, on: database)
        return try await pay(refund, actor: principal.accountID, on: database)
    }

    private func staffRefund(_ id: UUID, _ principal: Principal, on database: any Database) async throws -> (
        Refund, Order
    ) {
        guard let refund = try await Refund.find(id, on: database) else {
            throw Problem.notFound("The refund", field: "id")
        }
        let orders = OrderService(context: context)
        let order = try await orders.order(refund.$order.id, for: principal, on: database)
        guard try await orders.isStaff(principal, of: order, on: database) else {
            throw Problem.forbidden("Only the shop decides on refunds.")
        }
        return (refund, order)
    }

    /// Moves the money back, and the order to `refunded` when all of it went back.
    private func pay(_ refund: Refund, actor: UUID, on database: any Database) async throws -> Refund {
        let refundID = try refund.requireID()
        let from: Refund.Status = refund.requiresReturn ? .goodsReturned : .approved
        let now = context.dependencies.now()
        let dependencies = context.dependencies
        let providers = context.paymentProviders
        let cashDesk = context.cashDesk
        let observer = context.saleObserver
        try await advance(refund, from: from, to: .refunded, on: database) { db, _ in
            // After the guarded update, so a racing second approval never sends money twice.
            let reference = try await MoneyBack.send(
                Money(minorUnits: refund.amountMinor), forOrder: refund.$order.id, refundID: refundID,
                providers: providers, cashDesk: cashDesk, observer: observer, actor: actor, on: db)
            // The in-memory status must match the guarded update, or saving would undo it.
            refund.status = .refunded
            refund.refundedAt = now
            refund.providerReference = reference
            try await refund.save(on: db)
            let orderID = refund.$order.id
            let refunded = try await Refund.query(on: db).filter(\.$order.$id == orderID).filter(\.$status == .refunded)
                .all()
                .reduce(Int64(0)) { $0 + $1.amountMinor }
            guard let order = try await Order.find(orderID, on: db) else { return }
            try await SupplyService.retailRefunded(
                orderID: orderID, refundID: refundID, amountMinor: refund.amountMinor,
                retailTotalMinor: order.totalMinor,
                fullyRefunded: refunded == order.totalMinor, actor: actor, at: now, dependencies: dependencies, on: db)
            try await OrderEvent(
                id: dependencies.uuid(), orderID: orderID, from: order.status, to: order.status, actorID: actor,
                reason: "refunded \(Money(minorUnits: refund.amountMinor).formatted) (\(reference))", at: now
            ).create(on: db)
            if refunded == order.totalMinor, order.status.canMove(to: .refunded) {
                let previous = order.status
                order.status = .refunded
                order.updatedAt = now
                try await order.save(on: db)
                try await OrderEvent(
                    id: dependencies.uuid(), orderID: orderID, from: previous, to: .refunded, actorID: actor,
                    reason: "fully refunded", at: now
                ).create(on: db)
            }
        }
        return refund
    }

    /// A guarded refund status change, with `then` in the same transaction.
    private func advance(
        _ refund: Refund, from: Refund.Status, to: Refund.Status, on database: any Database,
        then: (@Sendable (any Database, any SQLDatabase) async throws -> Void)? = nil
    ) async throws {
        let id = try refund.requireID()
        let now = context.dependencies.now()
        try await context.transactions.transaction(on: database) { db in
            var transition = GuardedTransition(Refund.schema, id: id).moving("status", from: from, to: to)
            if from == .requested { transition = transition.setting("decided_at", to: now) }
            try await transition.run(on: db, orElse: "The refund is not \(from.rawValue).")
            try await then?(db, try db.sql())
        }
        refund.status = to
    }
}
