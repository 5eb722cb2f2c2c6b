import ArgumentParser
import FluentKit
import Foundation
import JishiServer
import Logistics
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

    /// `jishi import parcels`: a good manifest once, then nothing the second time; a bad one
    /// exits 2 having written nothing.
    @Test func importParcelsTakesAManifestOnceAndRefusesABadOneWithExitCode2() async throws {
        let path = Self.temporaryDatabase()
        let good = FileManager.default.temporaryDirectory.appendingPathComponent("parcels-\(UUID()).csv")
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("parcels-\(UUID()).csv")
        defer { for file in [path, good.path, bad.path] { try? FileManager.default.removeItem(atPath: file) } }
        try await #require(
            try Jishi.parseAsRoot(["seed", "--demo", "--database-url", "sqlite:\(path)", "--log-level", "error"])
                as? SeedCommand
        ).run()
        try Data(
            """
            due_date,carrier,tracking_number,direction,village_code,weight_grams,note
            2026-12-03,zto,ZT7300000001,inbound,371799101201,1200,fragile
            2026-12-03,ems,1100000000003,outbound,371799200201,5000,
            """.utf8
        ).write(to: good)
        try Data(
            """
            carrier,tracking_number,direction,village_code,weight_grams,due_date
            zto,ZT7300000009,inbound,371799101201,-1,2026-12-03
            """.utf8
        ).write(to: bad)
        func importing(_ file: URL) throws -> ImportParcels {
            try #require(
                try Jishi.parseAsRoot([
                    "import", "parcels", file.path, "--database-url", "sqlite:\(path)", "--log-level", "error",
                ])
                    as? ImportParcels)
        }
        try await importing(good).run()
        try await importing(good).run()
        await #expect(throws: ExitCode(2)) { try await importing(bad).run() }
        let config = JishiConfig(store: try JishiConfig.Store(databaseURL: "sqlite:\(path)"), logLevel: .error)
        let count = try await withApplication(config) { app in
            try await Parcel.query(on: app.db).filter(
                \.$trackingNumber ~~ ["ZT7300000001", "1100000000003", "ZT7300000009"]
            )
            .count()
        }
        #expect(count == 2, "the demo's own day of parcels aside, the good file's two and not the bad one's")
    }

    /// `jishi import roads`: a good file replaces the demo's roads; a bad one exits 2 having
    /// written nothing.
    @Test func importRoadsReplacesTheNetworkAndRefusesABadFileWithExitCode2() async throws {
        let path = Self.temporaryDatabase()
        let good = FileManager.default.temporaryDirectory.appendingPathComponent("roads-\(UUID()).geojson")
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("roads-\(UUID()).geojson")
        defer { for file in [path, good.path, bad.path] { try? FileManager.default.removeItem(atPath: file) } }
        try await #require(
            try Jishi.parseAsRoot(["seed", "--demo", "--database-url", "sqlite:\(path)", "--log-level", "error"])
                as? SeedCommand
        ).run()
        try Data(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"speed_class":"county"},"#
                .appending(#""geometry":{"type":"LineString","coordinates":[[115.5,34.8],[115.51,34.8]]}}]}"#).utf8
        ).write(to: good)
        try Data(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"speed_class":"ferry"},"#
                .appending(#""geometry":{"type":"LineString","coordinates":[[115.5,34.8],[115.51,34.8]]}}]}"#).utf8
        ).write(to: bad)
        func importing(_ file: URL) throws -> ImportRoads {
            try #require(
                try Jishi.parseAsRoot([
                    "import", "roads", file.path, "--database-url", "sqlite:\(path)", "--log-level", "error",
                ])
                    as? ImportRoads)
        }
        let config = JishiConfig(store: try JishiConfig.Store(databaseURL: "sqlite:\(path)"), logLevel: .error)
        let demo = try await withApplication(config) { app in try await RoadSegment.query(on: app.db).count() }
        #expect(demo > 10, "the demo seeds its roads")
        try await importing(good).run()
        await #expect(throws: ExitCode(2)) { try await importing(bad).run() }
        let count = try await withApplication(config) { app in try await RoadSegment.query(on: app.db).count() }
        #expect(count == 1)
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
