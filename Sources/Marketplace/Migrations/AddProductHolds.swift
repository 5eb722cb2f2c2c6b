import FluentKit

/// Products the county office has taken off sale, and why.
public struct AddProductHolds: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Product.schema).field("held_reason", .string).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Product.schema).deleteField("held_reason").update()
    }
}
