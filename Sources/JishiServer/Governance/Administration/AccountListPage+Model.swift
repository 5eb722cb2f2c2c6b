import Community
import FluentKit
import Foundation
import JishiKit

/// Every account, a page at a time, found by username or name: where an admin goes to change
/// someone's roles.
enum AccountListPage {
    static let pageSize = 30

    struct Row: Equatable, Sendable {
        var id: UUID
        var username: String
        var displayName: String
        var roles: [Role]
    }

    struct Model: Equatable, Sendable {
        var query: String
        var rows: [Row]
        var total: Int
        var offset: Int

        var path: String {
            SitePath.manageAccounts.path + (query.isEmpty ? "" : "?q=" + query.urlQuerySafe)
        }
    }
}

extension AccountListPage.Model {
    static func load(
        query: String, offset: Int, principal: Principal, services: JishiServices, on database: any Database
    ) async throws -> Self {
        let page = try await services.accounts.accounts(
            matching: query, page: PageRequest(limit: AccountListPage.pageSize, offset: offset), by: principal,
            on: database)
        let ids = page.items.compactMap(\.id)
        let grants =
            ids.isEmpty ? [] : try await RoleGrantRecord.query(on: database).filter(\.$account.$id ~~ ids).all()
        var roles: [UUID: Set<Role>] = [:]
        for grant in grants { roles[grant.$account.id, default: []].insert(grant.role) }
        return Self(
            query: query,
            rows: page.items.compactMap { account in
                account.id.map { id in
                    AccountListPage.Row(
                        id: id, username: account.username, displayName: account.displayName,
                        roles: Role.allCases.filter { roles[id]?.contains($0) == true })
                }
            }, total: page.total, offset: page.request.offset)
    }
}
