import FluentKit
import Foundation

/// Runs write transactions. SQLite allows one writer at a time and reports a clash as an
/// error rather than waiting, so on SQLite (one process by design) writes queue here in
/// order; PostgreSQL takes them concurrently and its row locks do the ordering.
public struct TransactionRunner: Sendable {
    private let gate: AsyncMutex?

    public init(serialized: Bool) {
        gate = serialized ? AsyncMutex() : nil
    }

    public func transaction<T: Sendable>(
        on database: any Database, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard let gate else { return try await database.transaction(body) }
        return try await gate.withLock { try await database.transaction(body) }
    }
}
