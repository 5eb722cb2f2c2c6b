import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The one helper that owns an app's lifecycle in tests: it configures the app exactly as
/// `jishi serve` does, on a fresh migrated database of `store` (a private in-memory SQLite
/// database, or a schema of its own in the test PostgreSQL), runs `body`, and tears it all
/// down whatever happens.
public func withTestApp<T>(
    on store: TestStore = .sqlite,
    seedDemo: Bool = false,
    adjust: (inout JishiConfig) -> Void = { _ in },
    dependencies: Dependencies = .live,
    _ body: (Application) async throws -> T
) async throws -> T {
    var config = JishiConfig(store: .sqliteMemory)
    config.auth.bcryptCost = 4
    config.jobs.enabled = false  // tests run the queue by hand
    config.logLevel =
        ProcessInfo.processInfo.environment["JISHI_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
    let schema = TestStore.freshSchemaName()
    let photoDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("jishi-photos-\(schema)")
    config.media.photoDirectory = photoDirectory.path
    defer { try? FileManager.default.removeItem(at: photoDirectory) }
    if store == .postgres {
        guard let url = TestStore.postgresURL else { throw TestStoreError.postgresNotConfigured }
        config.store = .postgres(url: url, searchPath: [String(schema)])
    }
    adjust(&config)

    let app = try await Application.make(.testing)
    do {
        try await configure(app, config, dependencies: dependencies)
        if store == .postgres {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: String(schema))").run()
        }
        try await app.autoMigrate()
        if seedDemo { try await DemoCounty.load(on: app.db, accounts: app.jishi.accounts) }
        TestCounter.record(store)
        let result = try await body(app)
        try await tearDown(app, store: store, schema: String(schema))
        return result
    } catch {
        try? await tearDown(app, store: store, schema: String(schema))
        throw error
    }
}

private func tearDown(_ app: Application, store: TestStore, schema: String) async throws {
    if store == .postgres, let sql = app.db as? any SQLDatabase {
        try? await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
    try await app.asyncShutdown()
}
