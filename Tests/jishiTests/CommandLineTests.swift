import ArgumentParser
import Foundation
import JishiServer
import Testing

@testable import jishi

@Suite("Command line")
struct CommandLineTests {
    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("jishi-\(UUID().uuidString).sqlite").path
    }

    @Test func seedDemoLoadsOnceAndThenRefusesWithExitCode2() async throws {
        let path = Self.temporaryDatabase()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try #require(
            try Jishi.parseAsRoot(["seed", "--demo", "--database-url", "sqlite:\(path)", "--log-level", "error"])
                as? SeedCommand)
        try await first.run()
        let second = try #require(
            try Jishi.parseAsRoot(["seed", "--demo", "--database-url", "sqlite:\(path)", "--log-level", "error"])
                as? SeedCommand)
        await #expect(throws: ExitCode(2)) { try await second.run() }
    }

    @Test func seedNeedsToBeToldWhat() {
        #expect(throws: (any Error).self) { try Jishi.parseAsRoot(["seed"]) }
    }

    @Test func badDatabaseURLIsAValidationErrorNamingTheSource() throws {
        let command = try #require(
            try Jishi.parseAsRoot(["migrate", "--database-url", "mysql://x"]) as? MigrateCommand)
        #expect(throws: ValidationError.self) { try command.store.config() }
    }

    @Test func flagsBeatTheEnvironmentWhichBeatsDefaults() throws {
        #expect(try JishiConfig.load(environment: [:]).store == .sqlite(path: "jishi.sqlite"))
        let fromEnvironment = try JishiConfig.load(environment: [
            "DATABASE_URL": "postgres://u:secret@db:5432/jishi", "JISHI_PORT": "9000",
        ])
        #expect(fromEnvironment.store == .postgres(url: "postgres://u:secret@db:5432/jishi"))
        #expect(fromEnvironment.http.port == 9000)
        #expect(!fromEnvironment.store.redactedDescription.contains("secret"))
        #expect(throws: ConfigError.self) { try JishiConfig.load(environment: ["JISHI_PORT": "http"]) }
        #expect(throws: ConfigError.self) { try JishiConfig.load(environment: ["DATABASE_URL": "sqlite:"]) }
        #expect(try JishiConfig.load(environment: [:]).preparedStatements)
        #expect(try !JishiConfig.load(environment: ["JISHI_PREPARED_STATEMENTS": "off"]).preparedStatements)
        #expect(throws: ConfigError.self) {
            try JishiConfig.load(environment: ["JISHI_PREPARED_STATEMENTS": "sometimes"])
        }
        let command = try #require(
            try Jishi.parseAsRoot(["migrate", "--database-url", "sqlite::memory:"]) as? MigrateCommand)
        #expect(try command.store.config().store == .sqliteMemory)
    }
}
