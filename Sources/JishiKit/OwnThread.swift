import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `work` on a thread of its own and returns its result: for computations of seconds (the
/// dispatch engine, consolidation, station siting). Tasks share a few threads, and in
/// `jishi serve` those are the event loops that also read and write every connection, so a
/// computation that kept one for seconds would stall every request that loop serves. The thread
/// ends with `work`; cancelling the caller does not stop it (the engines stop by their time limits).
///
/// The thread runs at a lower CPU priority (``ownThreadNiceness``): the engines search until their
/// time limits, and several at once would otherwise share the cores evenly with the event loops.
public func onThreadOfItsOwn<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            yieldToRequests()
            continuation.resume(with: Result { try work() })
        }.start()
    }
}

/// The same, for work that cannot fail.
public func onThreadOfItsOwn<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread {
            yieldToRequests()
            continuation.resume(returning: work())
        }.start()
    }
}

/// The nice value (at least) of a thread of its own on Linux, where the event loops run at the
/// process's (0): the scheduler then gives a busy core to a request first. It is what
/// libdispatch gives its background-quality threads here. With four dispatch plans solving at
/// once on two cores, a search's p50/p95 went from 5–6/18 ms to 2–3/7 (2–3/4 with none), and
/// the plans still took their 20 s (`bench/dispatch/beside`).
public let ownThreadNiceness: Int32 = 10

/// The calling thread's nice value, raised to ``ownThreadNiceness``. Linux keeps a nice value per
/// thread, and `setpriority`'s `who` 0 is the calling thread. A thread may raise its own without
/// privileges; it never lowers it here.
private func yieldToRequests() {
    #if os(Linux)
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        if getpriority(which, 0) < ownThreadNiceness { _ = setpriority(which, 0, ownThreadNiceness) }
    #endif
}
