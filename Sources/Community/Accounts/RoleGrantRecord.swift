import FluentKit
import Foundation

/// A stored role grant: `role`, optionally limited to one station, town or county.
public final class RoleGrantRecord: Model, @unchecked Sendable {
    public static let schema = "role_grants"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "account_id") public var account: Account
    @Field(key: "role") public var role: Role
    @Field(key: "scope_kind") public var scopeKind: Scope.Kind
    @OptionalField(key: "scope_id") public var scopeID: UUID?
    @Timestamp(key: "granted_at", on: .create) public var grantedAt: Date?

    public init() {}

    public init(id: UUID? = nil, accountID: Account.IDValue, grant: RoleGrant) {
        self.id = id
        self.$account.id = accountID
        self.role = grant.role
        self.scopeKind = grant.scope.kind
        self.scopeID = grant.scope.id
    }

    public var grant: RoleGrant? {
        Scope(kind: scopeKind, id: scopeID).map { RoleGrant(role: role, scope: $0) }
    }
}
