import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Supply orders between shops. A drop-ship supply order is made by checkout together with the
/// buyer's order for linked products and follows it: paid when the buyer pays, cancelled (and
/// credited) when it is cancelled, credited in proportion when the buyer is refunded. The
/// producer ships and delivers it, which ships and delivers the buyer's order. A bulk order is
/// one shop buying from another at the tier prices, on account: both settle through their
/// statements.
public struct SupplyService: Sendable {
    public let context: MarketplaceContext

    public init(context: MarketplaceContext) { self.context = context }

    /// A producer's variant and how many: the same as a checkout line.
    public typealias Item = CheckoutService.Item

    // MARK: Reading

    public enum Side: String, Sendable, CaseIterable {
        case producer, reseller
    }

    /// A shop's supply orders on one side (its staff), newest first.
    public func orders(
        ofShop shopID: UUID, side: Side, status: OrderStatus?, page: JishiKit.PageRequest, by principal: Principal,
        on database: any Database
    ) async throws -> JishiKit.Page<SupplyOrder> {
        _ = try await ShopService(context: context).requireStaff(of: shopID, principal, on: database)
        var query = SupplyOrder.query(on: database)
        query = side == .producer ? query.filter(\.$producer.$id == shopID) : query.filter(\.$reseller.$id == shopID)
        if let status { query = query.filter(\.$status == status) }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(page.rows).all()
        return JishiKit.Page(items: items, total: total, request: page)
    }

    /// A supply order for the staff of either shop (or an admin); `404` for anyone else.
    public func detail(_ id: UUID, for principal: Principal, on database: any Database) async throws
        -> SupplyOrderDetail
    {
        let order = try await visible(id, principal, on: database).order
        let lines = try await SupplyOrderLine.query(on: database).filter(\.$supplyOrder.$id == id).sort(\.$sku).all()
        let events = try await SupplyOrderEvent.query(on: database).filter(\.$supplyOrder.$id == id).sort(\.$at)
            .sort(\.$id).all()
        let credits = try await SupplyCredit.query(on: database).filter(\.$supplyOrder.$id == id).sort(\.$at).all()
        return SupplyOrderDetail(order: order, lines: lines, events: events, credits: credits)
    }

    /// The supply order of a buyer's order, if it has one.
    public func supplyOrder(ofRetailOrder orderID: UUID, on database: any Database) async throws -> SupplyOrder? {
        try await SupplyOrder.query(on: database).filter(\.$retailOrder.$id == orderID).first()
    }

    private func visible(_ id: UUID, _ principal: Principal, on database: any Database) async throws -> (
        order: SupplyOrder, isProducer: Bool, isReseller: Bool
    ) {
        guard let order = try await SupplyOrder.find(id, on: database) else {
            throw Problem.notFound("The supply order", field: "id")
        }
        let isProducer = try await ShopAccess.actsFor(shopID: order.$producer.id, principal, on: database)
        let isReseller = try await ShopAccess.actsFor(shopID: order.$reseller.id, principal, on: database)
        guard isProducer || isReseller else { throw Problem.notFound("The supply order", field: "id") }
        return (order, isProducer, isReseller)
    }

    // MARK: Bulk wholesale

