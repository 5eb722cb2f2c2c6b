import ArgumentParser
import Foundation
import JishiServer
import JishiServerTesting
import Testing
import Vapor

@testable import jishi

/// What the probe found at the edge of a running server: a server that started with a public
/// secret.
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
}
