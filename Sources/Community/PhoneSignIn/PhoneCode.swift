import FluentKit
import Foundation

/// One sign-in code sent to a mobile number. Only its digest is kept; times are seconds since
/// 1970, so that the rate limits compare plain numbers on both stores.
final class PhoneCode: Model, @unchecked Sendable {
    static let schema = "phone_codes"

    @ID(key: .id) var id: UUID?
    /// The number's 11 digits.
    @Field(key: "phone") var phone: String
    /// The client address that asked for it (for the per-address limit).
    @Field(key: "address") var address: String
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "created_at") var createdAt: Double
    @Field(key: "expires_at") var expiresAt: Double
    /// Wrong codes tried against it.
    @Field(key: "failures") var failures: Int
    @OptionalField(key: "used_at") var usedAt: Double?

    init() {}

    init(id: UUID, phone: PhoneNumber, address: String, codeHash: String, createdAt: Double, expiresAt: Double) {
        self.id = id
        self.phone = phone.digits
        self.address = address
        self.codeHash = codeHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.failures = 0
        self.usedAt = nil
    }
}

/// Accounts get a mobile number (unique where present); codes get their table.
public struct AddPhoneSignIn: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Account.schema).field("phone", .string).update()
        try await database.sql().create(index: "accounts_phone_key").unique().on(Account.schema).column("phone").run()
        try await database.schema(PhoneCode.schema)
            .id()
            .field("phone", .string, .required)
            .field("address", .string, .required)
            .field("code_hash", .string, .required)
            .field("created_at", .double, .required)
            .field("expires_at", .double, .required)
            .field("failures", .int, .required)
            .field("used_at", .double)
            .create()
        try await AddLookupIndexes.create(
            [
                ("phone_codes_phone_created_idx", PhoneCode.schema, ["phone", "created_at"]),
                ("phone_codes_address_created_idx", PhoneCode.schema, ["address", "created_at"]),
            ], on: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(PhoneCode.schema).delete()
        try await database.sql().drop(index: "accounts_phone_key").run()
        try await database.schema(Account.schema).deleteField("phone").update()
    }
}
