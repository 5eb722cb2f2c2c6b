import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIMapping {
    static func account(_ account: Account, on request: Request) async throws -> Components.Schemas.Account {
        let id = try account.requireID()
        let principal = try await request.jishi.accounts.principal(for: id, on: request.db)
        return Components.Schemas.Account(
            id: id.uuidString, username: account.username, displayName: account.displayName,
            preferredLanguage: Components.Schemas.Language(rawValue: account.language.rawValue) ?? .zhHans,
            roles: principal.grants.map(roleGrant), createdAt: account.createdAt)
    }

    static func roleGrant(_ grant: RoleGrant) -> Components.Schemas.RoleGrant {
        Components.Schemas.RoleGrant(
            role: Components.Schemas.Role(rawValue: grant.role.rawValue) ?? .buyer,
            scope: .init(
                kind: .init(rawValue: grant.scope.kind.rawValue) ?? .everywhere, id: grant.scope.id?.uuidString))
    }
}
