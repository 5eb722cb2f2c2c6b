import Foundation

/// Runs `work` on a thread of its own and returns its result: for computations of seconds (the
/// dispatch engine, station siting, a simulation's runs). Tasks share a few threads, and in
/// `jishi serve` those are the event loops that also read and write every connection, so a
/// computation that kept one for seconds would stall every request that loop serves. The thread
/// ends with `work`; cancelling the caller does not stop it (the engines stop by their time limits).
public func onThreadOfItsOwn<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// The same, for work that cannot fail.
public func onThreadOfItsOwn<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}
