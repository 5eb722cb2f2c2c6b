import ArgumentParser
import FluentKit
import Foundation
import JishiServer
import Logistics
import Testing

@testable import jishi

/// `jishi carrier key CODE`: a key for a known carrier (only its hash kept), exit 2 otherwise.
@Suite("Command line: carriers' keys")
struct CarrierCommandTests {
    @Test func aKeyIsIssuedForAKnownCarrierAndAnUnknownOneExits2() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jishi-\(UUID().uuidString).sqlite")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await #require(
            try Jishi.parseAsRoot(["seed", "--demo", "--database-url", "sqlite:\(path)", "--log-level", "error"])
                as? SeedCommand
        ).run()
        func key(_ arguments: String...) throws -> CarrierKeyCommand {
            try #require(
                try Jishi.parseAsRoot(
                    ["carrier", "key"] + arguments + ["--database-url", "sqlite:\(path)", "--log-level", "error"])
                    as? CarrierKeyCommand)
        }
        try await key("zto").run()
        try await key("zto", "--revoke-others").run()
        await #expect(throws: ExitCode(2)) { try await key("dhl").run() }
        let config = JishiConfig(store: try JishiConfig.Store(databaseURL: "sqlite:\(path)"), logLevel: .error)
        let keys = try await withApplication(config) { app in try await CarrierKey.query(on: app.db).all() }
        #expect(keys.count == 2 && keys.filter { $0.revokedAt == nil }.count == 1)
        #expect(keys.allSatisfy { $0.keyHash.count == 64 })
    }
}
