import FluentKit
import Foundation

/// A bearer token. Only its SHA-256 is stored, so a leaked table grants nothing.
public final class AccessToken: Model, @unchecked Sendable {
    public static let schema = "access_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "account_id") public var account: Account
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, accountID: Account.IDValue, tokenHash: String, expiresAt: Date) {
        self.id = id
        self.$account.id = accountID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
