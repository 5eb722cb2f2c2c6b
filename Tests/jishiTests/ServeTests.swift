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
        // Another test may bind the freed port at once (CI saw it): whatever answers there must
        // not be this server, which alone knows this path.
        let mark = "serve-test-\(UUID().uuidString)"
        try await withServingApp(
            config,
            prepare: { app in app.get(PathComponent(stringLiteral: mark)) { _ in mark } },
            whileServing: { _, port in
                let answer = try await Loopback.exchangeOffThePool(port: port, Self.get(mark))
                #expect(answer.hasPrefix("HTTP/1.1 200") && answer.hasSuffix(mark))
            },
            afterStopping: { app, port in
                if Loopback.accepts(port) {
                    let answer = try? await Loopback.exchangeOffThePool(port: port, Self.get(mark), timeout: 2)
                    #expect(answer?.contains(mark) != true)
                }
                // The databases are still open for whatever the last requests needed.
                let one = try await (app.db as? any SQLDatabase)?.raw("SELECT 1 AS \(ident: "one")").first()
                #expect(try one?.decode(column: "one", as: Int.self) == 1)
            })
    }

    private static func get(_ path: String) -> [UInt8] {
        Array("GET /\(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    }
}
