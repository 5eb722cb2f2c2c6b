import FluentKit
import Foundation
import SQLKit

/// Runs write transactions. SQLite allows one writer at a time, so on SQLite (one process by
/// design) writes queue here in order; PostgreSQL takes them concurrently and its row locks do
/// the ordering.
///
/// On SQLite each transaction takes the write lock with its first statement. Fluent begins a
/// deferred transaction, which reads under a shared lock and asks for the write lock at its
/// first write; if another connection is writing at that moment (a job worker claiming a job,
/// a session being touched), SQLite answers "database is locked" at once instead of waiting,
/// because waiting could deadlock. A transaction that starts by asking for the write lock holds
/// no lock yet, so SQLite's busy handler makes it wait its turn instead.
public struct TransactionRunner: Sendable {
    private let gate: AsyncMutex?

    public init(serialized: Bool) {
        gate = serialized ? AsyncMutex() : nil
    }

    public func transaction<T: Sendable>(
        on database: any Database, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard let gate else { return try await database.transaction(body) }
        return try await gate.withLock {
            try await database.transaction { db in
                try await Self.takeWriteLock(on: db)
                return try await body(db)
            }
        }
    }

    /// A write that changes nothing but makes SQLite take the write lock (the migrations table
    /// exists wherever Jishi has run its migrations).
    static func takeWriteLock(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw(#"UPDATE "_fluent_migrations" SET "batch" = "batch" WHERE 0 = 1"#).run()
    }
}
