import FluentKit

/// A shipped order keeps its carrier and tracking number, which the buyer reads.
public struct AddOrderShipments: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        for column in ["shipping_carrier", "tracking_number"] {
            try await database.schema(Order.schema).field(FieldKey(stringLiteral: column), .string).update()
        }
    }

    public func revert(on database: any Database) async throws {
        for column in ["shipping_carrier", "tracking_number"] {
            try await database.schema(Order.schema).deleteField(FieldKey(stringLiteral: column)).update()
        }
    }
}