    /// A reseller shop buys a producer's offered variants at the tier prices (its staff). One
    /// producer per order; stock is taken at once, all or nothing; the same key answers with
    /// the same order.
    public func placeBulk(
        from resellerShopID: UUID, items: [Item], delivery: DeliveryAddress, idempotencyKey: String,
        by principal: Principal, on database: any Database
    ) async throws -> (order: SupplyOrder, replayed: Bool) {
        let reseller = try await ShopService(context: context).requireStaff(of: resellerShopID, principal, on: database)
        let key = try requireText(idempotencyKey, field: "Idempotency-Key", length: FieldLimits.idempotencyKey)
        let merged = try CheckoutService.validated(items)
        let delivery = try CheckoutService.validated(delivery)
        if let earlier = try await bulkOrder(resellerShopID, key: key, on: database) {
            return (try await sameRequest(earlier, merged, on: database), true)
        }
        guard reseller.status == .active else {
            throw Problem(type: .conflict, detail: "The shop is \(reseller.status.rawValue).", field: "shopId")
        }
        let variants = try await Variant.query(on: database).filter(\.$id ~~ merged.map(\.variantID)).all()
        var byID: [UUID: Variant] = [:]
        for variant in variants { byID[try variant.requireID()] = variant }
        var wanted: [SupplyTerms.Request] = []
        for (index, item) in merged.enumerated() {
            guard byID[item.variantID] != nil else {
                throw Problem.notFound("The variant \(item.variantID.uuidString)", field: "items[\(index)].variantId")
            }
            wanted.append(
                SupplyTerms.Request(
                    key: item.variantID, sourceVariantID: item.variantID, resellerShopID: resellerShopID,
                    field: "items[\(index)].variantId"))
        }
        let terms = try await SourcingService(context: context).supplyTerms(for: wanted, on: database)
        let producers = Set(terms.values.map(\.producerShopID))
        guard producers.count == 1, let producerID = producers.first else {
            throw Problem.validation("items", "Order from one producer at a time.")
        }
        let now = context.dependencies.now()
        let orderID = context.dependencies.uuid()
        var total: Int64 = 0
        var lines: [SupplyOrderLine] = []
        for item in merged {
            guard let term = terms[item.variantID] else { continue }
            let line = SupplyOrderLine(
                id: context.dependencies.uuid(), supplyOrderID: orderID, variantID: item.variantID, retailLineID: nil,
                title: term.title, variantName: term.variantName, sku: term.sku,
                unitPriceMinor: term.tiers.unitPrice(forQuantity: item.quantity),
                quantity: item.quantity)
            lines.append(line)
            total += line.totalMinor
        }
        let takes = merged.map {
            StockLedger.Take(variantID: $0.variantID, quantity: $0.quantity, label: byID[$0.variantID]?.sku)
        }
        let newLines = lines
        let order = SupplyOrder(
            id: orderID, producerID: producerID, resellerID: resellerShopID, retailOrderID: nil, kind: .bulk,
            status: .paid, totalMinor: total, delivery: delivery, idempotencyKey: key, placedBy: principal.accountID,
            at: now)
        do {
            try await context.transactions.transaction(on: database) { db in
                try await order.create(on: db)
                try await StockLedger.reserve(takes, on: db)
                try await newLines.create(on: db)
                try await SupplyOrderEvent(
                    id: context.dependencies.uuid(), supplyOrderID: orderID, from: nil, to: .paid,
                    actorID: principal.accountID, reason: "placed on account", at: now
                ).create(on: db)
            }
        } catch let error where (error as? any DatabaseError)?.isConstraintFailure == true {
            if let earlier = try await bulkOrder(resellerShopID, key: key, on: database) {
                return (try await sameRequest(earlier, merged, on: database), true)
            }
            throw error
        }
        return (order, false)
    }

    private func bulkOrder(_ resellerShopID: UUID, key: String, on database: any Database) async throws
        -> SupplyOrder?
    {
        try await SupplyOrder.query(on: database).filter(\.$reseller.$id == resellerShopID)
            .filter(\.$idempotencyKey == key).first()
    }

    /// The earlier order, if it was for the same items; a `409` if the key was used for another.
    private func sameRequest(_ earlier: SupplyOrder, _ items: [CheckoutService.Item], on database: any Database)
        async throws -> SupplyOrder
    {
        let lines = try await SupplyOrderLine.query(on: database)
            .filter(\.$supplyOrder.$id == earlier.requireID()).all()
        let asked = Dictionary(uniqueKeysWithValues: items.map { ($0.variantID, $0.quantity) })
        let had = Dictionary(uniqueKeysWithValues: lines.map { ($0.$variant.id, $0.quantity) })
        guard asked == had else { throw Problem(type: .idempotencyKeyReused, field: "Idempotency-Key") }
        return earlier
    }

    // MARK: Moving supply orders

    /// The producer has sent the goods; a drop-ship order's buyer order is shipped with it.
    public func ship(_ id: UUID, by principal: Principal, on database: any Database) async throws -> SupplyOrder {
        let (order, isProducer, _) = try await visible(id, principal, on: database)
        guard isProducer else { throw Problem.forbidden("Only the producer ships a supply order.") }
        return try await move(order, to: .shipped, from: [.paid], actor: principal.accountID, on: database)
    }

    /// The goods arrived: the producer says so for a drop-ship order (and the buyer's order is
    /// delivered with it); either shop for a bulk order.
    public func deliver(_ id: UUID, by principal: Principal, on database: any Database) async throws -> SupplyOrder {
        let (order, isProducer, isReseller) = try await visible(id, principal, on: database)
        guard isProducer || (order.kind == .bulk && isReseller) else {
            throw Problem.forbidden("Only the producer marks a drop-shipped order delivered.")
        }
        let moved = try await move(order, to: .delivered, from: [.shipped], actor: principal.accountID, on: database)
        if let retailID = order.$retailOrder.id {
            _ = try await context.transactions.transaction(on: database) { db in
                try await context.jobs.enqueue(
                    MarketplaceJobs.completeDelivered, payload: retailID.uuidString,
                    runAt: context.dependencies.now().addingTimeInterval(context.autoCompleteAfter), on: db)
            }
        }
        return moved
    }

