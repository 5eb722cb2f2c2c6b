import Foundation
import JishiKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Work kept off the threads requests are answered on")
struct ThreadsTests {
    /// A task preferring the background threads runs there, comes back there after an await,
    /// and its group's tasks run there too; other tasks do not.
    @Test func backgroundTasksRunOnTheBackgroundThreads() async {
        let seen = await Task(executorPreference: BackgroundThreads.shared) {
            var seen = [BackgroundThreads.shared.isCurrent]
            try? await Task.sleep(for: .milliseconds(5))
            seen.append(BackgroundThreads.shared.isCurrent)
            await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<4 { group.addTask { BackgroundThreads.shared.isCurrent } }
                for await one in group { seen.append(one) }
            }
            return seen
        }.value
        #expect(seen == Array(repeating: true, count: 6))
        let elsewhere = await Task.detached { BackgroundThreads.shared.isCurrent }.value
        #expect(!elsewhere)
    }

    /// Work on a thread of its own returns its result or its error, and runs neither on the
    /// background threads nor on the main thread.
    @Test func aThreadOfItsOwnReturnsAndThrows() async throws {
        let (answer, background, main) = await onThreadOfItsOwn {
            (6 * 7, BackgroundThreads.shared.isCurrent, Thread.isMainThread)
        }
        #expect(answer == 42)
        #expect(!background && !main)
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            _ = try await onThreadOfItsOwn { () throws -> Int in throw Refused() }
        }
    }

    /// On Linux a thread of its own runs at a nice value of at least ten and leaves the caller's
    /// alone, so the event loops that answer requests get a busy core first.
    @Test func aThreadOfItsOwnYieldsTheCoresToRequests() async throws {
        #if os(Linux)
            let which = __priority_which_t(PRIO_PROCESS.rawValue)
            let caller = getpriority(which, 0)
            let own = await onThreadOfItsOwn { getpriority(which, 0) }
            #expect(own == max(caller, ownThreadNiceness))
            #expect(own >= 10)
            #expect(getpriority(which, 0) == caller)
        #endif
    }
}
