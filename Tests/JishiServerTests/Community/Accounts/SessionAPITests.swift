import Community
import DomainTesting
import FluentKit
import JishiKit
import JishiServerTesting
import Testing
import Vapor

@Suite("Sessions API")
struct SessionAPITests {
    @Test(arguments: TestStore.available)
    func logInIssuesAnExpiringToken(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestApp(on: store, adjust: { $0.auth.tokenLifetime = 3600 }, dependencies: clock.dependencies) {
            app in
            try await app.send(
                .POST, "/api/v1/accounts",
                json: #"{"username":"mei","password":"correct horse","displayName":"Mei","role":"buyer"}"#)
            let session = try await app.send(
                .POST, "/api/v1/sessions", json: #"{"username":"MEI","password":"correct horse"}"#)
            #expect(session.status == .created)
            let body = try session.json()
            let token = try #require(body["token"] as? String)
            #expect(token.count >= 40)
            #expect((body["expiresAt"] as? String)?.isEmpty == false)
            #expect(try await app.send(.GET, "/api/v1/accounts/me", token: token).status == .ok)

            clock.advance(by: 3599)
            #expect(try await app.send(.GET, "/api/v1/accounts/me", token: token).status == .ok)
            clock.advance(by: 2)
            try await app.send(.GET, "/api/v1/accounts/me", token: token).expectProblem(.tokenExpired)
        }
    }

    @Test(arguments: TestStore.available)
    func logOutRevokesTheToken(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            let token = try await app.registerAndLogIn("mei")
            let other = try await app.logIn("mei", password: "correct horse")
            #expect(try await app.send(.DELETE, "/api/v1/sessions/current", token: token).status == .noContent)
            try await app.send(.GET, "/api/v1/accounts/me", token: token).expectProblem(.tokenExpired)
            try await app.send(.DELETE, "/api/v1/sessions/current", token: token).expectProblem(.tokenExpired)
            // Only that session ends.
            #expect(try await app.send(.GET, "/api/v1/accounts/me", token: other).status == .ok)
            #expect(try await app.send(.DELETE, "/api/v1/sessions/current").status == .unauthorized)
        }
    }

    @Test func wrongPasswordAndUnknownUserLookTheSame() async throws {
        try await withTestApp { app in
            _ = try await app.registerAndLogIn("mei")
            let wrong = try await app.send(
                .POST, "/api/v1/sessions", json: #"{"username":"mei","password":"wrong horse"}"#)
            let unknown = try await app.send(
                .POST, "/api/v1/sessions", json: #"{"username":"nobody","password":"wrong horse"}"#)
            try wrong.expectProblem(.invalidCredentials)
            try unknown.expectProblem(.invalidCredentials)
            #expect(try wrong.json()["detail"] as? String == nil)
            try await app.send(.POST, "/api/v1/sessions", json: #"{"username":"mei"}"#).expectProblem(
                .missingField, field: "password")
        }
    }

    @Test func failedLogInsDelayTheNextAttemptFromThatAddressForAWhile() async throws {
        let clock = TestClock()
        try await withTestApp(adjust: { $0.auth.loginThrottle.pair.free = 3 }, dependencies: clock.dependencies) {
            app in
            _ = try await app.registerAndLogIn("mei")
            for _ in 0..<3 {
                try await app.send(.POST, "/api/v1/sessions", json: #"{"username":"mei","password":"wrong horse"}"#)
                    .expectProblem(.invalidCredentials)
            }
            // The pair of account and address waits a second now, right password or not …
            let waiting = try await app.send(
                .POST, "/api/v1/sessions", json: #"{"username":"mei","password":"correct horse"}"#)
            try waiting.expectProblem(.rateLimited)
            #expect(waiting.headers.first(name: .retryAfter) == "1")
            // … and no longer: a delay, not a lock.
            clock.advance(by: 1)
            #expect(
                try await app.send(.POST, "/api/v1/sessions", json: #"{"username":"mei","password":"correct horse"}"#)
                    .status == .created)
        }
    }

    @Test func logInIsRateLimitedPerAddress() async throws {
        // The clock stands still, so that the delay cannot run out under a slow run.
        let clock = TestClock()
        try await withTestApp(adjust: { $0.auth.loginThrottle.address.free = 4 }, dependencies: clock.dependencies) {
            app in
            for index in 0..<4 {
                try await app.send(
                    .POST, "/api/v1/sessions", json: #"{"username":"guess\#(index)","password":"wrong horse"}"#
                )
                .expectProblem(.invalidCredentials)
            }
            try await app.send(
                .POST, "/api/v1/sessions", json: #"{"username":"someone-else","password":"wrong horse"}"#
            )
            .expectProblem(.rateLimited)
        }
    }
}
