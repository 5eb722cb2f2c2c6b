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

    /// Whether one of this principal's grants of `role` spans a whole county or everywhere: what
    /// the county's own lists ask (categories and their commission rates, training courses),
    /// which an official or admin of one town must not change for the rest.
    public func hasCountyWide(_ role: Role) -> Bool {
        grants.contains { grant in
            guard grant.role == role else { return false }
            switch grant.scope {
            case .everywhere, .county: return true
            case .town, .station: return false
            }
        }
    }

    /// Whether one of this principal's grants of `role` reaches `place`.
    public func has(_ role: Role, at place: Place) -> Bool {
        grants.contains { $0.role == role && $0.scope.covers(place) }
    }
}
