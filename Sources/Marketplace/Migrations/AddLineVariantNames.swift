import FluentKit
import Persistence
import SQLKit

/// Order lines and supply order lines keep the variant's name ("红色 L") as it was when sold,
/// beside the product's title, so that the packer, the buyer and the statements read which
/// kind was bought; lines sold before take their variant's name as it is now.
public struct AddLineVariantNames: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        for table in [OrderLine.schema, SupplyOrderLine.schema] {
            try await database.schema(table)
                .field("variant_name", .string, .required, .sql(.default(SQLLiteral.string(""))))
                .update()
            try await sql.raw(
                """
                UPDATE \(ident: table) SET "variant_name" = COALESCE((SELECT v."name" FROM "variants" v \
                WHERE v."id" = \(ident: table)."variant_id"), '')
                """
            ).run()
        }
    }

    public func revert(on database: any Database) async throws {
        for table in [OrderLine.schema, SupplyOrderLine.schema] {
            try await database.schema(table).deleteField("variant_name").update()
        }
    }
}
