import Community
import FluentKit
import Foundation

/// A shop, opened for free by a seller and tied to a village.
public final class Shop: Model, @unchecked Sendable {
    public static let schema = "shops"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "owner_id") public var owner: Account
    @Parent(key: "village_id") public var village: Village
    @OptionalParent(key: "household_id") public var household: Household?
    @Field(key: "name") public var name: String
    @Field(key: "description") public var description: String
    @Field(key: "kind") public var kind: Kind
    @OptionalField(key: "brand_name") public var brandName: String?
    @OptionalField(key: "licence_number") public var licenceNumber: String?
    @Field(key: "status") public var status: Status
    @OptionalField(key: "status_reason") public var statusReason: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(
        id: UUID? = nil, ownerID: UUID, villageID: UUID, householdID: UUID? = nil, name: String, description: String,
        kind: Kind
    ) {
        self.id = id
        self.$owner.id = ownerID
        self.$village.id = villageID
        self.$household.id = householdID
        self.name = name
        self.description = description
        self.kind = kind
        self.status = .active
    }
}

extension Shop {
    /// C2C (a villager's own shop) or B2C (a registered enterprise with a brand).
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case individual, enterprise
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        case active, suspended, closed
    }
}
