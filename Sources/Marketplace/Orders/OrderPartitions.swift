import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// The monthly partitions of the order book on PostgreSQL (`PartitionOrdersByMonth`): orders
/// by `created_at`, their lines by the order's `created_at` (`order_created_at`), so a line
/// sits beside its order, and their events by the event's own `at`. Months are Beijing months,
/// as statements are. Each table also has a `…_default` partition, so an insert never fails for
/// want of a month.
///
/// `ensure` creates the months that do not exist yet; it is idempotent, and the job runner calls
/// it as it starts and daily (`MarketplaceJobs.orderPartitions`). A month whose rows already
/// sit in a default partition (the job did not run for months) is left there: they are found
/// and correct, only not pruned, and PostgreSQL would refuse the new partition.
public enum OrderPartitions {
    /// Each partitioned table and its partition key.
    public static let tables: [(table: String, key: String)] = [
        (Order.schema, "created_at"), (OrderLine.schema, "order_created_at"), (OrderEvent.schema, "at"),
    ]

    /// How many months after the current one are created ahead.
    public static let monthsAhead = 3

    /// A Beijing calendar month.
    public struct Month: Hashable, Comparable, Sendable {
        public var year: Int
        public var month: Int

        public init(year: Int, month: Int) {
            self.year = year
            self.month = month
        }

        /// The month `date` falls in, in Beijing.
        public init(of date: Date) {
            let parts = OrderPartitions.calendar.dateComponents([.year, .month], from: date)
            self.init(year: parts.year ?? 1970, month: parts.month ?? 1)
        }

        public var next: Month { month == 12 ? Month(year: year + 1, month: 1) : Month(year: year, month: month + 1) }

        /// `202612`, for partition names.
        public var code: String { String(format: "%04d%02d", year, month) }

        /// The first instant of the month, as a PostgreSQL `timestamptz` literal.
        var lowerBound: String { String(format: "%04d-%02d-01 00:00:00+08", year, month) }

        public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar
    }()

    /// `orders_p202612`.
    public static func partitionName(_ table: String, _ month: Month) -> String { "\(table)_p\(month.code)" }

    /// `orders_default`.
    public static func defaultName(_ table: String) -> String { "\(table)_default" }

    /// Whether `orders` is a partitioned table here (PostgreSQL after `PartitionOrdersByMonth`).
    public static func isPartitioned(on database: any Database) async throws -> Bool {
        let sql = try database.sql()
        guard sql.dialect.name == "postgresql" else { return false }
        let row = try await sql.raw(
            "SELECT relkind::text AS kind FROM pg_class WHERE oid = to_regclass(\(bind: Order.schema))"
        ).first()
        return try row?.decode(column: "kind", as: String?.self) == "p"
    }

    /// The current month and the `monthsAhead` after it, each for every table, and the default
    /// partitions; answers the partitions it created. Nothing on SQLite or an unpartitioned store.
    @discardableResult
    public static func ensure(at now: Date, on database: any Database) async throws -> [String] {
        guard try await isPartitioned(on: database) else { return [] }
        var months = [Month(of: now)]
        for _ in 0..<monthsAhead { months.append(months[months.count - 1].next) }
        let wanted = months
        return try await database.transaction { db in
            let sql = try db.sql()
            // One creator at a time across servers (a job runs once, but `jishi migrate` may race it).
            try await sql.raw("SELECT pg_advisory_xact_lock(hashtext('jishi.order-partitions'))").run()
            return try await create(wanted, on: sql)
        }
    }

    /// Creates the missing partitions of `months` and the default partitions, inside the
    /// caller's transaction.
    static func create(_ months: [Month], on sql: any SQLDatabase) async throws -> [String] {
        var created: [String] = []
        for (table, key) in tables {
            let fallback = defaultName(table)
            if try await !exists(fallback, on: sql) {
                try await sql.raw(
                    "CREATE TABLE \(ident: fallback) PARTITION OF \(ident: table) DEFAULT"
                ).run()
                created.append(fallback)
            }
            for month in months {
                let name = partitionName(table, month)
                guard try await !exists(name, on: sql) else { continue }
                let from = month.lowerBound
                let to = month.next.lowerBound
                let stranded = try await sql.raw(
                    """
                    SELECT EXISTS (SELECT 1 FROM \(ident: fallback) WHERE \(ident: key) >= \(literal: from)::timestamptz \
                    AND \(ident: key) < \(literal: to)::timestamptz) AS stranded
                    """
                ).first()?.decode(column: "stranded", as: Bool.self)
                guard stranded != true else { continue }
                try await sql.raw(
                    """
                    CREATE TABLE \(ident: name) PARTITION OF \(ident: table) \
                    FOR VALUES FROM (\(literal: from)) TO (\(literal: to))
                    """
                ).run()
                created.append(name)
            }
        }
        return created
    }

    static func exists(_ table: String, on sql: any SQLDatabase) async throws -> Bool {
        let row = try await sql.raw("SELECT to_regclass(\(bind: table)) IS NOT NULL AS found").first()
        return try row?.decode(column: "found", as: Bool.self) ?? false
    }

    /// The partitions of `table` with their row counts, oldest first (the default last), for
    /// tests and the benchmark.
    public static func rowCounts(of table: String, on database: any Database) async throws -> [(String, Int)] {
        let sql = try database.sql()
        let names = try await sql.raw(
            """
            SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
            WHERE i.inhparent = to_regclass(\(bind: table)) ORDER BY c.relname
            """
        ).all().map { try $0.decode(column: "name", as: String.self) }
        var counts: [(String, Int)] = []
        for name in names {
            let count = try await sql.raw("SELECT COUNT(*) AS n FROM ONLY \(ident: name)").first()?
                .decode(column: "n", as: Int.self)
            counts.append((name, count ?? 0))
        }
        return counts
    }
}
