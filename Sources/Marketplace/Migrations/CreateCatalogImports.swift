import Community
import FluentKit

/// The catalogue files waiting for, going through or done with a background import
/// (`CatalogImportRun`), each with its shop's recent ones found by `(shop_id, created_at)`.
public struct CreateCatalogImports: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(CatalogImportRun.schema)
            .id()
            .field("shop_id", .uuid, .required, .references(Shop.schema, "id", onDelete: .cascade))
            .field("account_id", .uuid, .required)
            .field("file_name", .string, .required)
            .field("byte_count", .int, .required)
            .field("status", .string, .required)
            .field("done", .int, .required)
            .field("total", .int, .required)
            .field("file", .data)
            .field("photos", .data)
            .field("outcome", .string)
            .field("errors", .string)
            .field("error_count", .int, .required)
            .field("attempt", .int, .required)
            .field("message", .string)
            .field("created_at", .datetime, .required)
            .field("heartbeat_at", .datetime)
            .field("finished_at", .datetime)
            .create()
        try await AddLookupIndexes.create(
            [("catalog_imports_shop_created_idx", CatalogImportRun.schema, ["shop_id", "created_at"])], on: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(CatalogImportRun.schema).delete()
    }
}
