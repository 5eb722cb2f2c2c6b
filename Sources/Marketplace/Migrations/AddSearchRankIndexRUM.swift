import FluentKit
import SQLKit

/// On PostgreSQL with the `rum` extension installed in the database (Debian's
/// `postgresql-15-rum`; `CREATE EXTENSION rum` needs a superuser), puts a RUM index on the search
/// rows' terms with each row's `rank_key` attached to its postings. Relevance then asks that
/// index for a tier's matches in falling rank key and reads only the page's rows
/// (``SearchIndex/rankedIndex(on:)``), where without it PostgreSQL walks the rank key's B-tree
/// testing each row, or fetches every match from GIN and sorts them. Without the extension this
/// does nothing and search keeps those ways; SQLite's FTS5 already answers in rank-key order.
/// ``MoveSearchRankIndexToTitles`` replaced this index with one on the titles' terms.
public struct AddSearchRankIndexRUM: AsyncMigration {
    /// This index's name (``SearchIndex/rankedIndexName`` is its successor's).
    static let indexName = "search_documents_rank_rum_idx"

    public init() {}

    public func prepare(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        guard !SearchIndex.isSQLite(sql), let schema = try await SearchIndex.rumSchema(on: sql) else { return }
        try await sql.raw(
            """
            CREATE INDEX \(unsafeRaw: Self.indexName) ON \(ident: SearchIndex.table) \
            USING rum (tsv \(ident: schema).rum_tsvector_addon_ops, rank_key) \
            WITH (attach = 'rank_key', to = 'tsv')
            """
        ).run()
    }

    public func revert(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        guard !SearchIndex.isSQLite(sql) else { return }
        try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: Self.indexName)").run()
    }
}
