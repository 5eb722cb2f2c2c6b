import FluentKit
import Foundation
import Persistence
import SQLKit

/// On PostgreSQL, rebuilds `orders`, `order_lines` and `order_events` as tables partitioned by
/// Beijing month (`OrderPartitions`), moving every row; SQLite keeps its plain tables (one
/// county's embedded store), so this does nothing there. It runs after every module's
/// migrations (`JishiMigrations`), once all the tables that refer to orders exist.
///
/// PostgreSQL asks a partitioned table's primary key to hold the partition key, so it becomes
/// `(id, created_at)` for orders, `(id, order_created_at)` for lines and `(id, at)` for events.
/// There is no index over all partitions: an id is unique because the application makes it a
/// random UUID (v4) and each partition has its own unique index on it, and an order found by id
/// alone is looked up in each month's index (one index probe a month; `bench/orders`).
///
/// The references into these tables keep their meaning:
/// - a line refers to its order by `(order_id, order_created_at)`, a real foreign key with its
///   `ON DELETE CASCADE`;
/// - the other references (events, refunds, reviews, supply orders, counter returns into
///   orders; reviews into lines) cannot be foreign keys without carrying the month, so they are
///   triggers: an insert or a change of the referring column checks that the order (line)
///   exists and locks it `FOR KEY SHARE`, as a foreign key does, and fails with SQLSTATE 23503;
///   deleting an order (line) cascades, or is refused, as the foreign key did. Ids are never
///   changed, so there is no `ON UPDATE` side.
///
/// `revert` builds the plain tables again with their keys, foreign keys and indexes.
public struct PartitionOrdersByMonth: AsyncMigration {
    public init() {}

    /// How a reference into the order book behaves when its target is deleted.
    enum OnDelete: String {
        case cascade = "CASCADE"
        case restrict = "RESTRICT"
        case noAction = "NO ACTION"
    }

    /// Every reference into the three tables there may be, apart from a line's to its order.
    /// Another one fails the migration, so nobody adds one without deciding how it keeps.
    static let references: [(table: String, column: String, target: String, onDelete: OnDelete)] = [
        (OrderEvent.schema, "order_id", Order.schema, .cascade),
        (Refund.schema, "order_id", Order.schema, .cascade),
        ("reviews", "order_id", Order.schema, .cascade),
        ("reviews", "order_line_id", OrderLine.schema, .cascade),
        ("supply_orders", "retail_order_id", Order.schema, .noAction),
        ("counter_returns", "order_id", Order.schema, .restrict),
    ]

    /// The indexes of the partitioned tables (each partition gets its own).
    static let partitionedIndexes = [
        "CREATE INDEX orders_checkout_id_idx ON orders (checkout_id)",
        // The buyer's and the shop's order lists, newest first, ties by id (`OrderService`).
        "CREATE INDEX orders_buyer_created_idx ON orders (buyer_id, created_at DESC, id)",
        "CREATE INDEX orders_shop_created_idx ON orders (shop_id, created_at DESC, id)",
        // A month's statement reads this index alone (`created_at` too: it leaves out the months
        // after the period).
        """
        CREATE INDEX orders_shop_paid_idx ON orders (shop_id, paid_at) \
        INCLUDE (total_minor, commission_minor, created_at) WHERE paid_at IS NOT NULL
        """,
        "CREATE INDEX order_lines_order_id_idx ON order_lines (order_id)",
        "CREATE INDEX order_events_order_id_idx ON order_events (order_id)",
    ]

    /// The plain tables' indexes, as `AddOrderIndexes`, `AddOrderMonthColumns` and
    /// `CreateSearchTerms` made them (the partitioned tables do without the last one's).
    static let plainIndexes = [
        "CREATE INDEX order_lines_variant_id_idx ON order_lines (variant_id)",
        "CREATE INDEX orders_checkout_id_idx ON orders (checkout_id)",
        "CREATE INDEX orders_buyer_created_idx ON orders (buyer_id, created_at)",
        "CREATE INDEX orders_shop_created_idx ON orders (shop_id, created_at)",
        "CREATE INDEX orders_shop_paid_idx ON orders (shop_id, paid_at)",
        "CREATE INDEX order_lines_order_id_idx ON order_lines (order_id)",
        "CREATE INDEX order_events_order_id_idx ON order_events (order_id)",
    ]

