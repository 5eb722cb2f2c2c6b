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
enum CheckoutStore {
    // MARK: - Checkout

    /// The variants asked for, with what a sale needs from their product, shop and category,
    /// in one joined query; and, in the same statement, whether `village` exists (`nil` when
    /// no village was given or no variant matched, so the statement could not say).
    static func offers(_ ids: [UUID], village: UUID?, on database: any Database) async throws -> (
        offers: [UUID: CheckoutService.Offer], villageExists: Bool?
    ) {
        var query: SQLQueryString = """
            SELECT v."id", v."sku", v."price_minor", v."source_variant_id", p."title", p."shop_id", p."listed", \
            s."status" AS "shop_status", c."commission_bps"
            """
        if let village {
            query += #", (SELECT COUNT(*) FROM "villages" WHERE "villages"."id" = \#(bind: village)) AS "villages""#
        }
        query += """
             FROM "variants" v JOIN "products" p ON p."id" = v."product_id" \
            JOIN "shops" s ON s."id" = p."shop_id" JOIN "categories" c ON c."id" = p."category_id" \
            WHERE v."id" IN (\(binds: ids))
            """
        let rows = try await database.sql().raw(query).all()
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

    /// Inserts the checkout, its orders, their lines and their events, and runs the `also`
    /// statements (plain `INSERT`s, such as the expiry job's). The checkout's unique
    /// `(buyer_id, idempotency_key)` refuses a second checkout with the same key (a constraint
    /// failure the caller answers as a replay) before the caller touches any stock.
    ///
    /// On PostgreSQL this is one statement (data-modifying `WITH` clauses; the foreign keys
    /// between them are checked at the end of the statement); elsewhere one multi-row `INSERT`
    /// per table.
    static func insert(
        _ checkout: Checkout, orders: [(order: Order, lines: [OrderLine])], events: [OrderEvent],
        also: [SQLQueryString] = [], on database: any Database
    ) async throws {
        let sql = try database.sql()
        var inserts = [
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
        inserts += also
        if isPostgres(sql) {
            try await sql.raw(chained(inserts)).run()
        } else {
            for statement in inserts { try await sql.raw(statement).run() }
        }
        checkout.$id.exists = true
        for entry in orders {
            entry.order.$id.exists = true
            for line in entry.lines { line.$id.exists = true }
        }
        for event in events { event.$id.exists = true }
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
    /// One statement on PostgreSQL, two elsewhere.
    static func claim(
        for payment: (id: UUID, checkoutID: UUID, idempotencyKey: String, provider: String), buyer: UUID,
        at now: Date, on database: any Database
    ) async throws -> Claim? {
        let sql = try database.sql()
        let pending = Payment.Status.pending.rawValue
        let claim: SQLQueryString = """
            UPDATE "checkouts" SET "paid_by_payment_id" = \(bind: payment.id) \
            WHERE "id" = \(bind: payment.checkoutID) AND "buyer_id" = \(bind: buyer) \
            AND "payment_method" = \(bind: Checkout.PaymentMethod.online.rawValue) \
            AND "expires_at" > \(bind: now) AND "paid_by_payment_id" IS NULL \
            RETURNING "total_minor", \
            (SELECT COUNT(*) FROM "orders" WHERE "orders"."checkout_id" = "checkouts"."id") AS "orders", \
            (SELECT COUNT(*) FROM "orders" WHERE "orders"."checkout_id" = "checkouts"."id" \
            AND "orders"."status" = \(bind: OrderStatus.pendingPayment.rawValue)) AS "awaiting"
            """
        let columns = """
            "id", "checkout_id", "idempotency_key", "provider", "amount_minor", "status", "provider_reference", \
            "created_at"
            """
        let row: (any SQLRow)?
        if isPostgres(sql) {
            row = try await sql.raw(
                """
                WITH "claim" AS (\(claim)), "payment" AS (INSERT INTO "payments" (\(unsafeRaw: columns)) \
                SELECT \(bind: payment.id), \(bind: payment.checkoutID), \(bind: payment.idempotencyKey), \
                \(bind: payment.provider), "total_minor", \(bind: pending), NULL, \(bind: now) FROM "claim") \
                SELECT "total_minor", "orders", "awaiting" FROM "claim"
                """
            ).first()
        } else {
            row = try await sql.raw(claim).first()
            if let row {
                let total = try row.decode(column: "total_minor", as: Int64.self)
                try await sql.raw(
                    """
                    INSERT INTO "payments" (\(unsafeRaw: columns)) VALUES (\(bind: payment.id), \
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
    /// ids, one per order of the checkout), and returns the orders moved as they now are. The
    /// caller compares their number with the checkout's orders.
    ///
    /// One statement on PostgreSQL, three elsewhere.
    static func capture(
        _ payment: Payment, eventIDs: [UUID], actor: UUID?, reason: String, at now: Date, on database: any Database
    ) async throws -> [Order] {
        let sql = try database.sql()
        let paid = OrderStatus.paid.rawValue
        let awaiting = OrderStatus.pendingPayment.rawValue
        let moveOrders: SQLQueryString = """
            UPDATE "orders" SET "status" = \(bind: paid), "updated_at" = \(bind: now) \
            WHERE "checkout_id" = \(bind: payment.$checkout.id) AND "status" = \(bind: awaiting) \
            RETURNING \(unsafeRaw: orderColumns)
            """
        if isPostgres(sql) {
            let ids = eventIDs.map(\.uuidString).joined(separator: ",")
            return try await sql.raw(
                """
                WITH "payment" AS (UPDATE "payments" SET "status" = \(bind: payment.status.rawValue), \
                "provider_reference" = \(nullable: payment.providerReference) WHERE "id" = \(bind: payment.id)), \
                "moved" AS (\(moveOrders)), \
                "events" AS (INSERT INTO "order_events" \
                ("id", "order_id", "from_status", "to_status", "actor_id", "reason", "at") \
                SELECT CAST((string_to_array(\(bind: ids), ','))[n."i"] AS uuid), n."id", \(bind: awaiting), \
                \(bind: paid), \(nullable: actor), \(bind: reason), \(bind: now) \
                FROM (SELECT "id", CAST(row_number() OVER (ORDER BY "id") AS integer) AS "i" FROM "moved") n) \
                SELECT \(unsafeRaw: orderColumns) FROM "moved"
                """
            ).all().map(order)
        }
        try await update(payment, on: database)
        let orders = try await sql.raw(moveOrders).all().map(order)
        try await insert(
            zip(orders, eventIDs).map { order, id in
                OrderEvent(
                    id: id, orderID: order.id ?? id, from: .pendingPayment, to: .paid, actorID: actor, reason: reason,
                    at: now)
            }, on: database)
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

    /// Whether `sql` is PostgreSQL, which runs several inserts and updates as one statement.
    private static func isPostgres(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "postgresql" }

    /// `WITH "s0" AS (first), "s1" AS (second) … last`: data-modifying statements run as one.
    private static func chained(_ statements: [SQLQueryString]) -> SQLQueryString {
        var query: SQLQueryString = "WITH "
        for (index, statement) in statements.dropLast().enumerated() {
            if index > 0 { query += ", " }
            query += "\(ident: "s\(index)") AS (\(statement))"
        }
        return query + " " + (statements.last ?? "SELECT 1")
    }

    private static let orderColumns = """
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
