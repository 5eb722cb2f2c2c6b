import FluentKit
import Foundation

/// A provider's webhook event, kept so that a replayed one is recognised and ignored:
/// `(provider, eventId)` is unique.
public final class WebhookEvent: Model, @unchecked Sendable {
    public static let schema = "webhook_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "provider") public var provider: String
    @Field(key: "event_id") public var eventID: String
    @Field(key: "kind") public var kind: String
    @Field(key: "payment_reference") public var paymentReference: String
    @Field(key: "received_at") public var receivedAt: Date

    public init() {}

    public init(id: UUID, provider: String, eventID: String, kind: String, paymentReference: String, at time: Date) {
        self.id = id
        self.provider = provider
        self.eventID = eventID
        self.kind = kind
        self.paymentReference = paymentReference
        self.receivedAt = time
    }
}
