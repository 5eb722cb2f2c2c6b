import FluentKit
import Foundation
import JishiKit

/// A person who signs in: buyer, seller, agent, courier, official … (roles are grants).
public final class Account: Model, @unchecked Sendable {
    public static let schema = "accounts"

    @ID(key: .id) public var id: UUID?
    /// Lower-cased; unique.
    @Field(key: "username") public var username: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "preferred_language") public var preferredLanguage: String
    /// The mobile number's 11 digits, for accounts that sign in with a code; unique.
    @OptionalField(key: "phone") public var phone: String?
    @OptionalParent(key: "household_id") public var household: Household?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Children(for: \.$account) public var grants: [RoleGrantRecord]

    public init() {}

    public init(
        id: UUID? = nil, username: String, passwordHash: String, displayName: String,
        preferredLanguage: Language, householdID: Household.IDValue? = nil, phone: PhoneNumber? = nil
    ) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.preferredLanguage = preferredLanguage.rawValue
        self.$household.id = householdID
        self.phone = phone?.digits
    }

    public var language: Language { Language(rawValue: preferredLanguage) ?? .default }

    public var phoneNumber: PhoneNumber? { phone.map(PhoneNumber.init(stored:)) }
}
