import Community
import DomainTesting
import FluentKit
import JishiKit
import JishiServer
import JishiServerTesting
import Testing
import Vapor

@Suite("Accounts API")
struct AccountAPITests {
    static let valid =
        #"{"username":"mei","password":"correct horse","displayName":"李梅","role":"seller","preferredLanguage":"zh-Hans"}"#

    @Test(arguments: TestStore.available)
    func registerReturnsTheAccountWithItsRole(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            let response = try await app.send(.POST, "/api/v1/accounts", json: Self.valid)
            #expect(response.status == .created)
            let account = try response.json()
            #expect(account["username"] as? String == "mei")
            #expect(account["displayName"] as? String == "李梅")
            #expect(account["preferredLanguage"] as? String == "zh-Hans")
            let roles = account["roles"] as? [[String: Any]]
            #expect(roles?.count == 1)
            #expect(roles?.first?["role"] as? String == "seller")
            #expect(account["password"] == nil && account["passwordHash"] == nil)
            // The server hashes with Bcrypt (domain tests use a cheap stand-in).
            let stored = try #require(try await Account.query(on: app.db).filter(\.$username == "mei").first())
            #expect(stored.passwordHash.hasPrefix("$2"))
        }
    }

    @Test(arguments: TestStore.available)
    func duplicateUsernameIsAConflictAndWritesNothing(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            try await app.send(.POST, "/api/v1/accounts", json: Self.valid)
            let again = try await app.send(
                .POST, "/api/v1/accounts", json: Self.valid.replacingOccurrences(of: "\"mei\"", with: "\"MEI\""))
            try again.expectProblem(.usernameTaken, field: "username")
            #expect(try await Account.query(on: app.db).count() == 1)
        }
    }

    @Test(
        "Bad input is a 4xx naming the field and writes nothing",
        arguments: [
            (#"{"username":"mei","password":"correct horse","role":"buyer"}"#, ProblemType.missingField, "displayName"),
            (#"{"username":"mei","password":"correct horse","displayName":"x","role":42}"#, .validation, "role"),
            (#"{"username":"mei","password":"correct horse","displayName":"x","role":"admin"}"#, .validation, "role"),
            (#"{"username":"m","password":"correct horse","displayName":"x","role":"buyer"}"#, .validation, "username"),
            (
                #"{"username":"mei mei","password":"correct horse","displayName":"x","role":"buyer"}"#, .validation,
                "username"
            ),
            (#"{"username":"mei","password":"short","displayName":"x","role":"buyer"}"#, .validation, "password"),
            (
                #"{"username":"mei","password":"correct horse","displayName":"  ","role":"buyer"}"#, .validation,
                "displayName"
            ),
            (
                #"{"username":"mei","password":"correct horse","displayName":"x","role":"buyer","preferredLanguage":"fr"}"#,
                .validation, "preferredLanguage"
            ),
            (#"{"username":"mei","password":"#, .invalidJSON, nil),
            (#"[1,2,3]"#, .validation, nil),
        ] as [(String, ProblemType, String?)])
    func badRegistration(body: String, type: ProblemType, field: String?) async throws {
        try await withTestApp { app in
            let response = try await app.send(.POST, "/api/v1/accounts", json: body)
            try response.expectProblem(type, field: field)
            #expect(try await Account.query(on: app.db).count() == 0)
            #expect(try await RoleGrantRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func oversizeBodyIs413() async throws {
        try await withTestApp(adjust: { $0.http.maxBodyBytes = 1024 }) { app in
            let name = String(repeating: "x", count: 4096)
            let response = try await app.send(
                .POST, "/api/v1/accounts",
                json: #"{"username":"mei","password":"correct horse","displayName":"\#(name)","role":"buyer"}"#)
            try response.expectProblem(.payloadTooLarge)
            #expect(try await Account.query(on: app.db).count() == 0)
        }
    }

    @Test func wrongContentTypeIs415() async throws {
        try await withTestApp { app in
            let response = try await app.send(
                .POST, "/api/v1/accounts", json: Self.valid, headers: [("Content-Type", "text/plain")])
            try response.expectProblem(.unsupportedMediaType)
            #expect(try await Account.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestStore.available)
    func meNeedsAValidToken(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            try await app.send(.GET, "/api/v1/accounts/me").expectProblem(.unauthenticated)
            try await app.send(.GET, "/api/v1/accounts/me", token: "not-a-token").expectProblem(.unauthenticated)
            let token = try await app.registerAndLogIn("mei")
            let me = try await app.send(.GET, "/api/v1/accounts/me", token: token)
            #expect(me.status == .ok)
            #expect(try me.json()["username"] as? String == "mei")
        }
    }

    @Test(arguments: TestStore.available)
    func onlyAnAdminGrantsRoles(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let buyer = try await app.registerAndLogIn("newcomer")
            let me = try await app.send(.GET, "/api/v1/accounts/me", token: buyer).json()
            let id = try #require(me["id"] as? String)
            let town = try #require(
                try await Town.query(on: app.db).filter(\.$nameEn == "Daying Town").first()?.requireID())
            let grant = #"{"role":"official","scope":{"kind":"town","id":"\#(town.uuidString)"}}"#

            try await app.send(.POST, "/api/v1/accounts/\(id)/roles", json: grant, token: buyer).expectProblem(
                .forbidden)
            let official = try await app.logIn("official", password: DemoCounty.password)
            try await app.send(.POST, "/api/v1/accounts/\(id)/roles", json: grant, token: official).expectProblem(
                .forbidden)

            let admin = try await app.logIn("admin", password: DemoCounty.password)
            let granted = try await app.send(.POST, "/api/v1/accounts/\(id)/roles", json: grant, token: admin)
            #expect(granted.status == .created)
            let roles = try #require(try granted.json()["roles"] as? [[String: Any]])
            #expect(
                roles.contains {
                    ($0["role"] as? String) == "official"
                        && (($0["scope"] as? [String: Any])?["id"] as? String) == town.uuidString
                })

            try await app.send(.POST, "/api/v1/accounts/\(UUID())/roles", json: grant, token: admin).expectProblem(
                .notFound)
            try await app.send(.POST, "/api/v1/accounts/nope/roles", json: grant, token: admin).expectProblem(
                .validation, field: "id")
            try await app.send(
                .POST, "/api/v1/accounts/\(id)/roles", json: #"{"role":"official","scope":{"kind":"town"}}"#,
                token: admin
            ).expectProblem(.validation, field: "scope.id")
            try await app.send(
                .POST, "/api/v1/accounts/\(id)/roles", json: #"{"role":"king","scope":{"kind":"everywhere"}}"#,
                token: admin
            ).expectProblem(.validation, field: "role")
        }
    }
}
