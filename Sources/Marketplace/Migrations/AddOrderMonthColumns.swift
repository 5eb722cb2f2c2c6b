import Community
import FluentKit
import Persistence
import SQLKit

/// What a seller county's order book needs to be read by month without walking every order,
/// on both stores:
///
/// - `order_lines.order_created_at`, the order's creation time copied onto each line at sale,
///   so PostgreSQL can file a line in its order's month (`PartitionOrdersByMonth`);
/// - `orders.paid_at` and `orders.commission_minor`, set by a trigger when an order becomes
///   `paid` (the time of that move and the commission of its lines, which never change after
///   sale), so a month's statement sums one index range instead of joining every line and
///   event of the shop;
/// - `refunds.shop_id` and `refunds.order_created_at`, copied from the order by a trigger at
///   insert, so a month's refunds are found by shop.
///
/// Existing rows are filled in. Triggers rather than the services keep these columns right
/// whichever path moves an order (checkout's prepared statements, the payment, the station's
/// counter).
public struct AddOrderMonthColumns: AsyncMigration {
    public init() {}

    static let columns: [(table: String, column: String, type: DatabaseSchema.DataType)] = [
        (OrderLine.schema, "order_created_at", .datetime),
        (Order.schema, "paid_at", .datetime),
        (Order.schema, "commission_minor", .int64),
        (Refund.schema, "shop_id", .uuid),
        (Refund.schema, "order_created_at", .datetime),
    ]

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("orders_shop_paid_idx", Order.schema, ["shop_id", "paid_at"]),
        ("refunds_shop_refunded_idx", Refund.schema, ["shop_id", "refunded_at"]),
    ]

    /// A line's commission, half up, in SQL: `StatementService.commission(onMinor:basisPoints:)`.
    static let lineCommission = "(l.unit_price_minor * l.quantity * l.commission_bps + 5000) / 10000"

    public func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        for column in Self.columns {
            try await database.schema(column.table).field(FieldKey(stringLiteral: column.column), column.type).update()
        }
        let sql = try database.sql()
        try await sql.raw(
            """
            UPDATE order_lines SET order_created_at = (SELECT o.created_at FROM orders o WHERE o.id = order_lines.order_id)
            """
        ).run()
        try await sql.raw(
            """
            UPDATE orders SET paid_at = (SELECT MIN(e.at) FROM order_events e WHERE e.order_id = orders.id \
            AND e.from_status = 'pending_payment' AND e.to_status = 'paid'), \
            commission_minor = (SELECT COALESCE(SUM(\(unsafeRaw: Self.lineCommission)), 0) FROM order_lines l \
            WHERE l.order_id = orders.id) \
            WHERE EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = orders.id \
            AND e.from_status = 'pending_payment' AND e.to_status = 'paid')
            """
        ).run()
        try await sql.raw(
            """
            UPDATE refunds SET shop_id = (SELECT o.shop_id FROM orders o WHERE o.id = refunds.order_id), \
            order_created_at = (SELECT o.created_at FROM orders o WHERE o.id = refunds.order_id)
            """
        ).run()
        for statement in sql.dialect.name == "postgresql" ? Self.postgresTriggers : Self.sqliteTriggers {
            try await sql.raw("\(unsafeRaw: statement)").run()
        }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("\(unsafeRaw: Self.createPaidTrigger)").run()
        }
        try await AddLookupIndexes.create(Self.indexes, on: database)
    }

    public func revert(on database: any Database) async throws {
        let sql = try database.sql()
        try await AddLookupIndexes.drop(Self.indexes, on: database)
        let drops =
            sql.dialect.name == "postgresql"
            ? [
                "DROP TRIGGER IF EXISTS orders_paid ON orders", "DROP TRIGGER IF EXISTS refunds_order ON refunds",
                "DROP FUNCTION IF EXISTS jishi_order_paid()", "DROP FUNCTION IF EXISTS jishi_refund_order()",
            ] : ["DROP TRIGGER IF EXISTS orders_paid", "DROP TRIGGER IF EXISTS refunds_order"]
        for statement in drops { try await sql.raw("\(unsafeRaw: statement)").run() }
        for column in Self.columns.reversed() {
            try await database.schema(column.table).deleteField(FieldKey(stringLiteral: column.column)).update()
        }
    }

    /// The trigger functions on PostgreSQL. `jishi_order_paid` reads the lines of the order's
    /// month only (`order_created_at`), which is one partition once orders are partitioned.
    static let postgresTriggers = [
        """
        CREATE OR REPLACE FUNCTION jishi_order_paid() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.paid_at := NEW.updated_at;
            NEW.commission_minor := (SELECT COALESCE(SUM(\(lineCommission)), 0)::bigint FROM order_lines l
                WHERE l.order_id = NEW.id AND l.order_created_at = NEW.created_at);
            RETURN NEW;
        END $$
        """,
        """
        CREATE OR REPLACE FUNCTION jishi_refund_order() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            SELECT o.shop_id, o.created_at INTO NEW.shop_id, NEW.order_created_at FROM orders o WHERE o.id = NEW.order_id;
            RETURN NEW;
        END $$
        """,
        """
        CREATE TRIGGER refunds_order BEFORE INSERT ON refunds FOR EACH ROW EXECUTE FUNCTION jishi_refund_order()
        """,
    ]

    /// The paid trigger on `orders`, plain or partitioned (`PartitionOrdersByMonth` attaches it
    /// again to the table it builds).
    static let createPaidTrigger = """
        CREATE TRIGGER orders_paid BEFORE UPDATE OF status ON orders FOR EACH ROW \
        WHEN (OLD.status = 'pending_payment' AND NEW.status = 'paid') EXECUTE FUNCTION jishi_order_paid()
        """

    static let sqliteTriggers = [
        """
        CREATE TRIGGER orders_paid AFTER UPDATE OF status ON orders FOR EACH ROW
        WHEN OLD.status = 'pending_payment' AND NEW.status = 'paid'
        BEGIN
            UPDATE orders SET paid_at = NEW.updated_at,
                commission_minor = (SELECT COALESCE(SUM(\(lineCommission)), 0) FROM order_lines l
                    WHERE l.order_id = NEW.id)
            WHERE id = NEW.id;
        END
        """,
        """
        CREATE TRIGGER refunds_order AFTER INSERT ON refunds FOR EACH ROW
        BEGIN
            UPDATE refunds SET shop_id = (SELECT o.shop_id FROM orders o WHERE o.id = NEW.order_id),
                order_created_at = (SELECT o.created_at FROM orders o WHERE o.id = NEW.order_id)
            WHERE id = NEW.id;
        END
        """,
    ]
}
