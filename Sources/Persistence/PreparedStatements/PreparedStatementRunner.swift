import FluentKit
import SQLKit

/// Runs prepared statements on a store that has them (PostgreSQL); the composition root makes
/// one for such a store and none for SQLite.
public protocol PreparedStatementRunner: Sendable {
    /// The rows `statement` answers with `values` bound to `$1`, `$2`, …, run on `database`'s
    /// connection (inside its transaction, if it has one).
    func rows<Statement: PreparedStatement>(
        _ statement: Statement.Type, _ values: [PreparedValue], on database: any Database
    ) async throws -> [any SQLRow]
}
