import Fluent
import JishiServer
import Logging
import NIOCore
import NIOPosix
import Vapor

// The Vapor side of the commands, kept apart from ArgumentParser (both name a type `Option`).

/// Makes Swift concurrency's global executor the event loops that serve HTTP and talk to the
/// databases (NIO's singleton group, which Vapor and the database drivers use), unless
/// `JISHI_EVENT_LOOP_EXECUTOR=off`. Otherwise every request and every statement hops twice
/// between an event loop and the cooperative pool (a futex wake-up and a task switch each way),
/// which `perf` put among the largest items of a checkout. Computations of seconds therefore
/// must not run on the global executor, where they would stall the connections of a loop: the
/// engines run on threads of their own at a lower priority than the loops (`onThreadOfItsOwn`,
/// `Ensemble.run`) and the job worker on `BackgroundThreads`. Called once, first thing in `main`.
func runConcurrencyOnEventLoops(environment: [String: String] = ProcessInfo.processInfo.environment) {
    guard environment["JISHI_EVENT_LOOP_EXECUTOR"] != "off" else { return }
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}

/// Makes a configured app, runs `body`, and always shuts it down.
func withApplication<T: Sendable>(_ config: JishiConfig, _ body: (Application) async throws -> T) async throws -> T {
    bootstrapLogging(level: config.logLevel)
    let app = try await Application.make(.init(name: "production", arguments: ["jishi"]))
    do {
        try await configure(app, config)
        let result = try await body(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// Serves until interrupted (SIGINT/SIGTERM), through Vapor's own serve command; then stops
/// taking requests and finishes those in flight before the caller shuts the app down. Vapor's
/// own shutdown closes the databases (a lifecycle handler) before the server (kept in its
/// storage): under load, a request reaching `Request.db` in between trapped, and others
/// answered 500. Vapor's server shutdown waits for requests in flight only up to its timeout
/// (10 s), so this waits on for those still running, up to `drainLimit` in all: a chat
/// long-poll lasts up to 25 s.
func serve(_ app: Application, hostname: String, port: Int, drainLimit: Duration = .seconds(30)) async throws {
    app.environment.arguments = ["jishi", "serve", "--hostname", hostname, "--port", String(port)]
    try await app.execute()
    let stopping = ContinuousClock.now
    await app.server.shutdown()
    let left = drainLimit - (ContinuousClock.now - stopping)
    let inFlight = app.jishi.requestsInFlight
    if await !inFlight.drained(within: max(left, .zero)) {
        app.logger.warning("Stopping with \(inFlight.current) requests still running")
    }
}

/// Logging is bootstrapped once per process, at the level of the first configuration.
private let loggingLock = NSLock()
nonisolated(unsafe) private var loggingBootstrapped = false

func bootstrapLogging(level: Logger.Level) {
    loggingLock.lock()
    defer { loggingLock.unlock() }
    guard !loggingBootstrapped else { return }
    loggingBootstrapped = true
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
}

func migrate(_ app: Application, revert: Bool = false) async throws {
    if revert { try await app.autoRevert() } else { try await app.autoMigrate() }
}

/// Vapor's application, named for the files that import ArgumentParser (whose `Argument`
/// clashes with Vapor's).
typealias JishiApp = Application
