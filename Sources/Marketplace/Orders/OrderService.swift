import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Moves orders through their state machine, recording every transition.
public struct OrderService: Sendable {
    public let context: MarketplaceContext

    public init(context: MarketplaceContext) { self.context = context }

    /// The order if `principal` is its buyer, works for its shop, or is an admin of the shop's place; `404`
    /// otherwise, so nobody learns of others' orders.
    public func order(_ id: UUID, for principal: Principal, on database: any Database) async throws -> Order {
        guard let order = try await Order.find(id, on: database) else {
            throw Problem.notFound("The order", field: "id")
        }
        if order.$buyer.id == principal.accountID { return order }
        guard try await isStaff(principal, of: order, on: database) else {
            throw Problem.notFound("The order", field: "id")
        }
        return order
    }

    /// Whether `principal` acts for the order's shop: its staff, or an admin of its place (`ShopAccess`).
    public func isStaff(_ principal: Principal, of order: Order, on database: any Database) async throws -> Bool {
        try await ShopAccess.actsFor(shopID: order.$shop.id, principal, on: database)
    }

    /// Cancels before shipping and gives the stock back, exactly once.
    public func cancel(_ id: UUID, by principal: Principal, reason: String, on database: any Database) async throws
        -> Order
    {
        let reason = try requireText(reason, field: "reason", length: FieldLimits.reason, multiline: true)
        let order = try await order(id, for: principal, on: database)
        let isBuyer = order.$buyer.id == principal.accountID
        let forVillager = try await Self.boughtForVillager(order, by: principal, on: database)
        let actsForShop = try await isStaff(principal, of: order, on: database)
        let allowedFrom = Self.cancellable(byBuyer: isBuyer && !actsForShop && !forVillager)
        return try await move(
            order, to: .cancelled, from: Array(allowedFrom), actor: principal.accountID, reason: reason, on: database)
    }

    /// Whether a station agent ordered this for a villager who pays in cash at the counter: the
    /// agent may then cancel it until it is shipped, handing the cash back from the drawer.
    static func boughtForVillager(_ order: Order, by principal: Principal, on database: any Database) async throws
        -> Bool
    {
        guard principal.has(.agent), order.$buyer.id == principal.accountID else { return false }
        return try await Checkout.find(order.$checkout.id, on: database)?.paymentMethod == .cashAtStation
    }

    /// The states an order may be cancelled from: a buyer may cancel until paid; the shop (or
    /// an admin) until shipped. What `cancel` checks and what the order page offers.
    public static func cancellable(byBuyer: Bool) -> Set<OrderStatus> {
        byBuyer ? [.pendingPayment] : [.pendingPayment, .paid]
    }

    /// The shop sends a paid order, saying how (`Shipment.validated`) so the buyer can follow it.
    public func markShipped(_ id: UUID, shipment: Shipment? = nil, by principal: Principal, on database: any Database)
        async throws -> Order
    {
        try await moveAsShop(id, by: principal, to: .shipped, from: .paid, shipment: shipment, on: database)
    }

    public func markDelivered(_ id: UUID, by principal: Principal, on database: any Database) async throws -> Order {
        let order = try await moveAsShop(id, by: principal, to: .delivered, from: .shipped, on: database)
        _ = try await context.transactions.transaction(on: database) { db in
            try await context.jobs.enqueue(
                MarketplaceJobs.completeDelivered, payload: id.uuidString,
                runAt: context.dependencies.now().addingTimeInterval(context.autoCompleteAfter), on: db)
        }
        return order
    }

    /// Completes a delivered order whose buyer neither confirmed nor complained in time; an
    /// order that moved on meanwhile (confirmed, refunded) is left alone.
    @discardableResult
    public func autoComplete(orderID: UUID, on database: any Database) async throws -> Bool {
        guard let order = try await Order.find(orderID, on: database), order.status == .delivered else { return false }
        let open = try await Refund.query(on: database).filter(\.$order.$id == orderID)
            .filter(\.$status ~~ [.requested, .approved, .goodsReturned]).count()
        guard open == 0 else { return false }
        do {
            _ = try await move(
                order, to: .completed, from: [.delivered], actor: nil, reason: "completed automatically", on: database)
            return true
        } catch let problem as Problem where problem.type == ProblemType.invalidTransition.uri {
            return false
        }
    }

