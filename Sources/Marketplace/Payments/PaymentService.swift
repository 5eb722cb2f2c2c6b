import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Pays a checkout's orders with one payment. Never charges twice: a retry with the same
/// `Idempotency-Key` gets the first answer, a guarded update lets only one payment claim a
/// checkout before any provider is asked for money, and a payment settles (pending →
/// captured) by a guarded update too, so a replayed webhook changes nothing.
public struct PaymentService: Sendable {
    public let context: MarketplaceContext
    public let providers: [String: any PaymentProvider]

    public init(context: MarketplaceContext) {
        self.context = context
        self.providers = Dictionary(context.paymentProviders.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public struct Result: Sendable {
        public var payment: Payment
        public var orders: [Order]
    }

    /// Pays online. A declined payment answers `402` and frees the checkout for another try;
    /// a pending one (the sandbox's `tok_async`) holds it until a webhook settles it.
    ///
    /// One transaction claims the checkout with a guarded update that also checks that it is
    /// the caller's, paid online and still open; records the payment (its unique key refuses a
    /// second one before any provider is asked for money); charges; and pays every order in one
    /// guarded update. Only when that fails does it read what happened: an earlier payment with
    /// this key is answered as it was, anything else says why the checkout cannot be paid.
    public func pay(
        checkoutID: UUID, provider providerName: String, token: String, idempotencyKey: String, by principal: Principal,
        on database: any Database
    ) async throws -> Result {
        let key = try requireText(idempotencyKey, field: "Idempotency-Key", length: FieldLimits.idempotencyKey)
        guard let provider = providers[providerName] else {
            throw Problem.validation("provider", "Unknown payment provider '\(providerName)'.")
        }
        let now = context.dependencies.now()
        let paymentID = context.dependencies.uuid()
        let result: Result?
        do {
            result = try await context.transactions.transaction(on: database) { db in
                guard
                    let claim = try await CheckoutStore.claim(
                        for: (paymentID, checkoutID, key, providerName), buyer: principal.accountID, at: now,
                        prepared: context.prepared, on: db)
                else { return nil }
                guard claim.orders > 0, claim.awaiting == claim.orders else {
                    throw Problem(
                        type: .conflict, detail: "The orders are no longer awaiting payment.", field: "checkoutId")
                }
                let payment = Payment(
                    id: paymentID, checkoutID: checkoutID, idempotencyKey: key, provider: providerName,
                    amountMinor: claim.totalMinor, at: now)
                payment.$id.exists = true
                switch try await provider.charge(
                    Money(minorUnits: claim.totalMinor), token: token, idempotencyKey: paymentID.uuidString)
                {
                case .captured(let reference):
                    payment.status = .captured
                    payment.providerReference = reference
                    let orders = try await CheckoutStore.capture(
                        payment, eventIDs: (0..<claim.orders).map { _ in context.dependencies.uuid() },
                        actor: principal.accountID, reason: "paid by \(providerName) \(reference)", at: now,
                        dependencies: context.dependencies, prepared: context.prepared, on: db)
                    guard orders.count == claim.orders else {
                        throw Problem(
                            type: .conflict, detail: "The orders are no longer awaiting payment.", field: "checkoutId")
                    }
                    try await context.saleObserver?.paid(orders, by: principal.accountID, on: db)
                    return Result(payment: payment, orders: Self.sorted(orders))
                case .pending(let reference):
                    payment.providerReference = reference
                    try await CheckoutStore.update(payment, on: db)
                    return Result(
                        payment: payment, orders: try await CheckoutStore.orders(ofCheckout: checkoutID, on: db))
                case .declined:
                    // Keep the declined attempt on record and free the checkout for another try.
                    payment.status = .declined
                    try await CheckoutStore.update(payment, on: db)
                    try await release(checkoutID, from: paymentID, on: db)
                    return Result(payment: payment, orders: [])
                }
            }
        } catch let error where error is Problem || (error as? any DatabaseError)?.isConstraintFailure == true {
            // The same key raced in and won, or was used before: answer as it was answered.
            if let earlier = try await payment(of: checkoutID, key: key, on: database) {
                return try await answer(earlier, checkoutID: checkoutID, on: database)
            }
            throw error
        }
        if let result {
            if result.payment.status == .declined { throw Self.declined }
            return result
        }
        return try await refusal(checkoutID: checkoutID, key: key, by: principal, at: now, on: database)
    }

    /// Why the checkout could not be claimed, read after the guarded update refused: not the
    /// caller's (`404`), paid with this key before (that answer), paid in cash, closed, or
    /// already paid or being paid by another payment.
    private func refusal(
        checkoutID: UUID, key: String, by principal: Principal, at now: Date, on database: any Database
    )
        async throws -> Result
    {
        guard let checkout = try await Checkout.find(checkoutID, on: database),
            checkout.$buyer.id == principal.accountID
        else { throw Problem.notFound("The checkout", field: "checkoutId") }
        if let earlier = try await payment(of: checkoutID, key: key, on: database) {
            return try await answer(earlier, checkoutID: checkoutID, on: database)
        }
        guard checkout.paymentMethod == .online else {
            throw Problem(type: .conflict, detail: "This checkout is paid in cash at a station.", field: "checkoutId")
        }
        guard checkout.expiresAt > now else {
            throw Problem(type: .conflict, detail: "The payment window has closed.", field: "checkoutId")
        }
        throw Problem(type: .conflict, detail: "This checkout is already paid or being paid.", field: "checkoutId")
    }

    /// A station agent took the villager's cash for a `cash_at_station` checkout: the orders
    /// are paid. Only an agent (or admin) whose scope reaches the delivery village may
    /// confirm, the amount must be the checkout's total, and a retry with the same
    /// `Idempotency-Key` gets the first answer.
    public func confirmCash(
        checkoutID: UUID, amountMinor: Int64, idempotencyKey: String, by principal: Principal,
        on database: any Database
    ) async throws -> Result {
        let key = try requireText(idempotencyKey, field: "Idempotency-Key", length: FieldLimits.idempotencyKey)
        guard let checkout = try await Checkout.find(checkoutID, on: database) else {
            throw Problem.notFound("The checkout", field: "checkoutId")
        }
        let orders = try await Order.query(on: database).filter(\.$checkout.$id == checkoutID).all()
        guard let villageID = orders.first?.deliveryVillageID else {
            throw Problem.notFound("The checkout", field: "checkoutId")
        }
        var place = try await GeographyService().place(ofVillage: villageID, on: database)
        place.stationID = try await context.cashDesk?.station(
            forCheckout: checkoutID, deliveredTo: villageID, on: database)
        guard Authorization.may(principal, .collectCash, .place(place)) else {
            // Agents elsewhere do not learn which checkouts exist.
            throw Problem.notFound("The checkout", field: "checkoutId")
        }
        if let earlier = try await payment(of: checkoutID, key: key, on: database) {
            return try await answer(earlier, checkoutID: checkoutID, on: database)
        }
        guard checkout.paymentMethod == .cashAtStation else {
            throw Problem(type: .conflict, detail: "This checkout is paid online.", field: "checkoutId")
        }
        guard amountMinor == checkout.totalMinor else {
            throw Problem.validation(
                "amountMinor",
                "The checkout's total is \(Money(minorUnits: checkout.totalMinor).formatted); take exactly that.")
        }
        let now = context.dependencies.now()
        let payment = Payment(
            id: context.dependencies.uuid(), checkoutID: checkoutID, idempotencyKey: key,
            provider: Payment.cashProvider, amountMinor: amountMinor, at: now)
        let reference = "cash_" + principal.accountID.uuidString.lowercased()
        let stationID = place.stationID
        return try await recordingOnce(payment, of: checkout, on: database) { db, pending in
            payment.status = .captured
            payment.providerReference = reference
            try await payment.save(on: db)
            try await markPaid(pending, actor: principal.accountID, reason: "cash taken at station", on: db)
            if let stationID, let desk = context.cashDesk {
                try await desk.took(
                    Money(minorUnits: amountMinor), forCheckout: checkoutID, at: stationID, by: principal.accountID,
                    on: db)
            }
        }
    }

    /// What a webhook did.
    public enum WebhookOutcome: String, Sendable {
        /// The payment settled now.
        case applied
        /// This event was seen before; nothing changed.
        case duplicate
        /// The payment had already settled (by an earlier event or at once); nothing changed.
        case alreadySettled = "already_settled"
    }

    public enum WebhookKind: String, Sendable, CaseIterable {
        case paymentCaptured = "payment.captured"
        case paymentFailed = "payment.failed"
    }

    /// Applies a provider's (already authenticated) webhook event, exactly once: the event id
    /// is recorded in the same transaction as its effect, and the payment only settles from
    /// `pending`. A capture for a checkout whose orders were cancelled meanwhile voids the
    /// payment instead of paying cancelled orders.
    public func receiveWebhook(
        provider: String, eventID: String, kind: WebhookKind, paymentReference: String, on database: any Database
    ) async throws -> WebhookOutcome {
        guard
            let payment = try await Payment.query(on: database).filter(\.$provider == provider)
                .filter(\.$providerReference == paymentReference).first()
        else { throw Problem.notFound("The payment", field: "paymentReference") }
        let paymentID = try payment.requireID()
        let checkoutID = payment.$checkout.id
        let now = context.dependencies.now()
        let event = WebhookEvent(
            id: context.dependencies.uuid(), provider: provider, eventID: eventID, kind: kind.rawValue,
            paymentReference: paymentReference, at: now)
        do {
            return try await context.transactions.transaction(on: database) { db in
                try await event.create(on: db)
                let next: Payment.Status = kind == .paymentFailed ? .declined : .captured
                let settled = try await GuardedTransition(Payment.schema, id: paymentID)
                    .moving("status", from: Payment.Status.pending, to: next)
                    .run(on: db)
                guard settled else { return .alreadySettled }
                if kind == .paymentFailed {
                    try await release(checkoutID, from: paymentID, on: db)
                    return .applied
                }
                let orders = try await Order.query(on: db).filter(\.$checkout.$id == checkoutID).all()
                if orders.allSatisfy({ $0.status == .pendingPayment }) {
                    try await markPaid(orders, actor: nil, reason: "paid by \(provider) \(paymentReference)", on: db)
                } else {
                    // Expired or cancelled while the provider was deciding: the money goes back.
                    try await db.sql().update(Payment.schema)
                        .set(SQLIdentifier("status"), to: SQLBind(Payment.Status.voided.rawValue))
                        .where(SQLIdentifier("id"), .equal, SQLBind(paymentID)).run()
                    try await release(checkoutID, from: paymentID, on: db)
                }
                return .applied
            }
        } catch let error where (error as? any DatabaseError)?.isConstraintFailure == true {
            return .duplicate
        }
    }

    private func payment(of checkoutID: UUID, key: String, on database: any Database) async throws -> Payment? {
        try await Payment.query(on: database).filter(\.$checkout.$id == checkoutID).filter(\.$idempotencyKey == key)
            .first()
    }

    /// Records `payment`, claims the checkout for it, and runs `settle` with the orders, all
    /// in one transaction; the same key racing in from another request gets that request's
    /// answer.
    private func recordingOnce(
        _ payment: Payment, of checkout: Checkout, on database: any Database,
        settle: @escaping @Sendable (any Database, [Order]) async throws -> Void
    ) async throws -> Result {
        let checkoutID = try checkout.requireID()
        let paymentID = try payment.requireID()
        let orders: [Order]
        do {
            orders = try await context.transactions.transaction(on: database) { db in
                try await payment.create(on: db)
                try await GuardedTransition(Checkout.schema, id: checkoutID)
                    .setting("paid_by_payment_id", to: paymentID)
                    .when("paid_by_payment_id", is: nil)
                    .run(
                        on: db,
                        orElse: Problem(
                            type: .conflict, detail: "This checkout is already paid or being paid.",
                            field: "checkoutId"))
                let pending = try await Order.query(on: db).filter(\.$checkout.$id == checkoutID).all()
                guard !pending.isEmpty, pending.allSatisfy({ $0.status == .pendingPayment }) else {
                    throw Problem(
                        type: .conflict, detail: "The orders are no longer awaiting payment.", field: "checkoutId")
                }
                try await settle(db, pending)
                return pending
            }
        } catch let error where (error as? any DatabaseError)?.isConstraintFailure == true {
            // The same key raced in and won; answer as it did.
            guard let earlier = try await self.payment(of: checkoutID, key: payment.idempotencyKey, on: database)
            else { throw error }
            return try await answer(earlier, checkoutID: checkoutID, on: database)
        }
        // Answer with the orders just settled (their statuses were set with the updates)
        // rather than reading them again.
        return Result(payment: payment, orders: Self.sorted(orders))
    }

    /// Moves every order from `pending_payment` to `paid` with its event, in one guarded update
    /// and one insert; an order that moved meanwhile rolls the whole payment back.
    private func markPaid(_ orders: [Order], actor: UUID?, reason: String, on db: any Database) async throws {
        let now = context.dependencies.now()
        let ids = try orders.map { try $0.requireID() }
        guard try await CheckoutStore.markPaid(ids, at: now, on: db) == ids.count else {
            throw Problem(type: .conflict, detail: "The orders are no longer awaiting payment.", field: "checkoutId")
        }
        for order in orders {
            order.status = .paid
            order.updatedAt = now
        }
        try await CheckoutStore.insert(
            ids.map { id in
                OrderEvent(
                    id: context.dependencies.uuid(), orderID: id, from: .pendingPayment, to: .paid, actorID: actor,
                    reason: reason, at: now)
            }, on: db)
        try await SupplyService.retailPaid(ids, actor: actor, at: now, dependencies: context.dependencies, on: db)
        try await SearchIndex.recordSales(ofOrders: ids, on: db)
        try await context.saleObserver?.paid(orders, by: actor, on: db)
    }

    /// Frees the checkout for another payment, if `paymentID` holds it.
    private func release(_ checkoutID: UUID, from paymentID: UUID, on db: any Database) async throws {
        try await db.sql().update(Checkout.schema)
            .set(SQLIdentifier("paid_by_payment_id"), to: SQLLiteral.null)
            .where(SQLIdentifier("id"), .equal, SQLBind(checkoutID))
            .where(SQLIdentifier("paid_by_payment_id"), .equal, SQLBind(paymentID)).run()
    }

    static let declined = Problem(type: .paymentDeclined, detail: "Try another payment method.")

    private func answer(_ payment: Payment, checkoutID: UUID, on database: any Database) async throws -> Result {
        if payment.status == .declined { throw Self.declined }
        return Result(payment: payment, orders: try await CheckoutStore.orders(ofCheckout: checkoutID, on: database))
    }

    private static func sorted(_ orders: [Order]) -> [Order] {
        orders.sorted { ($0.id?.uuidString ?? "") < ($1.id?.uuidString ?? "") }
    }
}
