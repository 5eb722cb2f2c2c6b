import Foundation

/// The signed-in account as authorisation sees it: who, and with which grants.
public struct Principal: Hashable, Sendable {
    public var accountID: UUID
    public var grants: [RoleGrant]

    public init(accountID: UUID, grants: [RoleGrant]) {
        self.accountID = accountID
        self.grants = grants
    }

    public func has(_ role: Role) -> Bool { grants.contains { $0.role == role } }

    /// Whether one of this principal's grants of `role` reaches `place`.
    public func has(_ role: Role, at place: Place) -> Bool {
        grants.contains { $0.role == role && $0.scope.covers(place) }
    }
}
