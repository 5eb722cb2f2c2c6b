import FluentKit
import Foundation
import SQLKit

/// A statement written for PostgreSQL (`$1`, `$2`, … for its values, each cast where its type
/// is not plain from the text) that each connection parses and plans once and then runs by
/// name. On the checkout path parsing and planning cost PostgreSQL more than running the
/// statements (`bench/checkout/README.md`).
///
/// A hot path that has such a statement asks a `PreparedStatementRunner` for it and keeps its
/// portable SQLKit statements for every other store (the capability check of the design).
public protocol PreparedStatement: Sendable {
    /// The statement, in PostgreSQL's dialect.
    static var sql: String { get }
}

/// One value for a prepared statement, with the type PostgreSQL receives it as.
public enum PreparedValue: Sendable {
    case uuid(UUID?)
    case text(String?)
    case integer(Int64)
    case date(Date)
    case uuids([UUID])
    case texts([String])
    case integers([Int64])

    public static func integer(_ value: Int) -> PreparedValue { .integer(Int64(value)) }
}

/// Runs prepared statements on a store that has them (PostgreSQL); the composition root makes
/// one for such a store and none for SQLite.
public protocol PreparedStatementRunner: Sendable {
    /// The rows `statement` answers with `values` bound to `$1`, `$2`, …, run on `database`'s
    /// connection (inside its transaction, if it has one).
    func rows<Statement: PreparedStatement>(
        _ statement: Statement.Type, _ values: [PreparedValue], on database: any Database
    ) async throws -> [any SQLRow]
}
