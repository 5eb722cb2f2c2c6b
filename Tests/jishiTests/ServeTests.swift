import FluentKit
import Foundation
import JishiServer
import JishiServerTesting
import SQLKit
import Testing
import Vapor

@testable import jishi

@Suite("Serving", .serialized)
struct ServeTests {
    /// SIGINT or SIGTERM stops `serve`, which must stop taking requests and finish those in
    /// flight before the app shuts down: Vapor closes the databases before its server, and a
    /// request that reached the database in between trapped the process.
    @Test func aStoppedServerStopsTakingRequestsBeforeTheDatabasesClose() async throws {
        var config = JishiConfig(store: .sqliteMemory)
        config.jobs.enabled = false
        config.logLevel = .critical
        try await withServingApp(
            config,
            afterStopping: { app, port in
                #expect(!Loopback.accepts(port))
                // The databases are still open for whatever the last requests needed.
                let one = try await (app.db as? any SQLDatabase)?.raw("SELECT 1 AS \(ident: "one")").first()
                #expect(try one?.decode(column: "one", as: Int.self) == 1)
            })
    }
}
