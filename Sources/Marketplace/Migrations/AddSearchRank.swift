import FluentKit
import SQLKit

/// Gives every search row its `rank_key` (``SearchIndex``: popularity step, then how recently the
/// row was written) under a unique index, and indexes category and town together for the
/// facets. Relevance then walks the matches in that order instead of sorting all of them. The
/// re-index that gives SQLite's FTS5 rows the rank key as their rowid runs in
/// ``AddSearchInStock``: it was here, but the rebuild now writes `in_stock`, which that
/// migration adds.
public struct AddSearchRank: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        try await sql.raw("ALTER TABLE \(ident: SearchIndex.table) ADD COLUMN rank_key BIGINT").run()
        try await sql.raw(
            "CREATE UNIQUE INDEX search_documents_rank_key_idx ON \(ident: SearchIndex.table) (rank_key)"
        ).run()
        // The filter bar's counts of every product by category and town, read from the index alone.
        try await sql.raw(
            "CREATE INDEX search_documents_facets_idx ON \(ident: SearchIndex.table) (category_id, town_id)"
        ).run()
    }

    public func revert(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        try await sql.raw("DROP INDEX search_documents_facets_idx").run()
        try await sql.raw("DROP INDEX search_documents_rank_key_idx").run()
        try await sql.raw("ALTER TABLE \(ident: SearchIndex.table) DROP COLUMN rank_key").run()
        // The FTS5 rows keep rank keys as rowids: the earlier code needs its rebuild.
        if SearchIndex.isSQLite(sql) {
            try await sql.raw("DELETE FROM \(ident: SearchIndex.fullText)").run()
            try await sql.raw("DELETE FROM \(ident: SearchIndex.table)").run()
        }
    }
}
