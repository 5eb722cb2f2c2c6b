import FluentKit
import Foundation
import SQLKit

/// How many search rows there are in each bucket of category, village, town and in-stock flag,
/// kept by the database as rows come and go, so that the filter bar's counts without text and
/// without a price range (a buyer browsing, or narrowing by category, village, town or stock)
/// are a sum over a few hundred rows rather than a count of every product: at a million products
/// that count took 110–160 ms on PostgreSQL and about 115 ms on SQLite.
///
/// `search_facet_counts` holds signed counts; a bucket's count is the sum of its rows. Triggers
/// on `search_documents` add to it in the writing transaction:
/// - SQLite (one writer at a time): one row per bucket, its count moved by each row written,
///   removed or moved to another bucket.
/// - PostgreSQL: a row per bucket per statement that inserts or deletes search rows (from the
///   statement's transition table, so a bulk import's batch of 400 writes a handful), and two
///   (−1, +1) for a row whose bucket an update moved (its stock crossing zero). Only inserts, so
///   concurrent checkouts and imports never wait for each other on a count, nor deadlock.
///
/// ``fold(on:)`` (a background job, ``MarketplaceJobs/foldSearchFacets``) sums each bucket's
/// rows into one, so the table stays about the size of its buckets.
public enum SearchFacetCounts {
    public static let table = "search_facet_counts"
    /// The name of the trigger function (PostgreSQL) and the triggers' prefix.
    static let follow = "search_facet_counts_follow"
    static let triggers = ["\(follow)_added", "\(follow)_removed", "\(follow)_moved"]
    /// The columns that make a bucket, each a column of `search_documents` of the same name.
    static let bucket = ["category_id", "village_id", "town_id", "in_stock"]
    /// ``bucket`` as an SQL column list.
    static let columns = bucket.joined(separator: ", ")

    /// The table, its trigger-side index (SQLite), the counts of the rows there now, and the
    /// triggers. Run once, by ``AddSearchFacetCounts``.
    static func create(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        try await database.schema(table)
            .field("category_id", .uuid, .required)
            .field("village_id", .uuid)
            .field("town_id", .uuid)
            .field("in_stock", .bool, .required)
            .field("n", .int64, .required)
            .create()
        let sqlite = SearchIndex.isSQLite(sql)
        if sqlite {
            try await sql.raw(
                "CREATE INDEX \(unsafeRaw: table)_bucket_idx ON \(ident: table) (\(unsafeRaw: columns))"
            ).run()
        }
        try await sql.raw(
            """
            INSERT INTO \(ident: table) (\(unsafeRaw: columns), n) \
            SELECT \(unsafeRaw: columns), COUNT(*) FROM \(ident: SearchIndex.table) GROUP BY \(unsafeRaw: columns)
            """
        ).run()
        for statement in triggerSQL(sqlite: sqlite) {
            try await sql.raw("\(unsafeRaw: statement)").run()
        }
    }

