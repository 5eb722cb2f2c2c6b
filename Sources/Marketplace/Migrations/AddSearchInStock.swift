import FluentKit
import SQLKit

/// Gives every search row an `in_stock` flag (``SearchIndex/inStockExpression(product:)``) and a
/// trigger on `variants` that keeps it in step (``SearchIndex/stockTriggerSQL(sqlite:)``), so the
/// in-stock filter reads a column of the row it already has, where it asked `variants` about each
/// match (at a million products, counting a filtered total read the variants table whole).
///
/// A database that came through ``AddSearchRank`` with this change (which moved its rebuild
/// here, as the rebuild writes `in_stock`) has rows without a rank key: the index is rebuilt.
/// Otherwise the flag is set in one statement.
public struct AddSearchInStock: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        let table = SearchIndex.table
        try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN in_stock BOOLEAN NOT NULL DEFAULT false").run()
        let unranked = try await sql.raw("SELECT 1 AS one FROM \(ident: table) WHERE rank_key IS NULL LIMIT 1").first()
        if unranked != nil {
            try await SearchIndex.rebuildAll(on: database)
        } else {
            try await sql.raw(
                """
                UPDATE \(ident: table) SET in_stock = \(bind: true) \
                WHERE \(unsafeRaw: SearchIndex.inStockExpression(product: "\(table).product_id"))
                """
            ).run()
        }
        for statement in SearchIndex.stockTriggerSQL(sqlite: SearchIndex.isSQLite(sql)) {
            try await sql.raw("\(unsafeRaw: statement)").run()
        }
    }

    public func revert(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        try await sql.raw(
            "DROP TRIGGER IF EXISTS \(unsafeRaw: SearchIndex.stockTrigger)"
                + (SearchIndex.isSQLite(sql) ? "" : " ON variants")
        ).run()
        if !SearchIndex.isSQLite(sql) {
            try await sql.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: SearchIndex.stockTrigger)()").run()
        }
        try await sql.raw("ALTER TABLE \(ident: SearchIndex.table) DROP COLUMN in_stock").run()
    }
}
