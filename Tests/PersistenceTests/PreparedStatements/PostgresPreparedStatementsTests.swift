import DomainTesting
import FluentKit
import Foundation
import Persistence
import SQLKit
import Testing

/// A statement over a table that a later step creates, as when requests arrive before a
/// migration has run.
private enum LaterTableStatement: PreparedStatement {
    static let sql = #"SELECT "n" FROM "prepared_later" WHERE "n" >= $1::bigint ORDER BY "n""#
}

@Suite("Prepared statements on PostgreSQL")
struct PostgresPreparedStatementsTests {
    static var postgres: [TestStore] { TestStore.available.filter { $0 == .postgres } }

    @Test(arguments: postgres)
    func aStatementThatFailedToPrepareWorksOnceTheSchemaIsThere(store: TestStore) async throws {
        try await withTestDatabase(on: store, migrations: []) { database in
            let runner = try #require(database.prepared)
            await #expect(throws: (any Error).self) {
                _ = try await runner.rows(LaterTableStatement.self, [.integer(0)], on: database.db)
            }
            let sql = try database.db.sql()
            try await sql.raw(#"CREATE TABLE "prepared_later" ("n" bigint)"#).run()
            try await sql.raw(#"INSERT INTO "prepared_later" VALUES (1), (2), (3)"#).run()
            // Every pooled connection, the one that failed too, now prepares and runs it.
            for _ in 0..<12 {
                let rows = try await runner.rows(LaterTableStatement.self, [.integer(2)], on: database.db)
                #expect(try rows.map { try $0.decode(column: "n", as: Int64.self) } == [2, 3])
            }
        }
    }
}