    /// The reseller confirms a delivered bulk order; a drop-ship order completes with its
    /// buyer's order instead.
    public func confirm(_ id: UUID, by principal: Principal, on database: any Database) async throws -> SupplyOrder {
        let (order, _, isReseller) = try await visible(id, principal, on: database)
        guard order.kind == .bulk else {
            throw Problem(type: .conflict, detail: "A drop-shipped order completes when its buyer's order does.")
        }
        guard isReseller else { throw Problem.forbidden("Only the reseller confirms receipt.") }
        return try await move(order, to: .completed, from: [.delivered], actor: principal.accountID, on: database)
    }

    /// Cancels a bulk order before it ships (either shop): the stock goes back and the whole
    /// amount is credited, once. A drop-ship order is cancelled through its buyer's order.
    public func cancel(_ id: UUID, reason: String, by principal: Principal, on database: any Database) async throws
        -> SupplyOrder
    {
        let (order, _, _) = try await visible(id, principal, on: database)
        guard order.kind == .bulk else {
            throw Problem(type: .conflict, detail: "A drop-shipped order is cancelled with its buyer's order.")
        }
        let reason = try requireText(reason, field: "reason", length: FieldLimits.reason, multiline: true)
        return try await move(
            order, to: .cancelled, from: [.paid], actor: principal.accountID, reason: reason, on: database)
    }

    /// The producer gives money back on a bulk order (a damaged delivery, goods taken back).
    public func credit(
        _ id: UUID, amountMinor: Int64, reason: String, by principal: Principal, on database: any Database
    ) async throws -> SupplyCredit {
        let (order, isProducer, _) = try await visible(id, principal, on: database)
        guard isProducer else { throw Problem.forbidden("Only the producer credits a supply order.") }
        guard order.kind == .bulk else {
            throw Problem(type: .conflict, detail: "A drop-shipped order is credited through its buyer's refunds.")
        }
        guard [.paid, .shipped, .delivered, .completed].contains(order.status) else {
            throw Problem(type: .invalidTransition, detail: "A \(order.status.rawValue) order cannot be credited.")
        }
        guard amountMinor >= 1 else { throw Problem.validation("amountMinor", "At least 1 fen.") }
        let reason = try requireText(reason, field: "reason", length: FieldLimits.reason, multiline: true)
        let now = context.dependencies.now()
        let credit = SupplyCredit(
            id: context.dependencies.uuid(), supplyOrderID: id, amountMinor: amountMinor, reason: reason,
            retailRefundID: nil, actorID: principal.accountID, at: now)
        try await context.transactions.transaction(on: database) { db in
            guard try await Self.addCredit(credit, on: db) else {
                throw Problem.validation("amountMinor", "More than is left to credit on this order.")
            }
            try await Self.refundedIfFullyCredited(
                id, actor: principal.accountID, at: now, dependencies: context.dependencies, on: db)
        }
        return credit
    }

    private func move(
        _ order: SupplyOrder, to next: OrderStatus, from allowed: [OrderStatus], actor: UUID, reason: String? = nil,
        on database: any Database
    ) async throws -> SupplyOrder {
        let id = try order.requireID()
        guard allowed.contains(order.status), order.status.canMove(to: next) else {
            throw Problem(
                type: .invalidTransition,
                detail: "The supply order is \(order.status.rawValue); it cannot become \(next.rawValue).")
        }
        let previous = order.status
        let now = context.dependencies.now()
        let dependencies = context.dependencies
        try await context.transactions.transaction(on: database) { db in
            guard
                try await Self.transition(
                    id, from: [previous], to: next, actor: actor, reason: reason ?? next.rawValue, at: now,
                    dependencies: dependencies, on: db) != nil
            else { throw Problem(type: .invalidTransition, detail: "The supply order changed meanwhile; reload it.") }
            if let retailID = order.$retailOrder.id, next == .shipped || next == .delivered {
                try await OrderService.transition(
                    retailID, from: previous, to: next, actor: actor, reason: "\(next.rawValue) by the producer",
                    at: now, dependencies: dependencies, on: db)
            }
            if next == .cancelled {
                let lines = try await SupplyOrderLine.query(on: db).filter(\.$supplyOrder.$id == id).all()
                try await StockLedger.release(lines.map { ($0.$variant.id, $0.quantity) }, on: db)
                try await Self.creditRemainder(
                    of: id, reason: "cancelled: \(reason ?? "")", actor: actor, at: now, dependencies: dependencies,
                    on: db)
            }
        }
        order.status = next
        order.updatedAt = now
        return order
    }

