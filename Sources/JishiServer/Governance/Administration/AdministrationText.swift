import Community
import Foundation
import JishiKit

/// How the admin pages name roles and scopes, and read a scope back from a menu.
enum AdministrationText {
    static func role(_ role: Role) -> L10nKey {
        switch role {
        case .buyer: .grantRoleBuyer
        case .seller: .grantRoleSeller
        case .agent: .grantRoleAgent
        case .dispatcher: .grantRoleDispatcher
        case .courier: .grantRoleCourier
        case .official: .grantRoleOfficial
        case .admin: .grantRoleAdmin
        }
    }

    /// A scope as a menu value: "everywhere", "county:<id>", "town:<id>", "station:<id>".
    static func value(_ scope: Scope) -> String {
        guard let id = scope.id else { return scope.kind.rawValue }
        return scope.kind.rawValue + ":" + id.uuidString.lowercased()
    }

    /// The scope a menu value names; `nil` for anything else.
    static func scope(_ value: String) -> Scope? {
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard let kind = parts.first.flatMap(Scope.Kind.init(rawValue:)) else { return nil }
        return Scope(kind: kind, id: parts.count == 2 ? UUID(uuidString: parts[1]) : nil)
    }
}