    /// A step only the shop's staff (or an admin) may take.
    private func moveAsShop(
        _ id: UUID, by principal: Principal, to next: OrderStatus, from previous: OrderStatus,
        shipment: Shipment? = nil, on database: any Database
    ) async throws -> Order {
        let order = try await order(id, for: principal, on: database)
        guard try await isStaff(principal, of: order, on: database) else {
            throw Problem.forbidden("Only the shop marks its orders \(next.rawValue).")
        }
        if try await SupplyService(context: context).supplyOrder(ofRetailOrder: id, on: database) != nil {
            throw Problem(
                type: .conflict,
                detail: "The producer sends this order: it becomes \(next.rawValue) with its supply order.")
        }
        return try await move(
            order, to: next, from: [previous], actor: principal.accountID, reason: next.rawValue, shipment: shipment,
            on: database)
    }

    public func confirmReceipt(_ id: UUID, by principal: Principal, on database: any Database) async throws -> Order {
        let order = try await order(id, for: principal, on: database)
        guard order.$buyer.id == principal.accountID else {
            throw Problem.forbidden("Only the buyer confirms receipt.")
        }
        return try await move(
            order, to: .completed, from: [.delivered], actor: principal.accountID, reason: "received", on: database)
    }

    /// Cancels a checkout's orders that are still unpaid once its payment window has closed,
    /// giving their stock back; an order paid or cancelled meanwhile is left alone.
    @discardableResult
    public func expire(checkoutID: UUID, on database: any Database) async throws -> Int {
        guard let checkout = try await Checkout.find(checkoutID, on: database),
            checkout.expiresAt <= context.dependencies.now()
        else { return 0 }
        let unpaid = try await Order.query(on: database).filter(\.$checkout.$id == checkoutID)
            .filter(\.$status == .pendingPayment).all()
        return try await cancelUnpaid(unpaid, on: database)
    }

    /// Cancels every unpaid order whose checkout's payment window has closed, giving its stock
    /// back. Safe to run from several workers at once: each order is moved by a guarded update.
    @discardableResult
    public func expireUnpaid(on database: any Database) async throws -> Int {
        let now = context.dependencies.now()
        let due = try await Order.query(on: database).join(Checkout.self, on: \Order.$checkout.$id == \Checkout.$id)
            .filter(\Order.$status == .pendingPayment).filter(Checkout.self, \.$expiresAt < now).all()
        return try await cancelUnpaid(due, on: database)
    }

    /// Cancels each order whose payment window closed; one paid, cancelled or expired
    /// meanwhile (by the buyer or another worker) is skipped. Returns how many it cancelled.
    private func cancelUnpaid(_ orders: [Order], on database: any Database) async throws -> Int {
        var expired = 0
        for order in orders {
            do {
                _ = try await move(
                    order, to: .cancelled, from: [.pendingPayment], actor: nil, reason: "payment window closed",
                    on: database)
                expired += 1
            } catch let problem as Problem where problem.type == ProblemType.invalidTransition.uri {
                continue
            }
        }
        return expired
    }

