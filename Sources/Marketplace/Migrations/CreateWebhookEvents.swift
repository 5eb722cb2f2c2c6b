import Community
import FluentKit
import Persistence

/// Webhook events seen, for replay safety; payments found by the provider's reference.
public struct CreateWebhookEvents: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(WebhookEvent.schema)
            .id()
            .field("provider", .string, .required)
            .field("event_id", .string, .required)
            .field("kind", .string, .required)
            .field("payment_reference", .string, .required)
            .field("received_at", .datetime, .required)
            .unique(on: "provider", "event_id")
            .create()
        try await database.sql().create(index: "payments_provider_reference_idx").on(Payment.schema)
            .column("provider").column("provider_reference").run()
    }

    public func revert(on database: any Database) async throws {
        try await database.sql().drop(index: "payments_provider_reference_idx").run()
        try await database.schema(WebhookEvent.schema).delete()
    }
}
