import Community
import DomainTesting
import FluentKit
import JishiServer
import JishiServerTesting
import SQLKit
import Testing

/// `jishi migrate --revert` ("revert them all") undoes every migration of every module, in
/// reverse order, on a database with the demo county in it; and the schema then migrates again.
@Suite("Migrations revert")
struct MigrationRevertTests {
    @Test(arguments: TestStore.available)
    func everyMigrationRevertsAndMigratesAgain(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            #expect(try await tables(sql, store).count > 50)
            try await app.autoRevert()
            #expect(try await tables(sql, store) == ["_fluent_migrations"])
            try await app.autoMigrate()
            try await DemoCounty.load(on: app.db, accounts: app.jishi.accounts)
            #expect(try await tables(sql, store).count > 50)
        }
    }

    private func tables(_ sql: any SQLDatabase, _ store: TestStore) async throws -> [String] {
        let query: SQLQueryString =
            store == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }
}