    static let keys: [String: [String]] = [
        Order.schema: ["id", "created_at"], OrderLine.schema: ["id", "order_created_at"],
        OrderEvent.schema: ["id", "at"],
    ]

    /// The time the migration reads as now, for the months it creates ahead.
    var now: @Sendable () -> Date = { Date() }

    public func prepare(on database: any Database) async throws {
        guard try database.sql().dialect.name == "postgresql" else { return }
        try await database.transaction { db in
            let sql = try db.sql()
            let tables = OrderPartitions.tables.map(\.table)
            // The foreign keys the three tables hold to others (checkouts, shops, accounts,
            // variants), to put on the new tables, and the ones into them, which go.
            let outgoing = try await Self.foreignKeys(from: tables, on: sql)
                .filter { !tables.contains($0.target) }
            for incoming in try await Self.foreignKeys(into: tables, on: sql) {
                let known =
                    (incoming.table == OrderLine.schema && incoming.column == "order_id")
                    || Self.references.contains { $0.table == incoming.table && $0.column == incoming.column }
                guard known else {
                    throw OrderBookMigrationError(
                        "\(incoming.table).\(incoming.column) refers to \(incoming.target): decide how it keeps "
                            + "without a foreign key (PartitionOrdersByMonth.references).")
                }
                try await sql.raw("ALTER TABLE \(ident: incoming.table) DROP CONSTRAINT \(ident: incoming.name)").run()
            }
            for table in tables {
                let old = table + "_unpartitioned"
                try await sql.raw("ALTER TABLE \(ident: table) RENAME TO \(ident: old)").run()
                // Their indexes' names are wanted for the new tables; the old ones go at the end.
                for name in try await Self.indexNames(of: old, on: sql) {
                    try await sql.raw("ALTER INDEX \(ident: name) RENAME TO \(ident: name + "_old")").run()
                }
            }
            try await sql.raw(
                "ALTER TABLE order_lines_unpartitioned ALTER COLUMN order_created_at SET NOT NULL"
            ).run()
            for (table, key) in OrderPartitions.tables {
                try await sql.raw(
                    """
                    CREATE TABLE \(ident: table) (LIKE \(ident: table + "_unpartitioned") INCLUDING DEFAULTS) \
                    PARTITION BY RANGE (\(ident: key))
                    """
                ).run()
                let key = (Self.keys[table] ?? []).map { "\"\($0)\"" }.joined(separator: ", ")
                try await sql.raw("ALTER TABLE \(ident: table) ADD PRIMARY KEY (\(unsafeRaw: key))").run()
            }
            // Every month that has rows, and the months ahead.
            let months = try await sql.raw(
                """
                SELECT DISTINCT to_char(t AT TIME ZONE 'Asia/Shanghai', 'YYYYMM') AS month FROM ( \
                SELECT created_at AS t FROM orders_unpartitioned UNION ALL SELECT at FROM order_events_unpartitioned) s
                """
            ).all().compactMap { row -> OrderPartitions.Month? in
                let code = try row.decode(column: "month", as: String.self)
                guard let number = Int(code) else { return nil }
                return OrderPartitions.Month(year: number / 100, month: number % 100)
            }
            var ahead = [OrderPartitions.Month(of: now())]
            for _ in 0..<OrderPartitions.monthsAhead { ahead.append(ahead[ahead.count - 1].next) }
            _ = try await OrderPartitions.create(Array(Set(months + ahead)).sorted(), on: sql)
            for table in tables {
                try await sql.raw(
                    "INSERT INTO \(ident: table) SELECT * FROM \(ident: table + "_unpartitioned")"
                ).run()
            }
            for index in Self.partitionedIndexes { try await sql.raw("\(unsafeRaw: index)").run() }
            try await sql.raw(
                """
                ALTER TABLE order_lines ADD FOREIGN KEY (order_id, order_created_at) \
                REFERENCES orders (id, created_at) ON DELETE CASCADE
                """
            ).run()
            for key in outgoing {
                try await sql.raw("ALTER TABLE \(ident: key.table) ADD \(unsafeRaw: key.definition)").run()
            }
            for table in tables.reversed() {
                try await sql.raw("DROP TABLE \(ident: table + "_unpartitioned")").run()
            }
            try await sql.raw("\(unsafeRaw: AddOrderMonthColumns.createPaidTrigger)").run()
            try await Self.createReferenceTriggers(on: sql)
            for table in tables { try await sql.raw("ANALYZE \(ident: table)").run() }
        }
    }

