import FluentKit
import Foundation

/// Runs write transactions. SQLite allows one writer at a time and reports a clash as an
/// error rather than waiting, so on SQLite (one process by design) writes queue here in
/// order; PostgreSQL takes them concurrently and its row locks do the ordering.
///
/// Fluent begins SQLite transactions deferred: one that reads first asks for the write lock at
/// its first write, and if another connection is writing just then (the job worker claiming a
/// job), SQLite refuses at once ("database is locked") rather than risk a deadlock. Nothing of
/// such a transaction was written, so the runner tries it again after a short pause, a few
/// times, instead of failing the request. (Taking the write lock first instead makes SQLite's
/// busy handler wait on a thread of the shared pool, which starved the test suite.)
public struct TransactionRunner: Sendable {
    private let gate: AsyncMutex?

    public init(serialized: Bool) {
        gate = serialized ? AsyncMutex() : nil
    }

    /// How often a transaction SQLite refused as locked is tried again.
    static let retries = 5

    public func transaction<T: Sendable>(
        on database: any Database, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard let gate else { return try await database.transaction(body) }
        var attempt = 0
        while true {
            do {
                return try await gate.withLock { try await database.transaction(body) }
            } catch let failure where attempt < Self.retries && Self.isLocked(failure) {
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64(attempt) * 25_000_000)
            }
        }
    }

    /// SQLite's refusal of a write lock another connection holds ("busy: database is locked").
    static func isLocked(_ error: any Error) -> Bool {
        String(describing: error).hasPrefix("busy")
    }
}