    /// Undoes ``create(on:)``.
    static func drop(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        let sqlite = SearchIndex.isSQLite(sql)
        for trigger in triggers {
            try await sql.raw(
                "DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)" + (sqlite ? "" : " ON \(unsafeRaw: SearchIndex.table)")
            ).run()
        }
        if !sqlite {
            try await sql.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: follow)()").run()
        }
        try await database.schema(table).delete()
    }

    /// The triggers that keep the counts (see the type's notes).
    static func triggerSQL(sqlite: Bool) -> [String] {
        let documents = SearchIndex.table
        let moved =
            bucket.map { sqlite ? "OLD.\($0) IS NOT NEW.\($0)" : "OLD.\($0) IS DISTINCT FROM NEW.\($0)" }
            .joined(separator: " OR ")
        if sqlite {
            // The bucket of `row` (NEW or OLD): made if missing, then moved by `delta`.
            func add(_ row: String, _ delta: String) -> String {
                let same = bucket.map { "\(table).\($0) IS \(row).\($0)" }.joined(separator: " AND ")
                return """
                    INSERT INTO \(table) (\(columns), n) SELECT \(bucket.map { "\(row).\($0)" }.joined(separator: ", ")), 0 \
                    WHERE NOT EXISTS (SELECT 1 FROM \(table) WHERE \(same)); \
                    UPDATE \(table) SET n = n \(delta) WHERE \(same);
                    """
            }
            return [
                "CREATE TRIGGER \(triggers[0]) AFTER INSERT ON \(documents) BEGIN \(add("NEW", "+ 1")) END",
                "CREATE TRIGGER \(triggers[1]) AFTER DELETE ON \(documents) BEGIN \(add("OLD", "- 1")) END",
                """
                CREATE TRIGGER \(triggers[2]) AFTER UPDATE OF \(columns) ON \(documents) WHEN \(moved) \
                BEGIN \(add("OLD", "- 1")) \(add("NEW", "+ 1")) END
                """,
            ]
        }
        let old = bucket.map { "OLD.\($0)" }.joined(separator: ", ")
        let new = bucket.map { "NEW.\($0)" }.joined(separator: ", ")
        return [
            """
            CREATE FUNCTION \(follow)() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                INSERT INTO \(table) (\(columns), n) SELECT \(columns), COUNT(*) FROM added GROUP BY \(columns);
              ELSIF TG_OP = 'DELETE' THEN
                INSERT INTO \(table) (\(columns), n) SELECT \(columns), -COUNT(*) FROM removed GROUP BY \(columns);
              ELSE
                INSERT INTO \(table) (\(columns), n) VALUES (\(old), -1), (\(new), 1);
              END IF;
              RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER \(triggers[0]) AFTER INSERT ON \(documents) REFERENCING NEW TABLE AS added \
            FOR EACH STATEMENT EXECUTE FUNCTION \(follow)()
            """,
            """
            CREATE TRIGGER \(triggers[1]) AFTER DELETE ON \(documents) REFERENCING OLD TABLE AS removed \
            FOR EACH STATEMENT EXECUTE FUNCTION \(follow)()
            """,
            """
            CREATE TRIGGER \(triggers[2]) AFTER UPDATE OF \(columns) ON \(documents) FOR EACH ROW \
            WHEN (\(moved)) EXECUTE FUNCTION \(follow)()
            """,
        ]
    }

    /// One bucket's key.
    private struct Bucket: Hashable {
        var category: UUID
        var village: UUID?
        var town: UUID?
        var inStock: Bool
    }

    /// Sums each bucket's rows into one (leaving out buckets that came to zero), in one
    /// transaction; answers how many rows there were. It takes the rows it deletes, so a count
    /// written by a transaction that commits meanwhile stays for the next fold.
    @discardableResult
    public static func fold(on database: any Database) async throws -> Int {
        try await database.transaction { db in
            let sql = try SearchIndex.sqlDatabase(db)
            let rows = try await sql.raw(
                "DELETE FROM \(ident: table) RETURNING \(unsafeRaw: columns), n"
            ).all()
            var sums: [Bucket: Int64] = [:]
            for row in rows {
                let key = Bucket(
                    category: try row.decode(column: "category_id", as: UUID.self),
                    village: try row.decode(column: "village_id", as: UUID?.self),
                    town: try row.decode(column: "town_id", as: UUID?.self),
                    inStock: try row.decode(column: "in_stock", as: Bool.self))
                sums[key, default: 0] += try row.decode(column: "n", as: Int64.self)
            }
            let kept = Array(sums.filter { $0.value != 0 })
            for start in stride(from: 0, to: kept.count, by: SearchIndex.batch) {
                var insert = sql.insert(into: table).columns(bucket + ["n"])
                for (key, n) in kept[start..<min(kept.count, start + SearchIndex.batch)] {
                    insert = insert.values(
                        SQLBind(key.category), SQLBind(key.village), SQLBind(key.town), SQLBind(key.inStock), SQLBind(n)
                    )
                }
                try await insert.run()
            }
            return rows.count
        }
    }
}