    public func revert(on database: any Database) async throws {
        guard try database.sql().dialect.name == "postgresql" else { return }
        try await database.transaction { db in
            let sql = try db.sql()
            let tables = OrderPartitions.tables.map(\.table)
            try await Self.dropReferenceTriggers(on: sql)
            let outgoing = try await Self.foreignKeys(from: tables, on: sql).filter { !tables.contains($0.target) }
            for table in tables {
                let plain = table + "_plain"
                try await sql.raw("CREATE TABLE \(ident: plain) (LIKE \(ident: table) INCLUDING DEFAULTS)").run()
                try await sql.raw("INSERT INTO \(ident: plain) SELECT * FROM \(ident: table)").run()
            }
            for table in tables.reversed() { try await sql.raw("DROP TABLE \(ident: table) CASCADE").run() }
            for table in tables {
                try await sql.raw("ALTER TABLE \(ident: table + "_plain") RENAME TO \(ident: table)").run()
                try await sql.raw("ALTER TABLE \(ident: table) ADD PRIMARY KEY (id)").run()
            }
            try await sql.raw("ALTER TABLE order_lines ALTER COLUMN order_created_at DROP NOT NULL").run()
            for index in Self.plainIndexes { try await sql.raw("\(unsafeRaw: index)").run() }
            for key in outgoing {
                try await sql.raw("ALTER TABLE \(ident: key.table) ADD \(unsafeRaw: key.definition)").run()
            }
            let into =
                [(OrderLine.schema, "order_id", Order.schema, OnDelete.cascade)]
                + Self.references.map { ($0.table, $0.column, $0.target, $0.onDelete) }
            for (table, column, target, onDelete) in into where try await OrderPartitions.exists(table, on: sql) {
                try await sql.raw(
                    """
                    ALTER TABLE \(ident: table) ADD FOREIGN KEY (\(ident: column)) REFERENCES \(ident: target) (id) \
                    ON DELETE \(unsafeRaw: onDelete.rawValue)
                    """
                ).run()
            }
            try await sql.raw("\(unsafeRaw: AddOrderMonthColumns.createPaidTrigger)").run()
        }
    }

    struct ForeignKey {
        var name: String
        var table: String
        var column: String
        var target: String
        var definition: String
    }

    /// The foreign keys whose referring table is one of `tables`.
    static func foreignKeys(from tables: [String], on sql: any SQLDatabase) async throws -> [ForeignKey] {
        try await foreignKeys(where: "c.conrelid", in: tables, on: sql)
    }

    /// The foreign keys that refer to one of `tables`.
    static func foreignKeys(into tables: [String], on sql: any SQLDatabase) async throws -> [ForeignKey] {
        try await foreignKeys(where: "c.confrelid", in: tables, on: sql)
    }

