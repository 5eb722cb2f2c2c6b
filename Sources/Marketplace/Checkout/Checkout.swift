import Community
import FluentKit
import Foundation

/// One buyer's checkout: it becomes one order per shop, all paid by one payment.
/// `(buyer, idempotencyKey)` is unique, so a retried checkout finds the first one.
public final class Checkout: Model, @unchecked Sendable {
    public static let schema = "checkouts"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "buyer_id") public var buyer: Account
    @Field(key: "idempotency_key") public var idempotencyKey: String
    /// A digest of the request, so the same key with another request is refused.
    @Field(key: "request_digest") public var requestDigest: String
    @Field(key: "total_minor") public var totalMinor: Int64
    @Field(key: "payment_method") public var paymentMethod: PaymentMethod
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    /// The payment that paid it; set by a guarded update so only one payment ever can.
    @OptionalField(key: "paid_by_payment_id") public var paidByPaymentID: UUID?
    @Children(for: \.$checkout) public var orders: [Order]

    public init() {}

    public init(
        id: UUID, buyerID: UUID, idempotencyKey: String, requestDigest: String, totalMinor: Int64,
        paymentMethod: PaymentMethod, createdAt: Date, expiresAt: Date
    ) {
        self.id = id
        self.$buyer.id = buyerID
        self.idempotencyKey = idempotencyKey
        self.requestDigest = requestDigest
        self.totalMinor = totalMinor
        self.paymentMethod = paymentMethod
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    public enum PaymentMethod: String, Codable, Sendable, CaseIterable {
        case online
        case cashAtStation = "cash_at_station"
    }
}
