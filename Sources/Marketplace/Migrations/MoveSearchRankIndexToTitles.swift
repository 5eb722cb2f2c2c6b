import FluentKit
import SQLKit

/// On PostgreSQL with the `rum` extension, moves the RUM index from every term of a search row
/// (`tsv`) to its title's terms: a generated column `title_tsv` (the weight-`A` lexemes of `tsv`,
/// stripped of positions and weights) with `rank_key` attached to its postings, in place of
/// ``AddSearchRankIndexRUM``'s index.
///
/// Relevance's tiers 2 and 1 are about the title, and RUM gathers and sorts every posting of a
/// query's terms before it gives a row; on the whole vector `汉服` has 111,118 postings of which
/// 11,144 are in titles, and the title tier's scan took 30–35 ms at a million products where the
/// title index takes 3. A row has some 10 title lexemes against 24 in all: the index was 191 MB
/// against 343, and a million products imported in 685 s against 848 (`bench/search`). Tier 0
/// (the text only outside the title) is read from the GIN index, as without RUM.
public struct MoveSearchRankIndexToTitles: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        guard !SearchIndex.isSQLite(sql), let schema = try await SearchIndex.rumSchema(on: sql) else { return }
        try await sql.raw(
            """
            ALTER TABLE \(ident: SearchIndex.table) ADD COLUMN \(ident: SearchIndex.titleVector) tsvector \
            GENERATED ALWAYS AS (strip(ts_filter(tsv, CAST('{a}' AS "char"[])))) STORED
            """
        ).run()
        try await sql.raw(SearchIndex.createRankedIndex(schema: schema, concurrently: false)).run()
        try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: AddSearchRankIndexRUM.indexName)").run()
    }

    public func revert(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        guard !SearchIndex.isSQLite(sql) else { return }
        try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: SearchIndex.rankedIndexName)").run()
        try await sql.raw(
            "ALTER TABLE \(ident: SearchIndex.table) DROP COLUMN IF EXISTS \(ident: SearchIndex.titleVector)"
        ).run()
        try await AddSearchRankIndexRUM().prepare(on: database)
    }
}
