import FluentKit
import Foundation
import JishiKit

extension AccountService {
    /// Accounts whose username or display name contains `text` (every account when it is
    /// empty), by username; an admin of everywhere only, as for granting.
    public func accounts(
        matching text: String, page: JishiKit.PageRequest, by actor: Principal, on database: any Database
    ) async throws -> JishiKit.Page<Account> {
        try Authorization.require(actor, .grantRoles, .account(actor.accountID))
        let text = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(64))
        let query = Account.query(on: database)
        if !text.isEmpty {
            query.group(.or) { group in
                group.filter(\.$username, .contains(inverse: false, .anywhere), text.lowercased())
                group.filter(\.$displayName, .contains(inverse: false, .anywhere), text)
            }
        }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$username).sort(\.$id).range(page.rows).all()
        return JishiKit.Page(items: items, total: total, request: page)
    }

    /// One account and its grants (oldest first), for an admin.
    public func account(_ accountID: UUID, by actor: Principal, on database: any Database) async throws -> (
        account: Account, grants: [RoleGrant]
    ) {
        try Authorization.require(actor, .grantRoles, .account(accountID))
        guard let account = try await Account.find(accountID, on: database) else {
            throw Problem.notFound("The account", field: "id")
        }
        let records = try await RoleGrantRecord.query(on: database).filter(\.$account.$id == accountID)
            .sort(\.$grantedAt).sort(\.$id).all()
        return (account, records.compactMap(\.grant))
    }

    /// Takes `grant` away from an account, if `actor` may grant roles. An admin cannot take their
    /// own last admin grant of everywhere (nobody would be left to give it back); taking a grant
    /// the account does not have changes nothing.
    public func revoke(_ grant: RoleGrant, from accountID: UUID, by actor: Principal, on database: any Database)
        async throws
    {
        try Authorization.require(actor, .grantRoles, .account(accountID))
        guard try await Account.find(accountID, on: database) != nil else {
            throw Problem.notFound("The account", field: "id")
        }
        let everywhereAdmin = RoleGrant(role: .admin, scope: .everywhere)
        if accountID == actor.accountID, grant == everywhereAdmin {
            throw Problem(
                type: .conflict, detail: "An admin cannot take their own admin grant of everywhere.", field: "grant")
        }
        let query = RoleGrantRecord.query(on: database).filter(\.$account.$id == accountID)
            .filter(\.$role == grant.role).filter(\.$scopeKind == grant.scope.kind)
        if let id = grant.scope.id {
            query.filter(\.$scopeID == id)
        } else {
            query.filter(\.$scopeID == nil)
        }
        try await query.delete()
    }
}
