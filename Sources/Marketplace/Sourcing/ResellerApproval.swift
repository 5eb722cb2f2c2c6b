import FluentKit
import Foundation

/// A reseller shop's standing with a producer shop whose offers are for approved resellers.
public final class ResellerApproval: Model, @unchecked Sendable {
    public static let schema = "reseller_approvals"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "producer_shop_id") public var producer: Shop
    @Parent(key: "reseller_shop_id") public var reseller: Shop
    @Field(key: "status") public var status: Status
    @Field(key: "message") public var message: String
    @Field(key: "requested_by") public var requestedBy: UUID
    @Field(key: "requested_at") public var requestedAt: Date
    @OptionalField(key: "decided_by") public var decidedBy: UUID?
    @OptionalField(key: "decided_at") public var decidedAt: Date?

    public init() {}

    public init(id: UUID, producerID: UUID, resellerID: UUID, message: String, by account: UUID, at time: Date) {
        self.id = id
        self.$producer.id = producerID
        self.$reseller.id = resellerID
        self.status = .requested
        self.message = message
        self.requestedBy = account
        self.requestedAt = time
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        case requested, approved, rejected, revoked
    }
}
