import FluentKit
import SQLKit

/// Gives every search row an `in_stock` flag (``SearchIndex/inStockExpression(product:)``) and a
/// trigger on `variants` that keeps it in step (``SearchIndex/stockTriggerSQL(sqlite:)``), so the
/// in-stock filter reads a column of the row it already has, where it asked `variants` about each
/// match (at a million products, counting a filtered total read the variants table whole).
///
/// The flag is set in one statement. A database that came through ``AddSearchRank`` with this
/// change has rows without a rank key, which the index's rebuild in ``AddSearchSales`` rewrites
/// whole (the rebuild was here, as it writes `in_stock`, until it came to write `search_sales`).
public struct AddSearchInStock: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        let sql = try SearchIndex.sqlDatabase(database)
        let table = SearchIndex.table
        try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN in_stock BOOLEAN NOT NULL DEFAULT false").run()
        try await sql.raw(
            """
            UPDATE \(ident: table) SET in_stock = \(bind: true) \
            WHERE \(unsafeRaw: SearchIndex.inStockExpression(product: "\(table).product_id"))
            """
        ).run()
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
