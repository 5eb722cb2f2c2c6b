import Community
import FluentKit

/// Sourcing between shops: offers with wholesale tiers, reseller approvals, linked listings
/// (a product and its variants pointing at the producer's), and supply orders with their
/// lines, history and credits.
public struct CreateSourcing: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Product.schema).field("source_product_id", .uuid).update()
        try await database.schema(Variant.schema).field("source_variant_id", .uuid).update()
        try await database.schema(SourcingOffer.schema)
            .id()
            .field("product_id", .uuid, .required, .references(Product.schema, .id, onDelete: .cascade))
            .field("shop_id", .uuid, .required, .references(Shop.schema, .id, onDelete: .cascade))
            .field("audience", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "product_id")
            .create()
        try await database.schema(WholesaleTier.schema)
            .id()
            .field("variant_id", .uuid, .required, .references(Variant.schema, .id, onDelete: .cascade))
            .field("min_quantity", .int, .required)
            .field("unit_price_minor", .int64, .required)
            .unique(on: "variant_id", "min_quantity")
            .create()
        try await database.schema(ResellerApproval.schema)
            .id()
            .field("producer_shop_id", .uuid, .required, .references(Shop.schema, .id, onDelete: .cascade))
            .field("reseller_shop_id", .uuid, .required, .references(Shop.schema, .id, onDelete: .cascade))
            .field("status", .string, .required)
            .field("message", .string, .required)
            .field("requested_by", .uuid, .required)
            .field("requested_at", .datetime, .required)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .unique(on: "producer_shop_id", "reseller_shop_id")
            .create()
        try await database.schema(SupplyOrder.schema)
            .id()
            .field("producer_shop_id", .uuid, .required, .references(Shop.schema, .id))
            .field("reseller_shop_id", .uuid, .required, .references(Shop.schema, .id))
            .field("retail_order_id", .uuid, .references(Order.schema, .id))
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("total_minor", .int64, .required)
            .field("credited_minor", .int64, .required)
            .field("delivery_name", .string, .required)
            .field("delivery_phone", .string, .required)
            .field("delivery_village_id", .uuid)
            .field("delivery_address", .string, .required)
            .field("idempotency_key", .string)
            .field("placed_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "retail_order_id")
            .unique(on: "reseller_shop_id", "idempotency_key")
            .create()
        try await database.schema(SupplyOrderLine.schema)
            .id()
            .field("supply_order_id", .uuid, .required, .references(SupplyOrder.schema, .id, onDelete: .cascade))
            .field("variant_id", .uuid, .required, .references(Variant.schema, .id))
            .field("retail_line_id", .uuid)
            .field("title", .string, .required)
            .field("sku", .string, .required)
            .field("unit_price_minor", .int64, .required)
            .field("quantity", .int, .required)
            .create()
        try await database.schema(SupplyOrderEvent.schema)
            .id()
            .field("supply_order_id", .uuid, .required, .references(SupplyOrder.schema, .id, onDelete: .cascade))
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("actor_id", .uuid)
            .field("reason", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema(SupplyCredit.schema)
            .id()
            .field("supply_order_id", .uuid, .required, .references(SupplyOrder.schema, .id, onDelete: .cascade))
            .field("amount_minor", .int64, .required)
            .field("reason", .string, .required)
            .field("retail_refund_id", .uuid)
            .field("actor_id", .uuid)
            .field("at", .datetime, .required)
            .unique(on: "retail_refund_id")
            .create()
        try await AddLookupIndexes.create(Self.indexes, on: database)
    }

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("variants_source_variant_idx", Variant.schema, ["source_variant_id"]),
        ("supply_orders_producer_created_idx", SupplyOrder.schema, ["producer_shop_id", "created_at"]),
        ("supply_orders_reseller_created_idx", SupplyOrder.schema, ["reseller_shop_id", "created_at"]),
        ("supply_order_lines_order_idx", SupplyOrderLine.schema, ["supply_order_id"]),
        ("supply_order_events_order_idx", SupplyOrderEvent.schema, ["supply_order_id"]),
        ("supply_credits_order_idx", SupplyCredit.schema, ["supply_order_id"]),
    ]

    public func revert(on database: any Database) async throws {
        try await AddLookupIndexes.drop(Self.indexes, on: database)
        try await database.schema(SupplyCredit.schema).delete()
        try await database.schema(SupplyOrderEvent.schema).delete()
        try await database.schema(SupplyOrderLine.schema).delete()
        try await database.schema(SupplyOrder.schema).delete()
        try await database.schema(ResellerApproval.schema).delete()
        try await database.schema(WholesaleTier.schema).delete()
        try await database.schema(SourcingOffer.schema).delete()
        try await database.schema(Variant.schema).deleteField("source_variant_id").update()
        try await database.schema(Product.schema).deleteField("source_product_id").update()
    }
}
