import Foundation
import SQLKit

/// Rows of one table written a few hundred to a statement: a multi-row `INSERT … VALUES`,
/// optionally `ON CONFLICT (id) DO UPDATE SET` the columns named, which SQLite and PostgreSQL
/// both read. A catalogue import writes every new and changed row this way, so a million
/// products take a few thousand statements, not a million model saves.
struct CatalogBatch {
    var table: String
    var columns: [String]
    /// The columns an existing row (same id) takes from the new one; rows are only inserted when
    /// empty.
    var updating: [String] = []
    var rows: [[any Encodable & Sendable]] = []

    /// Rows a statement: 300 rows of the widest table (11 columns) bind 3,300 values, far under
    /// SQLite's 32,766 and PostgreSQL's 65,535.
    static let rowsPerStatement = 300

    mutating func append(_ row: [any Encodable & Sendable]) {
        precondition(row.count == columns.count, "a row of \(row.count) values for \(columns.count) columns")
        rows.append(row)
    }

    /// Writes the rows, calling `written` with how many after each statement.
    func run(on sql: any SQLDatabase, written: (Int) -> Void = { _ in }) async throws {
        var tail = ""
        if !updating.isEmpty {
            tail =
                " ON CONFLICT (id) DO UPDATE SET " + updating.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        }
        for start in stride(from: 0, to: rows.count, by: Self.rowsPerStatement) {
            let end = min(start + Self.rowsPerStatement, rows.count)
            var query = SQLQueryString(
                "INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns.joined(separator: ", "))) VALUES ")
            for index in start..<end {
                query.appendLiteral(index == start ? "(" : ", (")
                for (position, value) in rows[index].enumerated() {
                    if position > 0 { query.appendLiteral(", ") }
                    query.appendInterpolation(bind: value)
                }
                query.appendLiteral(")")
            }
            query.appendLiteral(tail)
            try await sql.raw(query).run()
            written(end - start)
        }
    }
}
