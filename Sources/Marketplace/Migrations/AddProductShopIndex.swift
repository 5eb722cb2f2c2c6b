import Community
import FluentKit

/// A shop's products in id order: a catalogue export pages through them (`shop_id = ? AND id > ?
/// ORDER BY id`), which `products_shop_id_idx` alone answers only by reading and sorting all the
/// shop's products for every page.
public struct AddProductShopIndex: AsyncMigration {
    public init() {}

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("products_shop_id_id_idx", Product.schema, ["shop_id", "id"])
    ]

    public func prepare(on database: any Database) async throws {
        try await AddLookupIndexes.create(Self.indexes, on: database)
    }

    public func revert(on database: any Database) async throws {
        try await AddLookupIndexes.drop(Self.indexes, on: database)
    }
}