    // MARK: Inside other transactions

    /// A guarded status change with its event; the previous status, or `nil` if the order was
    /// in none of `from`.
    @discardableResult
    static func transition(
        _ id: UUID, from: [OrderStatus], to next: OrderStatus, actor: UUID?, reason: String, at now: Date,
        dependencies: Dependencies, on db: any Database
    ) async throws -> OrderStatus? {
        for previous in from {
            let moved = try await GuardedTransition(SupplyOrder.schema, id: id)
                .moving("status", from: previous, to: next)
                .setting("updated_at", to: now)
                .run(on: db)
            if moved {
                try await SupplyOrderEvent(
                    id: dependencies.uuid(), supplyOrderID: id, from: previous, to: next, actorID: actor,
                    reason: reason, at: now
                ).create(on: db)
                return previous
            }
        }
        return nil
    }

    /// Adds a credit if it fits under what is left; false (and nothing written) otherwise.
    static func addCredit(_ credit: SupplyCredit, on db: any Database) async throws -> Bool {
        let amount = credit.amountMinor
        let reserved = try await db.sql().update(SupplyOrder.schema)
            .set(
                SQLIdentifier("credited_minor"),
                to: SQLBinaryExpression(SQLIdentifier("credited_minor"), .add, SQLBind(amount))
            )
            .where(SQLIdentifier("id"), .equal, SQLBind(credit.$supplyOrder.id))
            .where(
                SQLBinaryExpression(SQLIdentifier("credited_minor"), .add, SQLBind(amount)), .lessThanOrEqual,
                SQLIdentifier("total_minor")
            )
            .returning(SQLIdentifier("id")).all()
        guard !reserved.isEmpty else { return false }
        try await credit.create(on: db)
        return true
    }

    /// Credits whatever is left of a supply order (nothing if all of it was credited already).
    static func creditRemainder(
        of id: UUID, reason: String, retailRefundID: UUID? = nil, actor: UUID?, at now: Date,
        dependencies: Dependencies, on db: any Database
    ) async throws {
        guard let order = try await SupplyOrder.find(id, on: db) else { return }
        let left = order.totalMinor - order.creditedMinor
        guard left > 0 else { return }
        _ = try await addCredit(
            SupplyCredit(
                id: dependencies.uuid(), supplyOrderID: id, amountMinor: left, reason: reason,
                retailRefundID: retailRefundID, actorID: actor, at: now), on: db)
    }

    private static func refundedIfFullyCredited(
        _ id: UUID, actor: UUID?, at now: Date, dependencies: Dependencies, on db: any Database
    ) async throws {
        guard let order = try await SupplyOrder.find(id, on: db), order.creditedMinor == order.totalMinor,
            order.status.canMove(to: .refunded)
        else { return }
        try await transition(
            id, from: [order.status], to: .refunded, actor: actor, reason: "fully credited", at: now,
            dependencies: dependencies, on: db)
    }

    /// Creates the drop-ship supply order for a buyer's order of linked products, in the
    /// checkout's transaction.
    static func createDropShip(
        for retail: Order, lines: [(line: OrderLine, terms: SupplyTerms)], actor: UUID, at now: Date,
        dependencies: Dependencies, on db: any Database
    ) async throws {
        guard let producerID = lines.first?.terms.producerShopID else { return }
        let id = dependencies.uuid()
        let supplyLines = try lines.map { entry in
            SupplyOrderLine(
                id: dependencies.uuid(), supplyOrderID: id, variantID: entry.terms.sourceVariantID,
                retailLineID: try entry.line.requireID(), title: entry.terms.title,
                variantName: entry.terms.variantName, sku: entry.terms.sku,
                unitPriceMinor: entry.terms.tiers.unitPrice(forQuantity: entry.line.quantity),
                quantity: entry.line.quantity)
        }
        let order = SupplyOrder(
            id: id, producerID: producerID, resellerID: retail.$shop.id, retailOrderID: try retail.requireID(),
            kind: .dropShip, status: .pendingPayment, totalMinor: supplyLines.reduce(0) { $0 + $1.totalMinor },
            delivery: DeliveryAddress(
                name: retail.deliveryName, phone: retail.deliveryPhone, villageID: retail.deliveryVillageID,
                addressLine: retail.deliveryAddress),
            idempotencyKey: nil, placedBy: actor, at: now)
        try await order.create(on: db)
        try await supplyLines.create(on: db)
        try await SupplyOrderEvent(
            id: dependencies.uuid(), supplyOrderID: id, from: nil, to: .pendingPayment, actorID: actor,
            reason: "checkout", at: now
        ).create(on: db)
    }

