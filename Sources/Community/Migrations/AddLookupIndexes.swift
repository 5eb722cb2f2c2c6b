import FluentKit
import Persistence
import SQLKit

/// Indexes for the lookups every request makes: an account's role grants (read on every
/// authenticated call) and the job worker's search for due jobs. PostgreSQL does not index
/// foreign keys by itself; without these, each of those reads scans its whole table.
public struct AddLookupIndexes: AsyncMigration {
    public init() {}

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("role_grants_account_id_idx", RoleGrantRecord.schema, ["account_id"]),
        ("access_tokens_account_id_idx", AccessToken.schema, ["account_id"]),
        ("jobs_status_run_at_idx", Job.schema, ["status", "run_at"]),
    ]

    public func prepare(on database: any Database) async throws {
        try await Self.create(Self.indexes, on: database)
    }

    public func revert(on database: any Database) async throws {
        try await Self.drop(Self.indexes, on: database)
    }

    /// Creates each index; shared with other modules' index migrations.
    public static func create(_ indexes: [(name: String, table: String, columns: [String])], on database: any Database)
        async throws
    {
        let sql = try database.sql()
        for index in indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    public static func drop(_ indexes: [(name: String, table: String, columns: [String])], on database: any Database)
        async throws
    {
        let sql = try database.sql()
        for index in indexes { try await sql.drop(index: index.name).run() }
    }
}
