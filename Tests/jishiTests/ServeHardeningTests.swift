import ArgumentParser
import Foundation
import JishiServer
import JishiServerTesting
import Testing
import Vapor

@testable import jishi

/// What the probe found at the edge of a running server: bodies measured by length alone, and a
/// server that started with a public secret.
@Suite("Serving safely", .serialized)
struct ServeHardeningTests {
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
        var config = JishiConfig(store: .sqliteMemory)
        config.jobs.enabled = false
        config.logLevel = .critical
        config.development = true
        try await withServingApp(
            config, migrate: true,
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
}