    private static func foreignKeys(where side: String, in tables: [String], on sql: any SQLDatabase) async throws
        -> [ForeignKey]
    {
        let oids = tables.map { "to_regclass('\($0)')" }.joined(separator: ", ")
        return try await sql.raw(
            """
            SELECT c.conname::text AS name, r.relname::text AS "table", t.relname::text AS target, \
            a.attname::text AS "column", pg_get_constraintdef(c.oid) AS definition \
            FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_class t ON t.oid = c.confrelid \
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
            WHERE c.contype = 'f' AND c.conparentid = 0 AND \(unsafeRaw: side) IN (\(unsafeRaw: oids))
            """
        ).all().map {
            ForeignKey(
                name: try $0.decode(column: "name", as: String.self),
                table: try $0.decode(column: "table", as: String.self),
                column: try $0.decode(column: "column", as: String.self),
                target: try $0.decode(column: "target", as: String.self),
                definition: try $0.decode(column: "definition", as: String.self))
        }
    }

    static func indexNames(of table: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw(
            """
            SELECT i.relname::text AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid \
            WHERE x.indrelid = to_regclass(\(bind: table))
            """
        ).all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// The triggers that stand for the foreign keys into orders and lines, on the tables that
    /// exist (a module's tests may migrate only some).
    static func createReferenceTriggers(on sql: any SQLDatabase) async throws {
        for target in [Order.schema, OrderLine.schema] {
            let function = "jishi_require_\(target)"
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION \(ident: function)() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE ref uuid := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
                BEGIN
                    IF ref IS NOT NULL THEN
                        PERFORM 1 FROM \(ident: target) WHERE id = ref FOR KEY SHARE;
                        IF NOT FOUND THEN
                            RAISE EXCEPTION 'insert or update on table "%" violates reference to \(unsafeRaw: target)', TG_TABLE_NAME
                                USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (%s)=(%s) is not present.', TG_ARGV[0], ref);
                        END IF;
                    END IF;
                    RETURN NULL;
                END $$
                """
            ).run()
            var onDelete: [String] = []
            for reference in references where reference.target == target {
                guard try await OrderPartitions.exists(reference.table, on: sql) else { continue }
                try await sql.raw(
                    """
                    CREATE TRIGGER \(ident: triggerName(reference.table, reference.column)) \
                    AFTER INSERT OR UPDATE OF \(ident: reference.column) ON \(ident: reference.table) \
                    FOR EACH ROW EXECUTE FUNCTION \(ident: function)(\(literal: reference.column))
                    """
                ).run()
                switch reference.onDelete {
                case .cascade:
                    onDelete.append("DELETE FROM \"\(reference.table)\" WHERE \"\(reference.column)\" = OLD.id;")
                case .restrict, .noAction:
                    onDelete.append(
                        """
                        IF EXISTS (SELECT 1 FROM "\(reference.table)" WHERE "\(reference.column)" = OLD.id) THEN
                            RAISE EXCEPTION 'delete on table "\(target)" violates reference from "\(reference.table)"'
                                USING ERRCODE = 'foreign_key_violation';
                        END IF;
                        """)
                }
            }
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION \(ident: function + "_deleted")() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    \(unsafeRaw: onDelete.joined(separator: "\n"))
                    RETURN NULL;
                END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER \(ident: target + "_references") AFTER DELETE ON \(ident: target) \
                FOR EACH ROW EXECUTE FUNCTION \(ident: function + "_deleted")()
                """
            ).run()
        }
    }

    static func dropReferenceTriggers(on sql: any SQLDatabase) async throws {
        for reference in references where try await OrderPartitions.exists(reference.table, on: sql) {
            try await sql.raw(
                "DROP TRIGGER IF EXISTS \(ident: triggerName(reference.table, reference.column)) ON \(ident: reference.table)"
            ).run()
        }
        for target in [Order.schema, OrderLine.schema] {
            try await sql.raw("DROP TRIGGER IF EXISTS \(ident: target + "_references") ON \(ident: target)").run()
            try await sql.raw("DROP FUNCTION IF EXISTS \(ident: "jishi_require_\(target)_deleted")()").run()
            try await sql.raw("DROP FUNCTION IF EXISTS \(ident: "jishi_require_\(target)")()").run()
        }
    }

    static func triggerName(_ table: String, _ column: String) -> String { "\(table)_\(column)_exists" }
}

/// A migration that cannot go on as the database stands.
struct OrderBookMigrationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
