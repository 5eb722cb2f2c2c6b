import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Testing
import Vapor

/// Defects a review found by probing the running server, each pinned by a test.
@Suite("Hardening")
struct HardeningTests {
    static func registration(password: String, displayName: String = "Mei") -> String {
        let body: [String: String] = [
            "username": "mei", "password": password, "displayName": displayName, "role": "buyer",
        ]
        return String(decoding: try! JSONEncoder().encode(body), as: UTF8.self)
    }

    @Test(
        "Passwords Bcrypt would silently cut are refused",
        arguments: [
            "\u{0}secretpw", "secret\u{0}pw-and-more", String(repeating: "a", count: 73), "汉字密码汉字密码汉字密码汉字密码汉字密码汉字密码汉",
        ])
    func passwordsBcryptWouldTruncate(password: String) async throws {
        try await withTestApp { app in
            try await app.send(.POST, "/api/v1/accounts", json: Self.registration(password: password))
                .expectProblem(.validation, field: "password")
            #expect(try await Account.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestStore.available)
    func controlCharactersInNamesAreRefused(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            try await app.send(
                .POST, "/api/v1/accounts", json: Self.registration(password: "correct horse", displayName: "a\u{0}b")
            )
            .expectProblem(.validation, field: "displayName")
            try await app.send(.POST, "/api/v1/sessions", json: #"{"username":"a\u0000b","password":"correct horse"}"#)
                .expectProblem(.validation, field: "username")
            #expect(try await Account.query(on: app.db).count() == 0)
        }
    }

    @Test func aQueryKeyWithoutValueIsBadInputNotA500() async throws {
        try await withTestApp(seedDemo: true) { app in
            let response = try await app.send(.GET, "/api/v1/villages?town")
            #expect(response.status.code >= 400 && response.status.code < 500, "\(response.body.string)")
        }
    }

    @Test func wrongMethodsAre405WithAllow() async throws {
        try await withTestApp { app in
            let put = try await app.send(.PUT, "/api/v1/towns")
            try put.expectProblem(.methodNotAllowed)
            #expect(put.headers.first(name: .allow) == "GET")
            let get = try await app.send(.GET, "/api/v1/accounts")
            #expect(get.headers.first(name: .allow) == "POST")
        }
    }

    @Test func unacceptableAcceptIs406() async throws {
        try await withTestApp { app in
            try await app.send(.GET, "/api/v1/towns", headers: [("Accept", "text/html")]).expectProblem(.notAcceptable)
        }
    }

    @Test func unauthenticatedSaysHowAndRateLimitedSaysWhen() async throws {
        let clock = TestClock()
        try await withTestApp(adjust: { $0.auth.loginThrottle.pair.free = 1 }, dependencies: clock.dependencies) {
            app in
            let me = try await app.send(.GET, "/api/v1/accounts/me")
            #expect(me.headers.first(name: .wwwAuthenticate) == "Bearer")
            try await app.send(.POST, "/api/v1/sessions", json: #"{"username":"mei","password":"wrong horse"}"#)
            let limited = try await app.send(
                .POST, "/api/v1/sessions", json: #"{"username":"mei","password":"wrong horse"}"#)
            try limited.expectProblem(.rateLimited)
            #expect(Int(limited.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
            try await app.send(
                .POST, "/api/v1/sessions", json: #"{"username":"\#(String(repeating: "u", count: 65))","password":"x"}"#
            ).expectProblem(.validation, field: "username")
        }
    }

    @Test(arguments: [#"[]"#, #"42"#, #""text""#])
    func bodiesOfTheWrongShapeNameTheBody(body: String) async throws {
        try await withTestApp { app in
            try await app.send(.POST, "/api/v1/accounts", json: body).expectProblem(.validation, field: "body")
        }
    }

    @Test func roleScopesMustExist() async throws {
        try await withTestApp(seedDemo: true) { app in
            let admin = try await app.logIn("admin", password: DemoCounty.password)
            let me = try await app.send(.GET, "/api/v1/accounts/me", token: admin).json()
            let id = try #require(me["id"] as? String)
            try await app.send(
                .POST, "/api/v1/accounts/\(id)/roles",
                json: #"{"role":"agent","scope":{"kind":"town","id":"\#(UUID())"}}"#,
                token: admin
            ).expectProblem(.notFound, field: "scope.id")
        }
    }

    @Test func healthIs503WhileMigrationsArePending() async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, JishiConfig(store: .sqliteMemory, logLevel: .critical))
            try await app.send(.GET, "/healthz").expectProblem(.unavailable)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test func postgresURLsNeedUserHostAndDatabase() {
        #expect(throws: ConfigError.self) { try JishiConfig.Store(databaseURL: "postgres://127.0.0.1") }
        #expect(throws: ConfigError.self) { try JishiConfig.Store(databaseURL: "postgres://u:p@127.0.0.1:5432") }
        #expect(throws: Never.self) { try JishiConfig.Store(databaseURL: "postgres://u:p@127.0.0.1:5432/jishi") }
    }

    @Test func logLinesCannotBeForged() {
        #expect("x\ny FORGED".loggable == "x\\ny FORGED")
        #expect("a\u{1B}[31m".loggable == "a\\u{1b}[31m")
    }
}
