import FluentKit
import SQLKit

/// On PostgreSQL, a partial GIN index of the terms of the rows a text query's facet counts are
/// estimated from (``SearchIndex/Sample``): a sixteenth of the search rows, so an estimate reads
/// a sixteenth of the matches' heap pages. On the kept million-product database the migration
/// took 1.1 s.
/// SQLite needs none: it tests FTS5's rowid before reading a row.
public struct AddSearchFacetSample: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        guard !SearchIndex.isSQLite(sql) else { return }
        try await sql.raw(
            """
            CREATE INDEX \(unsafeRaw: SearchIndex.Sample.indexName) ON \(ident: SearchIndex.table) USING gin (tsv) \
            WHERE \(unsafeRaw: SearchIndex.Sample.predicate("rank_key"))
            """
        ).run()
    }

    public func revert(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        guard !SearchIndex.isSQLite(sql) else { return }
        try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: SearchIndex.Sample.indexName)").run()
    }
}
