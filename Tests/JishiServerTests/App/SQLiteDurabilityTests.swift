import Foundation
import JishiServer
import SQLKit
import Testing
import Vapor

@Suite("SQLite file: write-ahead log, every commit synced")
struct SQLiteDurabilityTests {
    /// The settings README promises for the money path, as SQLite reports them on a file store,
    /// and still after the file is opened again.
    @Test func aFileStoreRunsInWALModeWithFullSync() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jishi-durability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("jishi.sqlite").path
        for _ in 0..<2 {
            let app = try await Application.make(.testing)
            do {
                var config = JishiConfig(store: .sqlite(path: path))
                config.media.photoDirectory = directory.appendingPathComponent("photos").path
                try await configure(app, config)
                let sql = try #require(app.db as? any SQLDatabase)
                let journal = try await sql.raw("PRAGMA journal_mode").first()?.decode(
                    column: "journal_mode", as: String.self)
                let synchronous = try await sql.raw("PRAGMA synchronous").first()?.decode(
                    column: "synchronous", as: Int.self)
                #expect(journal == "wal")
                #expect(synchronous == 2)  // FULL
                try await app.asyncShutdown()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
        }
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
