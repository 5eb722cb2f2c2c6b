import FluentKit
import Foundation
import JishiServer
import JishiServerTesting
import NIOConcurrencyHelpers
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
                // A minute to answer, as below: under the whole suite on two cores this answer once
                // took longer than the default 10 s.
                let answer = try await Loopback.exchangeOffThePool(port: port, Self.get(mark), timeout: 60)
                #expect(answer.hasPrefix("HTTP/1.1 200") && answer.hasSuffix(mark), "\(answer.prefix(300))")
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

    /// Vapor's server shutdown stops waiting for requests in flight after its timeout (10 s) and
    /// returns; `serve` waits on for them, so the app's shutdown does not close the databases and
    /// empty the app's storage under them (CI saw a request starved past the timeout trap the
    /// process there).
    @Test func stoppingWaitsForARequestInFlightPastVaporsShutdownTimeout() async throws {
        var config = JishiConfig(store: .sqliteMemory)
        config.jobs.enabled = false
        config.logLevel = .critical
        let mark = "slow-\(UUID().uuidString)"
        let finished = NIOLockedValueBox(false)
        var answer: Task<String, any Error>?
        try await withServingApp(
            config,
            prepare: { app in
                // Time enough for the listening socket to close: when Vapor gives up while it is
                // still open, it asserts in debug builds (CI saw it at 100 ms on a busy machine).
                app.http.server.configuration.shutdownTimeout = .seconds(1)
                app.get(PathComponent(stringLiteral: mark)) { _ in
                    try await Task.sleep(for: .seconds(3))
                    finished.withLockedValue { $0 = true }
                    return mark
                }
            },
            whileServing: { app, port in
                // A minute to answer: with the whole suite on two cores, the 3-second handler's
                // answer once came after the default 10 s and read as nothing.
                answer = Task { try await Loopback.exchangeOffThePool(port: port, Self.get(mark), timeout: 60) }
                // Stopped once the request is in flight.
                for _ in 0..<500 where app.jishi.requestsInFlight.current == 0 {
                    try await Task.sleep(for: .milliseconds(10))
                }
                #expect(app.jishi.requestsInFlight.current == 1)
            },
            afterStopping: { app, _ in
                #expect(finished.withLockedValue { $0 }, "serve returned with a request in flight")
                #expect(app.jishi.requestsInFlight.current == 0)
                let answered = try await answer?.value ?? ""
                #expect(answered.hasPrefix("HTTP/1.1 200") && answered.hasSuffix(mark), "\(answered.prefix(300))")
            })
    }

    private static func get(_ path: String) -> [UInt8] {
        Array("GET /\(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    }
}
