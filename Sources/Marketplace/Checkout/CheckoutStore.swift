import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// The storage of a checkout and of its online payment, the marketplace's hot path, as plain
/// SQL that runs on SQLite and PostgreSQL alike: one joined read of what is for sale, one
/// multi-row `INSERT` per table, one guarded `UPDATE` for all the orders of a checkout, and
/// rows read straight into values.
///
/// Fluent's model layer reflects over a model (`Fields.properties`, a `Mirror`) each time it
/// encodes, decodes or queries one; on this path that cost more CPU than the statements
/// themselves (`bench/checkout/README.md`). The guarantees stay where they were: the unique
/// `(buyer_id, idempotency_key)` and `(checkout_id, idempotency_key)` indexes, guarded
/// updates, and one transaction per request, which the callers own.
///
/// Where the store has prepared statements (PostgreSQL), each step is one prepared statement
/// of fixed shape (rows go in as arrays through `unnest`): parsing and planning the statements
/// afresh cost PostgreSQL more than running them.
enum CheckoutStore {
    // MARK: - Checkout

    /// The variants asked for, with what a sale needs from their product, shop and category,
    /// in one joined query; and, in the same statement, whether `village` exists (`nil` when
    /// no village was given or no variant matched, so the statement could not say).
    static func offers(
        _ ids: [UUID], village: UUID?, prepared: (any PreparedStatementRunner)?, on database: any Database
    ) async throws -> (offers: [UUID: CheckoutService.Offer], villageExists: Bool?) {
        let rows: [any SQLRow]
        if let prepared {
            rows = try await prepared.rows(OffersStatement.self, [.uuids(ids), .uuid(village)], on: database)
        } else {
            let village: SQLQueryString = village.map { "\(bind: $0)" } ?? "NULL"
            rows = try await database.sql().raw(
                """
                SELECT \(unsafeRaw: OffersStatement.columns), (SELECT COUNT(*) FROM "villages" \
                WHERE "villages"."id" = \(village)) AS "villages" FROM \(unsafeRaw: OffersStatement.tables) \
                WHERE v."id" IN (\(binds: ids))
                """
            ).all()
        }
        var offers: [UUID: CheckoutService.Offer] = [:]
        var villageExists: Bool?
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let status = try row.decode(column: "shop_status", as: String.self)
            offers[id] = CheckoutService.Offer(
                variantID: id, sku: try row.decode(column: "sku", as: String.self),
                variantName: try row.decode(column: "variant_name", as: String.self),
                priceMinor: try row.decode(column: "price_minor", as: Int64.self),
                title: try row.decode(column: "title", as: String.self),
                shopID: try row.decode(column: "shop_id", as: UUID.self),
                listed: try row.decode(column: "listed", as: Bool.self),
                shopStatus: Shop.Status(rawValue: status) ?? .suspended,
                commissionBasisPoints: try row.decode(column: "commission_bps", as: Int.self),
                sourceVariantID: try row.decode(column: "source_variant_id", as: UUID?.self))
            if village != nil { villageExists = try row.decode(column: "villages", as: Int.self) > 0 }
        }
        return (offers, villageExists)
    }

    /// Whether `place` writes everything or nothing by itself, outside a transaction.
    static func isAtomic(prepared: (any PreparedStatementRunner)?) -> Bool { prepared != nil }

    /// Places a checkout: inserts it, its orders, their lines and events and its expiry job,
    /// and takes every line's stock, or answers a `409` naming the short variants. The
    /// checkout's unique `(buyer_id, idempotency_key)` refuses a second checkout with the same
    /// key, a constraint failure the caller answers as a replay. The orders of one checkout
    /// share its buyer, delivery address and time, and its events their transition.
    ///
    /// Where the store has prepared statements this is one statement that writes everything
    /// or nothing (`isAtomic`), so it needs no transaction of its own; elsewhere one multi-row
    /// `INSERT` per table and one guarded `UPDATE` per variant, and the caller's transaction
    /// rolls them back when a variant is short.
    static func place(
        _ checkout: Checkout, orders: [(order: Order, lines: [OrderLine])], events: [OrderEvent],
        expiry: (job: Job, statement: SQLQueryString), takes: [StockLedger.Take],
        prepared: (any PreparedStatementRunner)?, on database: any Database
    ) async throws {
        if let prepared, let first = orders.first?.order {
            let lines = orders.flatMap(\.lines)
            let takes = StockLedger.merged(takes)
            let event = events.first
            let job = expiry.job
            let short = try await prepared.rows(
                PlaceStatement.self,
                [
                    .uuid(checkout.id), .uuid(checkout.$buyer.id), .text(checkout.idempotencyKey),
                    .text(checkout.requestDigest), .integer(checkout.totalMinor),
                    .text(checkout.paymentMethod.rawValue), .date(checkout.createdAt), .date(checkout.expiresAt),
                    .uuids(try orders.map { try $0.order.requireID() }), .uuids(orders.map(\.order.$shop.id)),
                    .integers(orders.map(\.order.totalMinor)), .text(first.status.rawValue),
                    .text(first.deliveryName), .text(first.deliveryPhone), .uuid(first.deliveryVillageID),
                    .text(first.deliveryAddress),
                    .uuids(try lines.map { try $0.requireID() }), .uuids(lines.map(\.$order.id)),
                    .uuids(lines.map(\.$variant.id)),
                    .texts(lines.map(\.title)), .texts(lines.map(\.sku)), .integers(lines.map(\.unitPriceMinor)),
                    .integers(lines.map { Int64($0.quantity) }),
                    .integers(lines.map { Int64($0.commissionBasisPoints) }),
                    .uuids(try events.map { try $0.requireID() }), .uuids(events.map(\.$order.id)),
                    .text(event?.from?.rawValue), .text(event?.to.rawValue), .uuid(event?.actorID),
                    .text(event?.reason),
                    .uuid(job.id), .text(job.kind), .text(job.payload), .text(job.status.rawValue), .date(job.runAt),
                    .integer(job.maxAttempts), .date(job.createdAt),
                    .uuids(takes.map(\.variantID)), .integers(takes.map { Int64($0.quantity) }),
                    .texts(lines.map(\.variantName)),
                ], on: database
            ).map { try $0.decode(column: "id", as: UUID.self) }
            guard short.isEmpty else {
                throw StockLedger.shortage(
                    takes.filter { short.contains($0.variantID) }.map { $0.label ?? $0.variantID.uuidString })
            }
        } else {
            let sql = try database.sql()
            for statement in inserts(checkout, orders: orders, events: events) + [expiry.statement] {
                try await sql.raw(statement).run()
            }
            try await StockLedger.reserve(takes, on: database)
        }
        checkout.$id.exists = true
        for entry in orders {
            entry.order.$id.exists = true
            for line in entry.lines { line.$id.exists = true }
        }
        for event in events { event.$id.exists = true }
    }

    private static func inserts(
        _ checkout: Checkout, orders: [(order: Order, lines: [OrderLine])], events: [OrderEvent]
    ) -> [SQLQueryString] {
        [
            insert(
                into: Checkout.schema,
                columns: [
                    "id", "buyer_id", "idempotency_key", "request_digest", "total_minor", "payment_method",
                    "created_at", "expires_at",
                ],
                rows: [
                    [
                        checkout.id, checkout.$buyer.id, checkout.idempotencyKey, checkout.requestDigest,
                        checkout.totalMinor, checkout.paymentMethod.rawValue, checkout.createdAt, checkout.expiresAt,
                    ]
                ]),
            insert(
                into: Order.schema,
                columns: [
                    "id", "checkout_id", "shop_id", "buyer_id", "status", "total_minor", "refund_reserved_minor",
                    "delivery_name", "delivery_phone", "delivery_village_id", "delivery_address", "created_at",
                    "updated_at",
                ],
                rows: orders.map { entry in
                    let order = entry.order
                    return [
                        order.id, order.$checkout.id, order.$shop.id, order.$buyer.id, order.status.rawValue,
                        order.totalMinor, order.refundReservedMinor, order.deliveryName, order.deliveryPhone,
                        order.deliveryVillageID, order.deliveryAddress, order.createdAt, order.updatedAt,
                    ]
                }),
            insert(
                into: OrderLine.schema,
                columns: [
                    "id", "order_id", "variant_id", "title", "variant_name", "sku", "unit_price_minor", "quantity",
                    "commission_bps", "order_created_at",
                ],
                rows: orders.flatMap { entry in
                    entry.lines.map { line -> [(any Encodable & Sendable)?] in
                        [
                            line.id, line.$order.id, line.$variant.id, line.title, line.variantName, line.sku,
                            line.unitPriceMinor, line.quantity, line.commissionBasisPoints, entry.order.createdAt,
                        ]
                    }
                }),
            insert(events),
        ]
    }

    /// Inserts order events in one statement.
    static func insert(_ events: [OrderEvent], on database: any Database) async throws {
        guard !events.isEmpty else { return }
        try await database.sql().raw(insert(events)).run()
        for event in events { event.$id.exists = true }
    }

    private static func insert(_ events: [OrderEvent]) -> SQLQueryString {
        insert(
            into: OrderEvent.schema,
            columns: ["id", "order_id", "from_status", "to_status", "actor_id", "reason", "at"],
            rows: events.map { event in
                [
                    event.id, event.$order.id, event.from?.rawValue, event.to.rawValue, event.actorID, event.reason,
                    event.at,
                ]
            })
    }

    // MARK: - Payment

    /// What claiming a checkout found.
    struct Claim {
        var totalMinor: Int64
        /// The checkout's orders, and how many of them await payment.
        var orders: Int
        var awaiting: Int
    }

    /// Claims the checkout for `payment` with one guarded update, if it is `buyer`'s, paid
    /// online, still open at `now` and claimed by no other payment, and records `payment` (as
    /// `pending`, for the checkout's total); `nil` when the claim is refused. The same update
    /// counts the checkout's orders and those awaiting payment. The payment's unique
    /// `(checkout_id, idempotency_key)` refuses a second payment with the same key before any
    /// provider is asked for money.
    ///
    /// One prepared statement where the store has them, two elsewhere.
    static func claim(
        for payment: (id: UUID, checkoutID: UUID, idempotencyKey: String, provider: String), buyer: UUID,
        at now: Date, prepared: (any PreparedStatementRunner)?, on database: any Database
    ) async throws -> Claim? {
        let pending = Payment.Status.pending.rawValue
        let online = Checkout.PaymentMethod.online.rawValue
        let awaiting = OrderStatus.pendingPayment.rawValue
        let row: (any SQLRow)?
        if let prepared {
            row = try await prepared.rows(
                ClaimStatement.self,
                [
                    .uuid(payment.id), .uuid(payment.checkoutID), .uuid(buyer), .text(online), .date(now),
                    .text(awaiting), .text(payment.idempotencyKey), .text(payment.provider), .text(pending),
                ], on: database
            ).first
        } else {
            let sql = try database.sql()
            row = try await sql.raw(
                """
                UPDATE "checkouts" SET "paid_by_payment_id" = \(bind: payment.id) \
                WHERE "id" = \(bind: payment.checkoutID) AND "buyer_id" = \(bind: buyer) \
                AND "payment_method" = \(bind: online) AND "expires_at" > \(bind: now) \
                AND "paid_by_payment_id" IS NULL RETURNING "total_minor", \
                (SELECT COUNT(*) FROM "orders" WHERE "orders"."checkout_id" = "checkouts"."id") AS "orders", \
                (SELECT COUNT(*) FROM "orders" WHERE "orders"."checkout_id" = "checkouts"."id" \
                AND "orders"."status" = \(bind: awaiting)) AS "awaiting"
                """
            ).first()
            if let row {
                let total = try row.decode(column: "total_minor", as: Int64.self)
                try await sql.raw(
                    """
                    INSERT INTO "payments" (\(unsafeRaw: ClaimStatement.paymentColumns)) VALUES (\(bind: payment.id), \
                    \(bind: payment.checkoutID), \(bind: payment.idempotencyKey), \(bind: payment.provider), \
                    \(bind: total), \(bind: pending), NULL, \(bind: now))
                    """
                ).run()
            }
        }
        guard let row else { return nil }
        return Claim(
            totalMinor: try row.decode(column: "total_minor", as: Int64.self),
            orders: try row.decode(column: "orders", as: Int.self),
            awaiting: try row.decode(column: "awaiting", as: Int.self))
    }

    /// Stores a payment's status and provider reference.
    static func update(_ payment: Payment, on database: any Database) async throws {
        try await database.sql().raw(
            """
            UPDATE "payments" SET "status" = \(bind: payment.status.rawValue), \
            "provider_reference" = \(nullable: payment.providerReference) WHERE "id" = \(bind: payment.id)
            """
        ).run()
    }

    /// Stores a captured payment, moves every order of its checkout still awaiting payment to
    /// `paid` in one guarded update, records one event per order moved (`eventIDs` holds their
    /// ids, one per order of the checkout), marks the drop-ship supply orders of the orders
    /// moved paid, adds their units to the products' sales in the search index, and returns the
    /// orders moved as they now are. The caller compares their number with the checkout's orders.
    ///
    /// One prepared statement where the store has them, five or more elsewhere.
    static func capture(
        _ payment: Payment, eventIDs: [UUID], actor: UUID?, reason: String, at now: Date,
        dependencies: Dependencies, prepared: (any PreparedStatementRunner)?, on database: any Database
    ) async throws -> [Order] {
        let paid = OrderStatus.paid.rawValue
        let awaiting = OrderStatus.pendingPayment.rawValue
        if let prepared {
            let rows = try await prepared.rows(
                CaptureStatement.self,
                [
                    .text(payment.status.rawValue), .text(payment.providerReference), .uuid(payment.id), .text(paid),
                    .date(now), .uuid(payment.$checkout.id), .text(awaiting), .uuids(eventIDs), .uuid(actor),
                    .text(reason), .uuids(eventIDs.map { _ in dependencies.uuid() }),
                    .text(SupplyService.retailPaidReason),
                ], on: database)
            let stepped = try rows.first?.decode(column: "stepped", as: [UUID].self) ?? []
            if !stepped.isEmpty { try await SearchIndex.reindex(productIDs: stepped, on: database) }
            return try rows.map(order)
        }
        try await update(payment, on: database)
        let orders = try await database.sql().raw(
            """
            UPDATE "orders" SET "status" = \(bind: paid), "updated_at" = \(bind: now) \
            WHERE "checkout_id" = \(bind: payment.$checkout.id) AND "status" = \(bind: awaiting) \
            RETURNING \(unsafeRaw: orderColumns)
            """
        ).all().map(order)
        try await insert(
            zip(orders, eventIDs).map { order, id in
                OrderEvent(
                    id: id, orderID: order.id ?? id, from: .pendingPayment, to: .paid, actorID: actor, reason: reason,
                    at: now)
            }, on: database)
        try await SupplyService.retailPaid(
            orders.compactMap(\.id), actor: actor, at: now, dependencies: dependencies, on: database)
        try await SearchIndex.recordSales(ofOrders: orders.compactMap(\.id), on: database)
        return orders
    }

    /// Moves the given orders from `pending_payment` to `paid` in one guarded update; returns
    /// how many moved.
    static func markPaid(_ orderIDs: [UUID], at now: Date, on database: any Database) async throws -> Int {
        try await database.sql().raw(
            """
            UPDATE "orders" SET "status" = \(bind: OrderStatus.paid.rawValue), "updated_at" = \(bind: now) \
            WHERE "id" IN (\(binds: orderIDs)) AND "status" = \(bind: OrderStatus.pendingPayment.rawValue) \
            RETURNING "id"
            """
        ).all().count
    }

    /// A checkout's orders, in id order.
    static func orders(ofCheckout checkoutID: UUID, on database: any Database) async throws -> [Order] {
        try await database.sql().raw(
            """
            SELECT \(unsafeRaw: orderColumns) FROM "orders" WHERE "checkout_id" = \(bind: checkoutID) ORDER BY "id"
            """
        ).all().map(order)
    }

    // MARK: - Statements and rows

    static let orderColumns = """
        "id", "checkout_id", "shop_id", "buyer_id", "status", "total_minor", "refund_reserved_minor", \
        "delivery_name", "delivery_phone", "delivery_village_id", "delivery_address", "created_at", "updated_at"
        """

    private static func order(_ row: any SQLRow) throws -> Order {
        let order = Order(
            id: try row.decode(column: "id", as: UUID.self),
            checkoutID: try row.decode(column: "checkout_id", as: UUID.self),
            shopID: try row.decode(column: "shop_id", as: UUID.self),
            buyerID: try row.decode(column: "buyer_id", as: UUID.self),
            totalMinor: try row.decode(column: "total_minor", as: Int64.self),
            delivery: DeliveryAddress(
                name: try row.decode(column: "delivery_name", as: String.self),
                phone: try row.decode(column: "delivery_phone", as: String.self),
                villageID: try row.decode(column: "delivery_village_id", as: UUID?.self),
                addressLine: try row.decode(column: "delivery_address", as: String.self)),
            at: try row.decode(column: "created_at", as: Date.self))
        let status = try row.decode(column: "status", as: String.self)
        guard let status = OrderStatus(rawValue: status) else {
            throw Problem(type: .internalError, detail: "An order has the unknown status \(status).")
        }
        order.status = status
        order.refundReservedMinor = try row.decode(column: "refund_reserved_minor", as: Int64.self)
        order.updatedAt = try row.decode(column: "updated_at", as: Date.self)
        order.$id.exists = true
        return order
    }

    /// `INSERT INTO table (columns) VALUES (…), (…)`: one statement for every row, `nil`
    /// written as `NULL`.
    private static func insert(
        into table: String, columns: [String], rows: [[(any Encodable & Sendable)?]]
    ) -> SQLQueryString {
        var query: SQLQueryString = "INSERT INTO \(ident: table) (\(idents: columns, joinedBy: ", ")) VALUES "
        for (index, row) in rows.enumerated() {
            if index > 0 { query += ", " }
            query += "(\(SQLList(row.map { $0.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null })))"
        }
        return query
    }
}

// MARK: - Prepared statements

extension SQLQueryString {
    /// A bind, or `NULL` for `nil`.
    fileprivate mutating func appendInterpolation(nullable value: (any Encodable & Sendable)?) {
        if let value { appendInterpolation(bind: value) } else { appendInterpolation(SQLLiteral.null) }
    }
}
