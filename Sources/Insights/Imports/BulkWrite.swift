import FluentKit
import Foundation
import SQLKit

/// Many rows written in few statements, for the imports of a province's history (millions of
/// monthly rows) and the village ledger. On PostgreSQL, one `INSERT … SELECT FROM UNNEST` of
/// one typed array per column for every 20,000 rows: the rows travel as a few binary arrays
/// and the statement is planned once, which is as fast as `COPY` for this and, unlike `COPY`,
/// runs inside the Fluent transaction the import already holds. On SQLite, which has no arrays,
/// a multi-row `VALUES` of as many rows as its limit on bound values allows. Either way with an
/// optional `ON CONFLICT (…) DO UPDATE SET …`.
struct BulkWrite {
    /// One column's values, typed for PostgreSQL's array of them.
    enum Values {
        case uuid([UUID])
        case text([String])
        case optionalText([String?])
        case optionalUUID([UUID?])
        case int([Int64])
        case date([Date])

        var count: Int {
            switch self {
            case .uuid(let values): values.count
            case .text(let values): values.count
            case .optionalText(let values): values.count
            case .optionalUUID(let values): values.count
            case .int(let values): values.count
            case .date(let values): values.count
            }
        }

        /// PostgreSQL's name of the array's type.
        var arrayType: String {
            switch self {
            case .uuid, .optionalUUID: "uuid[]"
            case .text, .optionalText: "text[]"
            case .int: "int8[]"
            case .date: "timestamptz[]"
            }
        }

        func slice(_ range: Range<Int>) -> any Encodable & Sendable {
            switch self {
            case .uuid(let values): Array(values[range])
            case .text(let values): Array(values[range])
            case .optionalText(let values): Array(values[range])
            case .optionalUUID(let values): Array(values[range])
            case .int(let values): Array(values[range])
            case .date(let values): Array(values[range])
            }
        }

        func value(_ index: Int) -> any Encodable & Sendable {
            switch self {
            case .uuid(let values): values[index]
            case .text(let values): values[index]
            case .optionalText(let values): values[index]
            case .optionalUUID(let values): values[index]
            case .int(let values): values[index]
            case .date(let values): values[index]
            }
        }
    }

    var table: String
    var columns: [(name: String, values: Values)]
    /// The unique columns of `ON CONFLICT`, and its `SET` assignments (`orders = excluded.orders`);
    /// no conflict clause when nil.
    var conflict: (columns: [String], set: [String])?

    static let postgresRows = 20_000
    /// SQLite allows 32,766 bound values a statement.
    static let sqliteValues = 30_000

    func run(on sql: any SQLDatabase) async throws {
        let count = columns.first?.values.count ?? 0
        guard count > 0 else { return }
        precondition(columns.allSatisfy { $0.values.count == count }, "columns of unequal length")
        let names = SQLRaw(columns.map(\.name).joined(separator: ", "))
        var tail = ""
        if let conflict {
            tail =
                " ON CONFLICT (\(conflict.columns.joined(separator: ", "))) DO "
                + (conflict.set.isEmpty ? "NOTHING" : "UPDATE SET " + conflict.set.joined(separator: ", "))
        }
        if sql.dialect.name == "postgresql" {
            for start in stride(from: 0, to: count, by: Self.postgresRows) {
                let range = start..<min(start + Self.postgresRows, count)
                var query = SQLQueryString("INSERT INTO \(unsafeRaw: table) (")
                query.appendInterpolation(names)
                query.appendLiteral(") SELECT * FROM UNNEST(")
                for (index, column) in columns.enumerated() {
                    if index > 0 { query.appendLiteral(", ") }
                    query.appendInterpolation(bind: column.values.slice(range))
                    query.appendLiteral("::" + column.values.arrayType)
                }
                query.appendLiteral(")" + tail)
                try await sql.raw(query).run()
            }
        } else {
            let perStatement = max(1, Self.sqliteValues / columns.count)
            for start in stride(from: 0, to: count, by: perStatement) {
                var query = SQLQueryString("INSERT INTO \(unsafeRaw: table) (")
                query.appendInterpolation(names)
                query.appendLiteral(") VALUES ")
                for row in start..<min(start + perStatement, count) {
                    query.appendLiteral(row == start ? "(" : ", (")
                    for (index, column) in columns.enumerated() {
                        if index > 0 { query.appendLiteral(", ") }
                        query.appendInterpolation(bind: column.values.value(row))
                    }
                    query.appendLiteral(")")
                }
                query.appendLiteral(tail)
                try await sql.raw(query).run()
            }
        }
    }

    /// Sets the columns after the first of every row whose first column (its key) matches: on
    /// PostgreSQL one `UPDATE … FROM UNNEST` per 20,000 rows, on SQLite an `UPDATE` a row.
    func update(on sql: any SQLDatabase) async throws {
        let count = columns.first?.values.count ?? 0
        guard count > 0, let key = columns.first?.name else { return }
        if sql.dialect.name == "postgresql" {
            let assignments = columns.dropFirst().map(\.name).map { "\($0) = u.\($0)" }.joined(separator: ", ")
            for start in stride(from: 0, to: count, by: Self.postgresRows) {
                let range = start..<min(start + Self.postgresRows, count)
                var query = SQLQueryString("UPDATE \(unsafeRaw: table) AS t SET \(unsafeRaw: assignments) FROM UNNEST(")
                for (index, column) in columns.enumerated() {
                    if index > 0 { query.appendLiteral(", ") }
                    query.appendInterpolation(bind: column.values.slice(range))
                    query.appendLiteral("::" + column.values.arrayType)
                }
                query.appendLiteral(") AS u(\(columns.map(\.name).joined(separator: ", "))) WHERE t.\(key) = u.\(key)")
                try await sql.raw(query).run()
            }
        } else {
            for row in 0..<count {
                var query = SQLQueryString("UPDATE \(unsafeRaw: table) SET ")
                for (index, column) in columns.dropFirst().enumerated() {
                    query.appendLiteral(index == 0 ? "\(column.name) = " : ", \(column.name) = ")
                    query.appendInterpolation(bind: column.values.value(row))
                }
                query.appendLiteral(" WHERE \(key) = ")
                query.appendInterpolation(bind: columns[0].values.value(row))
                try await sql.raw(query).run()
            }
        }
    }

    /// `column IN (…)` for ids: on PostgreSQL `= ANY` of one array, on SQLite a list of binds.
    static func among(_ column: String, _ ids: [UUID], on sql: any SQLDatabase) -> SQLQueryString {
        if sql.dialect.name == "postgresql" {
            return "\(unsafeRaw: column) = ANY(\(bind: ids)::uuid[])"
        }
        return "\(unsafeRaw: column) IN (\(binds: ids))"
    }

    /// `column IN (…)` for text, likewise.
    static func among(_ column: String, _ values: [String], on sql: any SQLDatabase) -> SQLQueryString {
        if sql.dialect.name == "postgresql" {
            return "\(unsafeRaw: column) = ANY(\(bind: values)::text[])"
        }
        return "\(unsafeRaw: column) IN (\(binds: values))"
    }

    /// Values in runs small enough for `among` on either database, or of `postgres` values on
    /// PostgreSQL when a query binds them as one array of its own.
    static func chunks<Element>(_ values: [Element], on sql: any SQLDatabase, postgres: Int = 10_000) -> [[Element]] {
        let size = sql.dialect.name == "postgresql" ? postgres : 500
        return stride(from: 0, to: values.count, by: size).map { Array(values[$0..<min($0 + size, values.count)]) }
    }
}
