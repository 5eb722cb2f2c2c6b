import FluentKit
import Foundation
import JishiServer
import SQLKit
import Testing
import Vapor

@testable import jishi

#if canImport(Glibc)
    import Glibc
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
        let port = try Self.freePort()
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
                running = Self.accepts(port) ? app.running : nil
                if running == nil { try await Task.sleep(for: .milliseconds(50)) }
            }
            try #require(running != nil)
            running?.stop()  // what the signal handler does
            try await serving.value
            #expect(!Self.accepts(port))
            // The databases are still open for whatever the last requests needed.
            let one = try await (app.db as? any SQLDatabase)?.raw("SELECT 1 AS \(ident: "one")").first()
            #expect(try one?.decode(column: "one", as: Int.self) == 1)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(bound == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on the loopback `port`.
    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        } == 0
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