    /// Why a drop-ship supply order moved to `paid`.
    static let retailPaidReason = "the buyer paid"

    /// The buyer paid: their orders' supply orders are paid too. One statement when none has one.
    static func retailPaid(
        _ orderIDs: [UUID], actor: UUID?, at now: Date, dependencies: Dependencies, on db: any Database
    )
        async throws
    {
        guard !orderIDs.isEmpty else { return }
        let rows = try await db.sql().update(SupplyOrder.schema)
            .set(SQLIdentifier("status"), to: SQLBind(OrderStatus.paid.rawValue))
            .set(SQLIdentifier("updated_at"), to: SQLBind(now))
            .where(SQLIdentifier("retail_order_id"), .in, SQLBind.group(orderIDs))
            .where(SQLIdentifier("status"), .equal, SQLBind(OrderStatus.pendingPayment.rawValue))
            .returning(SQLIdentifier("id")).all()
        for row in rows {
            try await SupplyOrderEvent(
                id: dependencies.uuid(), supplyOrderID: try row.decode(column: "id", as: UUID.self),
                from: .pendingPayment, to: .paid, actorID: actor, reason: retailPaidReason, at: now
            ).create(on: db)
        }
    }

    /// The buyer's order moved: a cancelled one cancels its supply order (crediting it in full
    /// if it was paid); a completed one completes it.
    static func retailMoved(
        _ orderID: UUID, to next: OrderStatus, actor: UUID?, reason: String, at now: Date,
        dependencies: Dependencies, on db: any Database
    ) async throws {
        guard next == .cancelled || next == .completed else { return }
        guard let supply = try await SupplyOrder.query(on: db).filter(\.$retailOrder.$id == orderID).first() else {
            return
        }
        let id = try supply.requireID()
        if next == .cancelled {
            let previous = try await transition(
                id, from: [.pendingPayment, .paid], to: .cancelled, actor: actor, reason: reason, at: now,
                dependencies: dependencies, on: db)
            if previous == .paid {
                try await creditRemainder(
                    of: id, reason: "cancelled: \(reason)", actor: actor, at: now, dependencies: dependencies, on: db)
            }
        } else {
            try await transition(
                id, from: [.delivered], to: .completed, actor: actor, reason: reason, at: now,
                dependencies: dependencies, on: db)
        }
    }

    /// The buyer got money back on a drop-shipped order: the producer credits the reseller the
    /// same share of the wholesale amount (rounded down), and the rest once the buyer's order
    /// is refunded in full. Keyed by the refund, so it happens once.
    static func retailRefunded(
        orderID: UUID, refundID: UUID, amountMinor: Int64, retailTotalMinor: Int64, fullyRefunded: Bool,
        actor: UUID?, at now: Date, dependencies: Dependencies, on db: any Database
    ) async throws {
        guard let supply = try await SupplyOrder.query(on: db).filter(\.$retailOrder.$id == orderID).first(),
            supply.status != .pendingPayment, supply.status != .cancelled
        else { return }
        let id = try supply.requireID()
        let reason = "buyer refunded \(Money(minorUnits: amountMinor).formatted)"
        if fullyRefunded {
            try await creditRemainder(
                of: id, reason: reason, retailRefundID: refundID, actor: actor, at: now, dependencies: dependencies,
                on: db)
        } else if retailTotalMinor > 0 {
            // The same share of the wholesale amount, in 128-bit arithmetic; never above what is left.
            let share = min(
                retailTotalMinor.dividingFullWidth(supply.totalMinor.multipliedFullWidth(by: amountMinor)).quotient,
                supply.totalMinor - supply.creditedMinor)
            if share > 0 {
                _ = try await addCredit(
                    SupplyCredit(
                        id: dependencies.uuid(), supplyOrderID: id, amountMinor: share, reason: reason,
                        retailRefundID: refundID, actorID: actor, at: now), on: db)
            }
        }
        try await refundedIfFullyCredited(id, actor: actor, at: now, dependencies: dependencies, on: db)
    }
}
