import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import Persistence
import SQLKit

/// A fresh migrated database for one domain test, without an app: a private in-memory SQLite
/// database, or a schema of its own in the test PostgreSQL. Configured as `jishi serve`
/// configures its store (the same pool size, serialized writes on SQLite).
public struct TestDatabase: Sendable {
    public let store: TestStore
    fileprivate let databases: Databases
    fileprivate let logger: Logger
    /// Write transactions, serialized on SQLite as the app runs them.
    public let transactions: TransactionRunner
    /// PostgreSQL's prepared statements, where the store has them and the test wants them.
    public let prepared: (any PreparedStatementRunner)?

    /// The database, on any of the event loops (as an app hands out `app.db`).
    public var db: any Database {
        databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }
}

public enum TestStoreError: Error {
    case postgresNotConfigured
}

/// Runs `body` on a fresh database of `store` with `migrations` applied, and removes it
/// afterwards whatever happens.
public func withTestDatabase<T>(
    on store: TestStore = .sqlite, migrations: [any Migration], preparedStatements: Bool = true,
    _ body: (TestDatabase) async throws -> T
) async throws -> T {
    var logger = Logger(label: "jishi.test-database")
    logger.logLevel =
        ProcessInfo.processInfo.environment["JISHI_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
    let group = MultiThreadedEventLoopGroup.singleton
    let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
    let schema = TestStore.freshSchemaName()
    switch store {
    case .sqlite:
        // One connection per event loop; ten concurrent sign-ins waited more than the driver's
        // 10 s for it under the whole suite's load in a clean-clone run.
        databases.use(.sqlite(.memory, connectionPoolTimeout: .seconds(180)), as: .sqlite)
    case .postgres:
        guard let url = TestStore.postgresURL else { throw TestStoreError.postgresNotConfigured }
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = [schema]
        // The server's pool, but a longer wait for a connection: the whole suite shares two cores
        // with PostgreSQL, and a test of 32 concurrent checkouts on 8 connections waited more than
        // the server's 30 s for one (`connectionRequestTimeout`) in two clean-clone runs.
        databases.use(
            .postgres(
                configuration: configuration, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(180)),
            as: .psql)
    }
    let database = TestDatabase(
        store: store, databases: databases, logger: logger,
        transactions: TransactionRunner(serialized: store == .sqlite),
        prepared: store == .postgres && preparedStatements ? PostgresPreparedStatements() : nil)
    do {
        if store == .postgres { try await database.db.sql().raw("CREATE SCHEMA \(ident: schema)").run() }
        let registry = Migrations()
        registry.add(migrations)
        let migrator = Migrator(databases: databases, migrations: registry, logger: logger, on: group.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        TestCounter.record(store)
        let result = try await body(database)
        await tearDown(database, schema: schema)
        return result
    } catch {
        await tearDown(database, schema: schema)
        throw error
    }
}

private func tearDown(_ database: TestDatabase, schema: String) async {
    if database.store == .postgres {
        try? await database.db.sql().raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
    await database.shutdown()
}

extension TestDatabase {
    fileprivate func shutdown() async { await databases.shutdownAsync() }
}

extension TestStore {
    /// A schema name no other test uses.
    public static func freshSchemaName() -> String {
        "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    }
}
