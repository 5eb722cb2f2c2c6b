import Community
import FluentKit

public struct CreateOrders: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Checkout.schema)
            .id()
            .field("buyer_id", .uuid, .required, .references(Account.schema, .id))
            .field("idempotency_key", .string, .required)
            .field("request_digest", .string, .required)
            .field("total_minor", .int64, .required)
            .field("payment_method", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("paid_by_payment_id", .uuid)
            .unique(on: "buyer_id", "idempotency_key")
            .create()
        try await database.schema(Order.schema)
            .id()
            .field("checkout_id", .uuid, .required, .references(Checkout.schema, .id))
            .field("shop_id", .uuid, .required, .references(Shop.schema, .id))
            .field("buyer_id", .uuid, .required, .references(Account.schema, .id))
            .field("status", .string, .required)
            .field("total_minor", .int64, .required)
            .field("delivery_name", .string, .required)
            .field("delivery_phone", .string, .required)
            .field("delivery_village_id", .uuid)
            .field("delivery_address", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(OrderLine.schema)
            .id()
            .field("order_id", .uuid, .required, .references(Order.schema, .id, onDelete: .cascade))
            .field("variant_id", .uuid, .required, .references(Variant.schema, .id))
            .field("title", .string, .required)
            .field("sku", .string, .required)
            .field("unit_price_minor", .int64, .required)
            .field("quantity", .int, .required)
            .field("commission_bps", .int, .required)
            .create()
        try await database.schema(OrderEvent.schema)
            .id()
            .field("order_id", .uuid, .required, .references(Order.schema, .id, onDelete: .cascade))
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("actor_id", .uuid)
            .field("reason", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema(Payment.schema)
            .id()
            .field("checkout_id", .uuid, .required, .references(Checkout.schema, .id))
            .field("idempotency_key", .string, .required)
            .field("provider", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("status", .string, .required)
            .field("provider_reference", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "checkout_id", "idempotency_key")
            .create()
    }

    public func revert(on database: any Database) async throws {
        for schema in [Payment.schema, OrderEvent.schema, OrderLine.schema, Order.schema, Checkout.schema] {
            try await database.schema(schema).delete()
        }
    }
}
