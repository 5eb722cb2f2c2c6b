import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// Pays a checkout's orders with one payment. Never charges twice: a retry with the same
/// `Idempotency-Key` gets the first answer, and a guarded update lets only one payment
/// claim a checkout before any provider is asked for money.
public struct PaymentService: Sendable {
    public let context: MarketplaceContext
    public let providers: [String: any PaymentProvider]

    public init(context: MarketplaceContext, providers: [any PaymentProvider] = [SandboxPaymentProvider()]) {
        self.context = context
        self.providers = Dictionary(uniqueKeysWithValues: providers.map { ($0.name, $0) })
    }

    public struct Result: Sendable {
        public var payment: Payment
        public var orders: [Order]
    }

    public func pay(
        checkoutID: UUID, provider providerName: String, token: String, idempotencyKey: String, by principal: Principal,
        on database: any Database
    ) async throws -> Result {
        let key = try requireText(idempotencyKey, field: "Idempotency-Key", length: 8...128)
        guard let provider = providers[providerName] else {
            throw Problem.validation("provider", "Unknown payment provider '\(providerName)'.")
        }
        guard let checkout = try await Checkout.find(checkoutID, on: database),
            checkout.$buyer.id == principal.accountID
        else { throw Problem.notFound("The checkout", field: "checkoutId") }
        if let earlier = try await Payment.query(on: database).filter(\.$checkout.$id == checkoutID)
            .filter(\.$idempotencyKey == key).first()
        {
            return try await answer(earlier, checkoutID: checkoutID, on: database)
        }
        guard checkout.paymentMethod == .online else {
            throw Problem(type: .conflict, detail: "This checkout is paid in cash at a station.", field: "checkoutId")
        }
        guard checkout.paidByPaymentID == nil else {
            throw Problem(type: .conflict, detail: "This checkout is already paid.", field: "checkoutId")
        }
        let now = context.dependencies.now()
        guard checkout.expiresAt > now else {
            throw Problem(type: .conflict, detail: "The payment window has closed.", field: "checkoutId")
        }

        let payment = Payment(
            id: context.dependencies.uuid(), checkoutID: checkoutID, idempotencyKey: key, provider: providerName,
            amountMinor: checkout.totalMinor, at: now)
        let paymentID = try payment.requireID()
        let dependencies = context.dependencies
        do {
            try await context.transactions.transaction(on: database) { db in
                let sql = try db.sql()
                try await payment.create(on: db)
                let claimed = try await sql.update(Checkout.schema)
                    .set(SQLIdentifier("paid_by_payment_id"), to: SQLBind(paymentID))
                    .where(SQLIdentifier("id"), .equal, SQLBind(checkoutID))
                    .where(SQLIdentifier("paid_by_payment_id"), .is, SQLLiteral.null)
                    .returning(SQLIdentifier("id")).all()
                guard !claimed.isEmpty else {
                    throw Problem(type: .conflict, detail: "This checkout is already paid.", field: "checkoutId")
                }
                let pending = try await Order.query(on: db).filter(\.$checkout.$id == checkoutID).all()
                guard !pending.isEmpty, pending.allSatisfy({ $0.status == .pendingPayment }) else {
                    throw Problem(
                        type: .conflict, detail: "The orders are no longer awaiting payment.", field: "checkoutId")
                }
                switch try await provider.charge(
                    Money(minorUnits: checkout.totalMinor), token: token, idempotencyKey: paymentID.uuidString)
                {
                case .captured(let reference):
                    payment.status = .captured
                    payment.providerReference = reference
                    try await payment.save(on: db)
                    for order in pending {
                        order.status = .paid
                        order.updatedAt = now
                        try await order.save(on: db)
                        try await OrderEvent(
                            id: dependencies.uuid(), orderID: order.requireID(), from: .pendingPayment, to: .paid,
                            actorID: principal.accountID, reason: "paid by \(providerName) \(reference)", at: now
                        ).create(on: db)
                    }
                case .declined:
                    // Keep the declined attempt on record and free the checkout for another try.
                    payment.status = .declined
                    try await payment.save(on: db)
                    try await sql.update(Checkout.schema)
                        .set(SQLIdentifier("paid_by_payment_id"), to: SQLLiteral.null)
                        .where(SQLIdentifier("id"), .equal, SQLBind(checkoutID)).run()
                }
            }
        } catch let error where (error as? any DatabaseError)?.isConstraintFailure == true {
            // The same key raced in and won; answer as it did.
            guard
                let earlier = try await Payment.query(on: database).filter(\.$checkout.$id == checkoutID)
                    .filter(\.$idempotencyKey == key).first()
            else { throw error }
            return try await answer(earlier, checkoutID: checkoutID, on: database)
        }
        return try await answer(payment, checkoutID: checkoutID, on: database)
    }

    private func answer(_ payment: Payment, checkoutID: UUID, on database: any Database) async throws -> Result {
        if payment.status == .declined {
            throw Problem(type: .paymentDeclined, detail: "Try another payment method.")
        }
        let orders = try await Order.query(on: database).filter(\.$checkout.$id == checkoutID).sort(\.$id).all()
        return Result(payment: payment, orders: orders)
    }
}
