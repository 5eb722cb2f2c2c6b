import Community
import FluentKit
import JishiKit
import JishiServer
import JishiServerTesting
import Testing

@Suite("Account service")
struct AccountServiceTests {
    static func registration(_ username: String = "mei") -> AccountService.Registration {
        .init(username: username, password: "correct horse", displayName: "Mei", role: .seller, language: .en)
    }

    @Test(arguments: TestStore.available)
    func registerStoresAHashAndOneGrant(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            let service = app.jishi.accounts
            let account = try await service.register(Self.registration(), on: app.db)
            #expect(account.passwordHash != "correct horse")
            #expect(account.passwordHash.hasPrefix("$2"))
            let principal = try await service.principal(for: account.requireID(), on: app.db)
            #expect(principal.grants == [RoleGrant(role: .seller)])
            let again = try await service.authenticate(username: "Mei", password: "correct horse", on: app.db)
            #expect(again.id == account.id)
            await #expect(throws: Problem(type: .invalidCredentials)) {
                try await service.authenticate(username: "mei", password: "wrong horse", on: app.db)
            }
        }
    }

    @Test(arguments: TestStore.available)
    func grantingTwiceKeepsOneGrant(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let service = app.jishi.accounts
            let account = try await service.register(Self.registration(), on: app.db)
            let admin = Principal(accountID: UUID(), grants: [RoleGrant(role: .admin)])
            let town = try #require(try await Town.query(on: app.db).first()).requireID()
            let grant = RoleGrant(role: .courier, scope: .town(town))
            try await service.grant(grant, to: account.requireID(), by: admin, on: app.db)
            try await service.grant(grant, to: account.requireID(), by: admin, on: app.db)
            let principal = try await service.principal(for: account.requireID(), on: app.db)
            #expect(principal.grants.filter { $0 == grant }.count == 1)
            #expect(principal.grants.count == 2)
        }
    }

    /// The scope must name a place that exists: the service checks it, so every caller does.
    @Test(arguments: TestStore.available)
    func aGrantForAPlaceThatDoesNotExistIsRefused(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            let service = app.jishi.accounts
            let account = try await service.register(Self.registration(), on: app.db)
            let admin = Principal(accountID: UUID(), grants: [RoleGrant(role: .admin)])
            for scope in [Scope.town(UUID()), .county(UUID())] {
                await #expect(throws: Problem.self) {
                    try await service.grant(
                        RoleGrant(role: .official, scope: scope), to: account.requireID(), by: admin, on: app.db)
                }
            }
            #expect(try await service.principal(for: account.requireID(), on: app.db).grants.count == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func tokensExpireAndRevoke(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestApp(on: store, dependencies: clock.dependencies) { app in
            let account = try await app.jishi.accounts.register(Self.registration(), on: app.db)
            let tokens = TokenService(lifetime: 60, dependencies: clock.dependencies)
            let issued = try await tokens.issue(for: account.requireID(), on: app.db)
            #expect(issued.expiresAt == clock.now.addingTimeInterval(60))
            #expect(try await tokens.validate(issued.token, on: app.db).$account.id == account.id)
            // Only a digest is stored.
            #expect(try await AccessToken.query(on: app.db).filter(\.$tokenHash == issued.token).count() == 0)
            clock.advance(by: 61)
            await #expect(throws: Problem(type: .tokenExpired)) { try await tokens.validate(issued.token, on: app.db) }

            let second = try await tokens.issue(for: account.requireID(), on: app.db)
            try await tokens.revoke(second.token, on: app.db)
            await #expect(throws: Problem(type: .tokenExpired)) { try await tokens.validate(second.token, on: app.db) }
        }
    }
}
