import Foundation

/// Runs blocking work (waiting for a child process, a socket exchange) on a thread of its own
/// and awaits its result. Swift's cooperative pool has a thread per core, two on CI: a test that
/// blocks one of them (for the minute a county cluster takes to start, say) leaves one thread to
/// every other test running alongside and to the in-process servers they talk to. CI saw a
/// request to such a server wait past its client's timeout and past its server's shutdown.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

extension Process {
    /// `waitUntilExit` off the cooperative pool (see `offThePool`).
    public func exitOffThePool() async {
        _ = try? await offThePool { [self] in waitUntilExit() }
    }
}

/// Runs `body`, then `cleanup` whatever happens: `defer` for cleanups that must be awaited
/// (stopping a process off the pool, say).
public func withCleanup<T>(_ body: () async throws -> T, cleanup: () async -> Void) async throws -> T {
    do {
        let result = try await body()
        await cleanup()
        return result
    } catch {
        await cleanup()
        throw error
    }
}
