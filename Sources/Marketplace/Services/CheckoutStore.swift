import Community
import FluentKit
import Foundation
import JishiKit
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
                    "id", "order_id", "variant_id", "title", "sku", "unit_price_minor", "quantity", "commission_bps",
                ],
                rows: orders.flatMap(\.lines).map { line in
                    [
                        line.id, line.$order.id, line.$variant.id, line.title, line.sku, line.unitPriceMinor,
                        line.quantity, line.commissionBasisPoints,
                    ]
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
    /// moved paid, and returns the orders moved as they now are. The caller compares their
    /// number with the checkout's orders.
    ///
    /// One prepared statement where the store has them, four or more elsewhere.
    static func capture(
        _ payment: Payment, eventIDs: [UUID], actor: UUID?, reason: String, at now: Date,
        dependencies: Dependencies, prepared: (any PreparedStatementRunner)?, on database: any Database
    ) async throws -> [Order] {
        let paid = OrderStatus.paid.rawValue
        let awaiting = OrderStatus.pendingPayment.rawValue
        if let prepared {
            return try await prepared.rows(
                CaptureStatement.self,
                [
                    .text(payment.status.rawValue), .text(payment.providerReference), .uuid(payment.id), .text(paid),
                    .date(now), .uuid(payment.$checkout.id), .text(awaiting), .uuids(eventIDs), .uuid(actor),
                    .text(reason), .uuids(eventIDs.map { _ in dependencies.uuid() }),
                    .text(SupplyService.retailPaidReason),
                ], on: database
            ).map(order)
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

    fileprivate static let orderColumns = """
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

extension SQLQueryString {
    /// A bind, or `NULL` for `nil`.
    fileprivate mutating func appendInterpolation(nullable value: (any Encodable & Sendable)?) {
        if let value { appendInterpolation(bind: value) } else { appendInterpolation(SQLLiteral.null) }
    }
}

// MARK: - Prepared statements

/// The variants `$1` with what a sale needs from their product, shop and category, and whether
/// the village `$2` exists.
enum OffersStatement: PreparedStatement {
    static let columns = """
        v."id", v."sku", v."price_minor", v."source_variant_id", p."title", p."shop_id", p."listed", \
        s."status" AS "shop_status", c."commission_bps"
        """
    static let tables = """
        "variants" v JOIN "products" p ON p."id" = v."product_id" JOIN "shops" s ON s."id" = p."shop_id" \
        JOIN "categories" c ON c."id" = p."category_id"
        """
    static let sql = """
        SELECT \(columns), (SELECT COUNT(*) FROM "villages" WHERE "villages"."id" = $2::uuid) AS "villages" \
        FROM \(tables) WHERE v."id" = ANY($1::uuid[])
        """
}

/// A checkout with its orders, lines, events and expiry job, and its stock taken, all or
/// nothing in one statement: the variants are locked in id order first (so concurrent carts
/// never deadlock; `FOR NO KEY UPDATE`, as an `UPDATE` of them would, so foreign-key checks
/// against them do not wait), and only when every one has its quantity is stock taken and are the rows
/// inserted (from arrays). Answers the variants that were short, none when it placed.
enum PlaceStatement: PreparedStatement {
    static let sql = """
        WITH "wanted" AS (SELECT * FROM unnest($38::uuid[], $39::bigint[]) AS w("id", "quantity")), \
        "locked" AS MATERIALIZED (SELECT "id", "stock" FROM "variants" WHERE "id" = ANY($38::uuid[]) \
        ORDER BY "id" FOR NO KEY UPDATE), \
        "enough" AS MATERIALIZED (SELECT COUNT(*) = cardinality($38::uuid[]) AS "ok" FROM "locked" l \
        JOIN "wanted" w ON w."id" = l."id" WHERE l."stock" >= w."quantity"), \
        "taken" AS (UPDATE "variants" v SET "stock" = v."stock" - w."quantity" FROM "wanted" w, "enough" e \
        WHERE e."ok" AND v."id" = w."id" AND v."stock" >= w."quantity"), \
        "checkout" AS (INSERT INTO "checkouts" ("id", "buyer_id", "idempotency_key", "request_digest", \
        "total_minor", "payment_method", "created_at", "expires_at") SELECT $1::uuid, $2::uuid, $3::text, \
        $4::text, $5::bigint, $6::text, $7::timestamptz, $8::timestamptz FROM "enough" WHERE "ok"), \
        "placed" AS (INSERT INTO "orders" ("id", "checkout_id", "shop_id", "buyer_id", "status", "total_minor", \
        "refund_reserved_minor", "delivery_name", "delivery_phone", "delivery_village_id", "delivery_address", \
        "created_at", "updated_at") SELECT o."id", $1::uuid, o."shop_id", $2::uuid, $12::text, o."total", 0, \
        $13::text, $14::text, $15::uuid, $16::text, $7::timestamptz, $7::timestamptz \
        FROM unnest($9::uuid[], $10::uuid[], $11::bigint[]) AS o("id", "shop_id", "total"), "enough" \
        WHERE "ok"), \
        "lines" AS (INSERT INTO "order_lines" ("id", "order_id", "variant_id", "title", "sku", \
        "unit_price_minor", "quantity", "commission_bps") SELECT l."id", l."order_id", l."variant_id", \
        l."title", l."sku", l."price", l."quantity", l."bps" FROM unnest($17::uuid[], $18::uuid[], $19::uuid[], \
        $20::text[], $21::text[], $22::bigint[], $23::bigint[], $24::bigint[]) \
        AS l("id", "order_id", "variant_id", "title", "sku", "price", "quantity", "bps"), "enough" WHERE "ok"), \
        "events" AS (INSERT INTO "order_events" ("id", "order_id", "from_status", "to_status", "actor_id", \
        "reason", "at") SELECT e."id", e."order_id", $27::text, $28::text, $29::uuid, $30::text, $7::timestamptz \
        FROM unnest($25::uuid[], $26::uuid[]) AS e("id", "order_id"), "enough" WHERE "ok"), \
        "job" AS (INSERT INTO "jobs" ("id", "kind", "payload", "status", "run_at", "attempts", "max_attempts", \
        "created_at") SELECT $31::uuid, $32::text, $33::text, $34::text, $35::timestamptz, 0, $36::bigint, \
        $37::timestamptz FROM "enough" WHERE "ok") \
        SELECT w."id" FROM "wanted" w LEFT JOIN "locked" l ON l."id" = w."id" \
        WHERE l."id" IS NULL OR l."stock" < w."quantity"
        """
}

/// Claims checkout `$2` for payment `$1` if it is buyer `$3`'s, paid by method `$4`, open at
/// `$5` and claimed by no other payment, and records the payment; counts the checkout's
/// orders and those in status `$6`.
enum ClaimStatement: PreparedStatement {
    static let paymentColumns = """
        "id", "checkout_id", "idempotency_key", "provider", "amount_minor", "status", "provider_reference", \
        "created_at"
        """
    static let sql = """
        WITH "claim" AS (UPDATE "checkouts" SET "paid_by_payment_id" = $1::uuid WHERE "id" = $2::uuid \
        AND "buyer_id" = $3::uuid AND "payment_method" = $4::text AND "expires_at" > $5::timestamptz \
        AND "paid_by_payment_id" IS NULL RETURNING "total_minor", \
        (SELECT COUNT(*) FROM "orders" WHERE "orders"."checkout_id" = "checkouts"."id") AS "orders", \
        (SELECT COUNT(*) FROM "orders" WHERE "orders"."checkout_id" = "checkouts"."id" \
        AND "orders"."status" = $6::text) AS "awaiting"), \
        "payment" AS (INSERT INTO "payments" (\(paymentColumns)) SELECT $1::uuid, $2::uuid, $7::text, $8::text, \
        "total_minor", $9::text, NULL, $5::timestamptz FROM "claim") \
        SELECT "total_minor", "orders", "awaiting" FROM "claim"
        """
}

/// Settles payment `$3`, moves checkout `$6`'s orders from `$7` to `$4` with an event each
/// (ids from `$8`), and their drop-ship supply orders too (event ids from `$11`).
enum CaptureStatement: PreparedStatement {
    static let sql = """
        WITH "payment" AS (UPDATE "payments" SET "status" = $1::text, "provider_reference" = $2::text \
        WHERE "id" = $3::uuid), \
        "moved" AS (UPDATE "orders" SET "status" = $4::text, "updated_at" = $5::timestamptz \
        WHERE "checkout_id" = $6::uuid AND "status" = $7::text RETURNING \(CheckoutStore.orderColumns)), \
        "events" AS (INSERT INTO "order_events" ("id", "order_id", "from_status", "to_status", "actor_id", \
        "reason", "at") SELECT ($8::uuid[])[n."i"], n."id", $7::text, $4::text, $9::uuid, $10::text, \
        $5::timestamptz FROM (SELECT "id", CAST(row_number() OVER (ORDER BY "id") AS integer) AS "i" \
        FROM "moved") n), \
        "supplied" AS (UPDATE "supply_orders" SET "status" = $4::text, "updated_at" = $5::timestamptz \
        WHERE "retail_order_id" IN (SELECT "id" FROM "moved") AND "status" = $7::text RETURNING "id"), \
        "supply_events" AS (INSERT INTO "supply_order_events" ("id", "supply_order_id", "from_status", \
        "to_status", "actor_id", "reason", "at") SELECT ($11::uuid[])[n."i"], n."id", $7::text, $4::text, \
        $9::uuid, $12::text, $5::timestamptz FROM (SELECT "id", CAST(row_number() OVER (ORDER BY "id") \
        AS integer) AS "i" FROM "supplied") n) \
        SELECT \(CheckoutStore.orderColumns) FROM "moved"
        """
}
