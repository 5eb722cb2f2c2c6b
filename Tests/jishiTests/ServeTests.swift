import FluentKit
import Foundation
import JishiServer
import JishiServerTesting
import SQLKit
import Testing
import Vapor

@testable import jishi

#if canImport(Glibc)
    import Glibc  // signal()
#endif

@Suite("Serving", .serialized)
struct ServeTests {
    /// SIGINT or SIGTERM stops `serve`, which must stop taking requests and finish those in
    /// flight before the app shuts down: Vapor closes the databases before its server, and a
    /// request that reached the database in between trapped the process.
    @Test func aStoppedServerStopsTakingRequestsBeforeTheDatabasesClose() async throws {
        var config = JishiConfig(store: .sqliteMemory)
        config.jobs.enabled = false
        config.logLevel = .critical
        let port = try Loopback.freePort()
        let app = try await Application.make(.testing)
        defer {
            // `serve` ignores these signals while it listens for them; give them back.
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        do {
            try await configure(app, config)
            let serving = Task { try await serve(app, hostname: "127.0.0.1", port: port) }
            // Up: accepting connections, and `running` set (the serve command sets it after
            // the server has started; stopping before that would stop nothing).
            var running: Application.Running?
            for _ in 0..<400 where running == nil {
                running = Loopback.accepts(port) ? app.running : nil
                if running == nil { try await Task.sleep(for: .milliseconds(50)) }
            }
            try #require(running != nil)
            running?.stop()  // what the signal handler does
            try await serving.value
            #expect(!Loopback.accepts(port))
            // The databases are still open for whatever the last requests needed.
            let one = try await (app.db as? any SQLDatabase)?.raw("SELECT 1 AS \(ident: "one")").first()
            #expect(try one?.decode(column: "one", as: Int.self) == 1)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