    /// The one transition primitive: a guarded status update (so two racing movers cannot both
    /// succeed), its event, and the stock release when the order is cancelled — in one
    /// transaction.
    func move(
        _ order: Order, to next: OrderStatus, from allowed: [OrderStatus], actor: UUID?, reason: String,
        shipment: Shipment? = nil, on database: any Database
    ) async throws -> Order {
        let id = try order.requireID()
        let allowedNow = allowed.filter { $0.canMove(to: next) }
        guard allowedNow.contains(order.status) else {
            throw Problem(
                type: .invalidTransition,
                detail: "The order is \(order.status.rawValue); it cannot become \(next.rawValue).")
        }
        let now = context.dependencies.now()
        let previous = order.status
        let dependencies = context.dependencies
        let network = context.network
        let recorded: Shipment? = try await context.transactions.transaction(on: database) { db in
            var recorded = shipment
            if next == .shipped, let typed = shipment {
                // The county network carries a village shop's parcel and numbers it, in this
                // transaction: the order is shipped exactly when its parcel exists.
                if let network { recorded = try await network.carry(order, as: typed, by: actor, on: db) }
                if recorded?.carrier.hasTrackingNumbers == true, recorded?.trackingNumber == nil {
                    throw Problem.validation(
                        "trackingNumber",
                        "Type the carrier's tracking number: the county network does not carry this parcel.")
                }
            }
            try await Self.transition(
                id, from: previous, to: next, shipment: recorded, actor: actor, reason: reason, at: now,
                dependencies: dependencies, on: db)
            if next == .cancelled {
                let lines = try await OrderLine.query(on: db).filter(\.$order.$id == id).all()
                try await StockLedger.release(lines, on: db)
                if previous == .paid {
                    try await refundInFull(id, actor: actor, reason: reason, at: now, on: db)
                }
            }
            try await SupplyService.retailMoved(
                id, to: next, actor: actor, reason: reason, at: now, dependencies: dependencies, on: db)
            return recorded
        }
        order.status = next
        order.updatedAt = now
        if let recorded {
            order.shippingCarrier = recorded.carrier.rawValue
            order.trackingNumber = recorded.trackingNumber
        }
        return order
    }

    static let changedMeanwhile = "The order changed meanwhile; reload it."

    /// A guarded status update (so two racing movers cannot both succeed) and its event, inside
    /// the caller's transaction; a `409` if the order is no longer `previous`.
    /// A shipment, when given, is written by the same statement.
    static func transition(
        _ id: UUID, from previous: OrderStatus, to next: OrderStatus, shipment: Shipment? = nil, actor: UUID?,
        reason: String, at now: Date, dependencies: Dependencies, on db: any Database
    ) async throws {
        var transition = GuardedTransition(Order.schema, id: id)
            .moving("status", from: previous, to: next)
            .setting("updated_at", to: now)
        if let shipment {
            transition = transition.setting("shipping_carrier", to: shipment.carrier.rawValue)
                .setting("tracking_number", to: shipment.trackingNumber)
        }
        try await transition
            .run(
                on: db,
                recording: OrderEvent(
                    id: dependencies.uuid(), orderID: id, from: previous, to: next, actorID: actor, reason: reason,
                    at: now),
                orElse: Self.changedMeanwhile)
    }

    /// A paid order cancelled before shipping gets back everything not yet promised back by
    /// earlier refund requests, as one refund that is paid at once.
    private func refundInFull(_ orderID: UUID, actor: UUID?, reason: String, at now: Date, on db: any Database)
        async throws
    {
        guard let order = try await Order.find(orderID, on: db) else { return }
        let amount = order.totalMinor - order.refundReservedMinor
        guard amount > 0 else { return }
        let refundID = context.dependencies.uuid()
        try await GuardedTransition(Order.schema, id: orderID)
            .setting("refund_reserved_minor", to: SQLIdentifier("total_minor"))
            .when("refund_reserved_minor", is: order.refundReservedMinor)
            .run(on: db, orElse: Self.changedMeanwhile)
        let refund = Refund(
            id: refundID, orderID: orderID, amountMinor: amount, reason: "cancelled: " + reason, requiresReturn: false,
            requestedBy: actor ?? order.$buyer.id, at: now)
        refund.status = .refunded
        refund.decidedAt = now
        refund.refundedAt = now
        refund.providerReference = try await MoneyBack.send(
            Money(minorUnits: amount), forOrder: orderID, refundID: refundID, providers: context.paymentProviders,
            cashDesk: context.cashDesk, observer: context.saleObserver, actor: actor, on: db)
        try await refund.create(on: db)
        try await OrderEvent(
            id: context.dependencies.uuid(), orderID: orderID, from: .cancelled, to: .cancelled, actorID: actor,
            reason: "refunded \(Money(minorUnits: amount).formatted) (\(refund.providerReference ?? ""))", at: now
        ).create(on: db)
    }
}
