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

/// A first-come, first-served async lock.
public final class AsyncMutex: @unchecked Sendable {
    private let lock = NSLock()
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    public func withLock<T: Sendable>(_ body: () async throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired: Bool = lock.withLock {
                if !locked {
                    locked = true
                    return true
                }
                waiters.append(continuation)
                return false
            }
            if acquired { continuation.resume() }
        }
    }

    private func release() {
        lock.lock()
        if waiters.isEmpty {
            locked = false
            lock.unlock()
        } else {
            let next = waiters.removeFirst()
            lock.unlock()
            next.resume()
        }
    }
}
