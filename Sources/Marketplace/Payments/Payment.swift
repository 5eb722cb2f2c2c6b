import FluentKit
import Foundation

/// A payment attempt for a checkout. `(checkout, idempotencyKey)` is unique, so a retried
/// payment request finds the first attempt and never charges twice.
public final class Payment: Model, @unchecked Sendable {
    public static let schema = "payments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "checkout_id") public var checkout: Checkout
    @Field(key: "idempotency_key") public var idempotencyKey: String
    @Field(key: "provider") public var provider: String
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "status") public var status: Status
    @OptionalField(key: "provider_reference") public var providerReference: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(id: UUID, checkoutID: UUID, idempotencyKey: String, provider: String, amountMinor: Int64, at time: Date)
    {
        self.id = id
        self.$checkout.id = checkoutID
        self.idempotencyKey = idempotencyKey
        self.provider = provider
        self.amountMinor = amountMinor
        self.status = .pending
        self.createdAt = time
    }

    public enum Status: String, Codable, Sendable {
        case pending, captured, declined
        /// Captured after its orders had been cancelled, so the money went straight back.
        case voided
    }

    /// The provider name of cash taken by a station agent.
    public static let cashProvider = "cash_at_station"
}
