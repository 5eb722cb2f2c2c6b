import DomainTesting
import FluentKit
import FluentSQLiteDriver
import Foundation
import Logging
import NIOPosix
import Persistence
import SQLKit
import Testing

/// A table of one counter, for the runner's transactions to read and write.
struct CreateTally: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tally").field("id", .int, .identifier(auto: false)).field("n", .int, .required)
            .create()
        try await database.schema("noise").field("id", .int, .identifier(auto: false)).field("n", .int, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw(#"INSERT INTO "tally" ("id", "n") VALUES (1, 0)"#).run()
        try await sql.raw(#"INSERT INTO "noise" ("id", "n") VALUES (1, 0)"#).run()
    }

    func revert(on database: any Database) async throws {}
}

@Suite("Transaction runner")
struct TransactionRunnerTests {
    /// An SQLite file served by two connections (one per event loop, as the app runs it): the
    /// runner's read-then-write transactions on one never fail with "database is locked" while
    /// the other writes outside any transaction (as the job worker claims jobs).
    @Test func sqliteTransactionsWaitForAnotherConnectionsWrites() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
        databases.use(.sqlite(.file(directory.appendingPathComponent("runner.sqlite").path)), as: .sqlite)
        let logger = { () -> Logger in
            var logger = Logger(label: "jishi.test-runner")
            logger.logLevel = .critical
            return logger
        }()
        let loops = Array(group.makeIterator())
        let writer = databases.database(logger: logger, on: loops[0])!
        let other = databases.database(logger: logger, on: loops[1])!
        let migrations = Migrations()
        migrations.add(CreateTally())
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: loops[0])
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()

        // The pools are shut down whatever happens, before the test ends.
        let outcome: Result<Void, any Error>
        do {
            let runner = TransactionRunner(serialized: true)
            let rounds = 150
            async let noise: Void = {
                let sql = other as! any SQLDatabase
                for _ in 0..<(rounds * 4) {
                    try await sql.raw(#"UPDATE "noise" SET "n" = "n" + 1 WHERE "id" = 1"#).run()
                }
            }()
            for _ in 0..<rounds {
                try await runner.transaction(on: writer) { db in
                    let sql = db as! any SQLDatabase
                    let row = try await sql.raw(#"SELECT "n" FROM "tally" WHERE "id" = 1"#).first()
                    let n = try row!.decode(column: "n", as: Int.self)
                    try await sql.raw(#"UPDATE "tally" SET "n" = \#(bind: n + 1) WHERE "id" = 1"#).run()
                }
            }
            try await noise
            let tally = try await (writer as! any SQLDatabase).raw(#"SELECT "n" FROM "tally""#).first()
            #expect(try tally?.decode(column: "n", as: Int.self) == rounds)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        await databases.shutdownAsync()
        try await group.shutdownGracefully()
        try outcome.get()
    }
}
