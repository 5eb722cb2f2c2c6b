import FluentKit
import Foundation
import SQLKit

/// The RUM index on the titles' terms (PostgreSQL with the `rum` extension): made by
/// ``MoveSearchRankIndexToTitles``, set aside during a bulk write and made again after it.
///
/// RUM has no pending list as GIN has: each of a new row's title lexemes is an insert into a
/// posting tree, logged page by page. At a million products, 20,000 new search rows took
/// 5.3–10.4 s with the index and 1.4–1.9 s without it, while building the whole index anew
/// (`CREATE INDEX CONCURRENTLY`) took 9.3 s. So an import of many products drops the index
/// first and builds it again after its transaction, both `CONCURRENTLY`: buyers' searches never
/// wait on a lock, and while the index is away relevance reads the GIN index and sorts, as
/// without RUM (``rankedIndex(on:)`` asks for a valid index).
extension SearchIndex {
    /// Products a write must add or change for the RUM index to be set aside during it. At a
    /// million rows the rebuild (9.3 s) cost what the index added to 20,000–55,000 rows' inserts
    /// (0.2–0.45 ms a row), but meanwhile searches read the GIN index beside a busy import:
    /// 75,000 products imported into a million took 61 s aside and 63 s kept, and searches' p50
    /// while the rows were written went from 15–34 ms (kept) to 144–289 (aside;
    /// bench/search/README.md, "Searches beside writes"). Three imports of 333,333 took 425 s
    /// aside against 585 s kept. So only an import of hundreds of thousands, a county office's
    /// bulk load, sets it aside; a seller's upload never does.
    public static let rankedIndexAsideFrom = 200_000

    /// `CREATE INDEX` of the RUM index, for the migration and for a rebuild.
    static func createRankedIndex(schema: String, concurrently: Bool) -> SQLQueryString {
        """
        CREATE INDEX \(unsafeRaw: concurrently ? "CONCURRENTLY IF NOT EXISTS" : "") \
        \(unsafeRaw: rankedIndexName) ON \(ident: table) \
        USING rum (\(ident: titleVector) \(ident: schema).rum_tsvector_addon_ops, rank_key) \
        WITH (attach = 'rank_key', to = '\(unsafeRaw: titleVector)')
        """
    }

    /// The RUM index's state here: nil when relevance has none to read (SQLite, no `rum`
    /// extension, or ``MoveSearchRankIndexToTitles`` not run).
    struct RankedIndexState {
        var schema: String
        /// The index is there (perhaps still being built, or left invalid by a failed build).
        var present: Bool
        var valid: Bool
        /// A `CREATE INDEX` of it is running.
        var building: Bool
    }

    static func rankedIndexState(on sql: any SQLDatabase) async throws -> RankedIndexState? {
        guard !isSQLite(sql) else { return nil }
        let row = try await sql.raw(
            """
            SELECT (\(unsafeRaw: rumSchemaSQL)) AS schema, \
            EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(CAST(\(bind: table) AS text)) \
            AND attname = \(bind: titleVector) AND NOT attisdropped) AS migrated, \
            i.indexrelid IS NOT NULL AS present, COALESCE(i.indisvalid, false) AS valid, \
            EXISTS (SELECT 1 FROM pg_stat_progress_create_index p WHERE p.index_relid = i.indexrelid) AS building \
            FROM (SELECT 1) one LEFT JOIN pg_index i \
            ON i.indexrelid = to_regclass(CAST(\(bind: rankedIndexName) AS text))
            """
        ).first()
        guard let row, try row.decode(column: "migrated", as: Bool.self),
            let schema = try row.decode(column: "schema", as: String?.self)
        else { return nil }
        return RankedIndexState(
            schema: schema, present: try row.decode(column: "present", as: Bool.self),
            valid: try row.decode(column: "valid", as: Bool.self),
            building: try row.decode(column: "building", as: Bool.self))
    }

    /// Runs `write` (which adds or changes `rows` products in a transaction of its own) with the
    /// RUM index set aside when `rows` reaches `threshold`, and makes it again afterwards,
    /// whether `write` succeeded or not. `database` must not be in a transaction (`CONCURRENTLY`
    /// cannot run in one); when it is, or below the threshold, `write` just runs.
    ///
    /// `write` should hold ``holdBulkWrite(on:)`` in its transaction, so the background restore
    /// (``restoreRankedIndex(on:)``) leaves the index alone until it commits. If the process dies
    /// before the index is back, that restore makes it again. `rebuilding` hears `false` as the
    /// index is made again after a committed write (seconds at a million products) and `true`
    /// once that is over.
    static func withRankedIndexAside<T: Sendable>(
        rows: Int, threshold: Int, on database: any Database,
        rebuilding: @Sendable (_ over: Bool) async -> Void = { _ in },
        _ write: () async throws -> T
    ) async throws -> T {
        guard rows >= threshold, !database.inTransaction, let sql = database as? any SQLDatabase,
            let state = try await rankedIndexState(on: sql), state.present, state.valid
        else { return try await write() }
        try await sql.raw("DROP INDEX CONCURRENTLY IF EXISTS \(unsafeRaw: rankedIndexName)").run()
        let result: T
        do {
            result = try await write()
        } catch {
            _ = try? await restoreRankedIndex(on: database)
            throw error
        }
        // The write is committed: a failed rebuild is the background restore's to retry, not
        // the write's failure.
        await rebuilding(false)
        _ = try? await restoreRankedIndex(on: database)
        await rebuilding(true)
        return result
    }

    /// In a bulk write's transaction: tells ``restoreRankedIndex(on:)`` that the index is aside
    /// on purpose until the transaction ends (an advisory lock on this schema's search table).
    public static func holdBulkWrite(on sql: any SQLDatabase) async throws {
        guard !isSQLite(sql) else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock_shared(\(unsafeRaw: bulkWriteLockKey)) AS held").run()
    }

    private static let bulkWriteLockKey = "hashtext(current_schema() || '.\(rankedIndexName)')"

    /// Makes the RUM index again where it should be and is not: gone after a bulk write whose
    /// process died, or left invalid by a build that failed. Leaves it alone while a bulk write
    /// holds it aside (``holdBulkWrite(on:)``) or a build is running. Returns whether it built.
    /// `database` must not be in a transaction.
    @discardableResult
    public static func restoreRankedIndex(on database: any Database) async throws -> Bool {
        guard !database.inTransaction, let sql = database as? any SQLDatabase,
            let state = try await rankedIndexState(on: sql), !state.valid, !state.building
        else { return false }
        // A bulk write holds the key shared for its whole transaction; taking it exclusively,
        // and letting go at once, says none is running now.
        let free = try await database.transaction { transaction in
            try await sqlDatabase(transaction).raw(
                "SELECT pg_try_advisory_xact_lock(\(unsafeRaw: bulkWriteLockKey)) AS free"
            ).first()?.decode(column: "free", as: Bool.self) ?? false
        }
        guard free else { return false }
        if state.present {
            try await sql.raw("DROP INDEX CONCURRENTLY IF EXISTS \(unsafeRaw: rankedIndexName)").run()
        }
        try await sql.raw(createRankedIndex(schema: state.schema, concurrently: true)).run()
        return true
    }
}
