import ArgumentParser
import Foundation
import JishiKit
import JishiServerTesting
import Testing
import Vapor

@testable import JishiServer
@testable import jishi

/// What the probe found at the edge of a running server: bodies measured by length alone, and a
/// server that started with a public secret.
@Suite("Serving safely", .serialized)
struct ServeHardeningTests {
    /// An in-memory store, no job worker, no logs, a development instance: a server to send
    /// requests at.
    static func quietConfig() -> JishiConfig {
        var config = JishiConfig(store: .sqliteMemory)
        config.jobs.enabled = false
        config.logLevel = .critical
        config.development = true
        return config
    }

    @Test func serveRefusesThePublicWebhookSecretUnlessItIsADevelopmentInstance() throws {
        var config = try JishiConfig.load(environment: [:])
        #expect(config.defaultSecrets == ["JISHI_SANDBOX_WEBHOOK_SECRET"])
        #expect(throws: ConfigError.self) { try config.checkSecrets() }
        config.development = true
        try config.checkSecrets()
        let production = try JishiConfig.load(environment: ["JISHI_SANDBOX_WEBHOOK_SECRET": "a-secret-nobody-knows"])
        #expect(production.defaultSecrets.isEmpty)
        try production.checkSecrets()
        #expect(try JishiConfig.load(environment: ["JISHI_DEVELOPMENT": "1"]).development)
        #expect(throws: ConfigError.self) { try JishiConfig.load(environment: ["JISHI_METRICS_TOKEN": "short"]) }
        // The command says why before it opens anything.
        if ProcessInfo.processInfo.environment["JISHI_SANDBOX_WEBHOOK_SECRET"] == nil,
            ProcessInfo.processInfo.environment["JISHI_DEVELOPMENT"] == nil
        {
            let serve = try #require(
                try Jishi.parseAsRoot(["serve", "--database-url", "sqlite::memory:", "--port", "1"])
                    as? jishi.ServeCommand)
            let error = #expect(throws: ValidationError.self) { try serve.checkedConfig() }
            #expect(error?.message.contains("JISHI_SANDBOX_WEBHOOK_SECRET") == true)
        }
    }

    /// A 900 KB chunked form body, which has no `Content-Length` to refuse it by, is refused once
    /// the bytes read pass the form limit, on a real server (in-memory tests hand the body over
    /// whole).
    @Test func aChunkedFormBodyIsMeasuredByTheBytesRead() async throws {
        try await withServingApp(
            Self.quietConfig(), migrate: true,
            whileServing: { _, port in
                func post(_ path: String, chunks: Int, of size: Int) async throws -> String {
                    var request = Array(
                        ("POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n")
                            .utf8)
                    let chunk =
                        Array((String(size, radix: 16) + "\r\n").utf8)
                        + Array(repeating: UInt8(ascii: "a"), count: size)
                        + Array("\r\n".utf8)
                    for _ in 0..<chunks { request += chunk }
                    request += Array("0\r\n\r\n".utf8)
                    // A minute to answer: with the whole suite running on two cores, 10 s was too
                    // little once (the answer read as nothing).
                    return try await Loopback.exchangeOffThePool(port: port, request, timeout: 60)
                }
                let large = try await post("/login", chunks: 225, of: 4096)
                #expect(large.hasPrefix("HTTP/1.1 413"), "\(large.prefix(200))")
                // A small chunked form is read as usual (refused here only for its missing token).
                let small = try await post("/login", chunks: 1, of: 64)
                #expect(small.hasPrefix("HTTP/1.1 403"), "\(small.prefix(200))")
            })
    }

    /// Bodies held whole while they arrive, past the API's limit (the import page's catalogue with
    /// its photos), take memory from one budget, one body at a time per address: one that does not
    /// fit, or comes from an address already sending one, is answered 503 with Retry-After before
    /// a byte of it is read, and the budget comes back when a request ends, however it ends.
    @Test func largeUploadsArrivingAtOnceShareOneMemoryBudget() async throws {
        #expect(try JishiConfig.load(environment: [:]).http.uploadMemoryBytes == 256 << 20)
        #expect(
            try JishiConfig.load(environment: ["JISHI_UPLOAD_MEMORY_MB": "512"]).http.uploadMemoryBytes == 512 << 20)
        // Less than one catalogue import with its photos could never be sent.
        #expect(throws: ConfigError.self) { try JishiConfig.load(environment: ["JISHI_UPLOAD_MEMORY_MB": "64"]) }
        var config = Self.quietConfig()
        config.http.uploadMemoryBytes = 100_000
        // Senders told apart by the address the proxy in front says it saw.
        config.http.trustProxy = true
        try await withServingApp(
            config, migrate: true,
            whileServing: { app, port in
                let path = "/shops/\(UUID().uuidString.lowercased())/catalogue/import"
                func head(
                    _ sender: Int, length: Int?, path: String = path, type: String = "application/x-www-form-urlencoded"
                )
                    -> [UInt8]
                {
                    Array(
                        ("POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
                            + "Accept: text/html\r\nX-Forwarded-For: 10.0.0.\(sender)\r\nContent-Type: \(type)\r\n"
                            + (length.map { "Content-Length: \($0)\r\n" } ?? "Transfer-Encoding: chunked\r\n")
                            + "\r\n").utf8)
                }
                func send(_ sender: Int, _ length: Int) async throws -> String {
                    try await Loopback.exchangeOffThePool(
                        port: port, head(sender, length: length) + Array(repeating: UInt8(ascii: "a"), count: length),
                        timeout: 60)
                }
                let oneChunk = Array("10\r\naaaaaaaaaaaaaaaa\r\n0\r\n\r\n".utf8)
                func budgetTaken(_ bytes: Int) async throws -> Bool {
                    for _ in 0..<600 {
                        if app.jishi.bodyMemory.taken == bytes { return true }
                        try await Task.sleep(for: .milliseconds(50))
                    }
                    return false
                }

                // A body of 80,000 bytes from sender 1, still arriving, holds 80,000 of the 100,000.
                let arriving = try Loopback.start(
                    port: port, head(1, length: 80_000) + Array(repeating: 97, count: 1_000))
                #expect(try await budgetTaken(80_000))
                // 40,000 more do not fit.
                let refused = try await send(2, 40_000)
                #expect(refused.hasPrefix("HTTP/1.1 503"), "\(refused.prefix(300))")
                #expect(refused.lowercased().contains("retry-after: 5"), "\(refused.prefix(300))")
                // 10,000 would, but not from sender 1, which is sending one already.
                let busy = try await send(1, 10_000)
                #expect(busy.hasPrefix("HTTP/1.1 503"), "\(busy.prefix(300))")
                let other = try await send(3, 10_000)
                #expect(other.hasPrefix("HTTP/1.1 401"), "\(other.prefix(300))")
                // A chunked body says no length: it would take the route's limit, more than the
                // budget; so would one to an API operation whose contract allows more than the API's
                // limit (the catalogue import's form, with its ZIP of photos).
                let chunked = try await Loopback.exchangeOffThePool(
                    port: port, head(4, length: nil) + oneChunk, timeout: 60)
                #expect(chunked.hasPrefix("HTTP/1.1 503"), "\(chunked.prefix(300))")
                let api = try await Loopback.exchangeOffThePool(
                    port: port,
                    head(
                        5, length: nil, path: "/api/v1/shops/\(UUID().uuidString.lowercased())/catalogue/import",
                        type: "multipart/form-data; boundary=b") + oneChunk, timeout: 60)
                #expect(api.hasPrefix("HTTP/1.1 503"), "\(api.prefix(300))")

                // Sender 1 gives up: its share comes back, and the body refused is read as usual
                // (refused only because nobody is signed in).
                close(arriving)
                #expect(try await budgetTaken(0))
                let read = try await send(2, 40_000)
                #expect(read.hasPrefix("HTTP/1.1 401"), "\(read.prefix(300))")
                #expect(try await budgetTaken(0))
            })
    }

    /// A body taken at its limit (sent in chunks) keeps only its length once read whole; its
    /// address stays busy until its answer, and everything comes back then, however it ends.
    @Test func aBodyReadWholeKeepsOnlyItsLength() async throws {
        let memory = BodyMemory(capacity: 1_000)
        try await memory.holding(900, from: "10.0.0.1") { lease in
            #expect(memory.taken == 900)
            lease?.keep(120)
            #expect(memory.taken == 120)
            lease?.keep(500)  // never takes more than it has
            #expect(memory.taken == 120)
            try await memory.holding(880, from: "10.0.0.2") { _ in #expect(memory.taken == 1_000) }
            await #expect(throws: Problem.self) { try await memory.holding(10, from: "10.0.0.1") { _ in } }
        }
        #expect(memory.taken == 0)
        await #expect(throws: CancellationError.self) {
            try await memory.holding(900, from: "10.0.0.1") { lease in
                lease?.keep(0)
                throw CancellationError()
            }
        }
        #expect(memory.taken == 0)
        try await memory.holding(1_000, from: "10.0.0.1") { _ in #expect(memory.taken == 1_000) }
    }

    /// The chat socket is pinged, and a client that never answers (a phone gone from the
    /// network) is closed by the server instead of holding its socket and subscription.
    @Test func aChatSocketThatNeverAnswersAPingIsClosed() async throws {
        var config = Self.quietConfig()
        config.auth.bcryptCost = 4
        config.http.socketPingInterval = 1
        try await withServingApp(
            config, migrate: true,
            whileServing: { app, port in
                let token = try await app.registerAndLogIn("pinged")
                let handshake =
                    "GET /api/v1/chat/socket?access_token=\(token) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n"
                let started = Date()
                // Reads until the server closes, or until it has been silent for 60 s (which
                // it would be for ever without pings: nobody writes in this conversation).
                let answer = try await Loopback.exchangeOffThePool(port: port, Array(handshake.utf8), timeout: 60)
                let waited = Date().timeIntervalSince(started)
                #expect(answer.hasPrefix("HTTP/1.1 101"), "\(answer.prefix(300))")
                let frames = answer.components(separatedBy: "\r\n\r\n").dropFirst().joined()
                #expect(!frames.isEmpty, "the server sent pings")
                #expect(waited < 45, "closed after \(waited) s")
            })
    }
}
