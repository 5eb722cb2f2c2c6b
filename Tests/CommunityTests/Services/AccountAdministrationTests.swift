import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Testing

@Suite("Account administration: listing accounts, granting and revoking scoped roles")
struct AccountAdministrationTests {
    static let admin = Principal(accountID: UUID(), grants: [RoleGrant(role: .admin)])

    @Test(arguments: TestStore.available)
    func anAdminFindsAccountsAPageAtATime(store: TestStore) async throws {
        try await withTestCounty(on: store, seedDemo: true) { county in
            let service = county.accounts
            let all = try await service.accounts(
                matching: "", page: PageRequest(limit: 3), by: Self.admin, on: county.db)
            #expect(all.items.count == 3)
            #expect(all.total > 3)
            #expect(all.items.map(\.username) == all.items.map(\.username).sorted())
            let agent = try await service.accounts(
                matching: " AGEN ", page: PageRequest(), by: Self.admin, on: county.db)
            #expect(agent.items.map(\.username) == ["agent", "agent2"])
            let official = Principal(accountID: UUID(), grants: [RoleGrant(role: .official)])
            let townAdmin = Principal(
                accountID: UUID(),
                grants: [
                    RoleGrant(
                        role: .admin,
                        scope: .town(try #require(try await Town.query(on: county.db).first()).requireID()))
                ])
            for outsider in [official, townAdmin] {
                await #expect(throws: Problem.self) {
                    try await service.accounts(matching: "", page: PageRequest(), by: outsider, on: county.db)
                }
            }
        }
    }

    @Test(arguments: TestStore.available)
    func aScopedGrantIsGivenAndTakenBackByAnAdmin(store: TestStore) async throws {
        try await withTestCounty(on: store, seedDemo: true) { county in
            let service = county.accounts
            let agent = try #require(try await Account.query(on: county.db).filter(\.$username == "agent").first())
            let agentID = try agent.requireID()
            let before = try await service.account(agentID, by: Self.admin, on: county.db).grants
            let towns = try await Town.query(on: county.db).sort(\.$name).all()
            let town = try #require(
                towns.first { town in !before.contains { $0.scope == .town((try? town.requireID()) ?? UUID()) } })
            let grant = RoleGrant(role: .agent, scope: .town(try town.requireID()))
            try await service.grant(grant, to: agentID, by: Self.admin, on: county.db)
            #expect(
                Set(try await service.account(agentID, by: Self.admin, on: county.db).grants) == Set(before + [grant]))

            let official = Principal(accountID: UUID(), grants: [RoleGrant(role: .official)])
            await #expect(throws: Problem.self) {
                try await service.revoke(grant, from: agentID, by: official, on: county.db)
            }
            try await service.revoke(grant, from: agentID, by: Self.admin, on: county.db)
            try await service.revoke(grant, from: agentID, by: Self.admin, on: county.db)
            #expect(Set(try await service.principal(for: agentID, on: county.db).grants) == Set(before))
        }
    }

    @Test(arguments: TestStore.available)
    func anAdminCannotTakeTheirOwnAdminGrantOfEverywhere(store: TestStore) async throws {
        try await withTestCounty(on: store, seedDemo: true) { county in
            let service = county.accounts
            let admin = try #require(try await Account.query(on: county.db).filter(\.$username == "admin").first())
            let principal = try await service.principal(for: admin.requireID(), on: county.db)
            let everywhere = RoleGrant(role: .admin, scope: .everywhere)
            #expect(principal.grants.contains(everywhere))
            await #expect(throws: Problem.self) {
                try await service.revoke(everywhere, from: admin.requireID(), by: principal, on: county.db)
            }
            #expect(try await service.principal(for: admin.requireID(), on: county.db).grants.contains(everywhere))
        }
    }
}
