import Community
import DomainTesting
import FluentKit
import JishiKit
import Testing

@Suite("Account service")
struct AccountServiceTests {
    static func registration(_ username: String = "mei") -> AccountService.Registration {
        .init(username: username, password: "correct horse", displayName: "Mei", role: .seller, language: .en)
    }

    @Test(arguments: TestStore.available)
    func registerStoresAHashAndOneGrant(store: TestStore) async throws {
        try await withTestCounty(on: store) { county in
            let service = county.accounts
            let account = try await service.register(Self.registration(), on: county.db)
            #expect(account.passwordHash != "correct horse")
            let principal = try await service.principal(for: account.requireID(), on: county.db)
            #expect(principal.grants == [RoleGrant(role: .seller)])
            let again = try await service.authenticate(username: "Mei", password: "correct horse", on: county.db)
            #expect(again.id == account.id)
            await #expect(throws: Problem(type: .invalidCredentials)) {
                try await service.authenticate(username: "mei", password: "wrong horse", on: county.db)
            }
        }
    }

    @Test(arguments: TestStore.available)
    func grantingTwiceKeepsOneGrant(store: TestStore) async throws {
        try await withTestCounty(on: store, seedDemo: true) { county in
            let service = county.accounts
            let account = try await service.register(Self.registration(), on: county.db)
            let admin = Principal(accountID: UUID(), grants: [RoleGrant(role: .admin)])
            let town = try #require(try await Town.query(on: county.db).first()).requireID()
            let grant = RoleGrant(role: .courier, scope: .town(town))
            try await service.grant(grant, to: account.requireID(), by: admin, on: county.db)
            try await service.grant(grant, to: account.requireID(), by: admin, on: county.db)
            let principal = try await service.principal(for: account.requireID(), on: county.db)
            #expect(principal.grants.filter { $0 == grant }.count == 1)
            #expect(principal.grants.count == 2)
        }
    }

    /// The scope must name a place that exists: the service checks it, so every caller does.
    @Test(arguments: TestStore.available)
    func aGrantForAPlaceThatDoesNotExistIsRefused(store: TestStore) async throws {
        try await withTestCounty(on: store) { county in
            let service = county.accounts
            let account = try await service.register(Self.registration(), on: county.db)
            let admin = Principal(accountID: UUID(), grants: [RoleGrant(role: .admin)])
            for scope in [Scope.town(UUID()), .county(UUID())] {
                await #expect(throws: Problem.self) {
                    try await service.grant(
                        RoleGrant(role: .official, scope: scope), to: account.requireID(), by: admin, on: county.db)
                }
            }
            #expect(try await service.principal(for: account.requireID(), on: county.db).grants.count == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func tokensExpireAndRevoke(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestCounty(on: store, dependencies: clock.dependencies) { county in
            let account = try await county.accounts.register(Self.registration(), on: county.db)
            let tokens = TokenService(lifetime: 60, dependencies: clock.dependencies)
            let issued = try await tokens.issue(for: account.requireID(), on: county.db)
            #expect(issued.expiresAt == clock.now.addingTimeInterval(60))
            #expect(try await tokens.validate(issued.token, on: county.db).$account.id == account.id)
            // Only a digest is stored.
            #expect(try await AccessToken.query(on: county.db).filter(\.$tokenHash == issued.token).count() == 0)
            clock.advance(by: 61)
            await #expect(throws: Problem(type: .tokenExpired)) {
                try await tokens.validate(issued.token, on: county.db)
            }

            let second = try await tokens.issue(for: account.requireID(), on: county.db)
            try await tokens.revoke(second.token, on: county.db)
            await #expect(throws: Problem(type: .tokenExpired)) {
                try await tokens.validate(second.token, on: county.db)
            }
        }
    }
}
