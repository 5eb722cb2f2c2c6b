import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Marketplace
import Testing
import Vapor

/// The CSRF token is bound to the session, posts from other sites are refused by their origin,
/// and behind HTTPS the security cookies cannot be planted by a sibling subdomain.
@Suite("Web form security")
struct WebFormSecurityTests {
    static func signedIn(_ app: Application, _ username: String) async throws -> WebBrowser {
        var browser = WebBrowser(app)
        try await browser.get("/login")
        let response = try await browser.post("/login", [("username", username), ("password", DemoCounty.password)])
        #expect(response.status == .seeOther, "\(response.body.string)")
        try await browser.get("/")
        return browser
    }

    @Test func aTokenFromAnotherSessionOrTheCookieItselfIsRefused() async throws {
        try await withTestApp(seedDemo: true) { app in
            var mine = try await Self.signedIn(app, "buyer")
            let theirs = try await Self.signedIn(app, "seller")
            let language = [("lang", "en"), ("next", "/")]
            // The old double-submit attack: a planted cookie and a form field that repeats it.
            let key = try #require(mine.cookies["csrf"])
            #expect(try await mine.post("/language", language, csrf: .value(key)).status == .forbidden)
            // A token taken from another signed-in session.
            let stolen = try #require(theirs.csrfToken)
            #expect(try await mine.post("/language", language, csrf: .value(stolen)).status == .forbidden)
            // Its own token works.
            #expect(try await mine.post("/language", language).status == .seeOther)
        }
    }

    @Test func postsFromAnotherOriginAreRefused() async throws {
        try await withTestApp(seedDemo: true) { app in
            var browser = try await Self.signedIn(app, "buyer")
            let language = [("lang", "en"), ("next", "/")]
            let host = ("Host", "jishi.example:8080")
            for origin in [
                [host, ("Origin", "https://evil.example")], [host, ("Origin", "null")],
                [host, ("Origin", "http://jishi.example:8081")],
                [host, ("Referer", "https://evil.example/form.html")],
            ] {
                let refused = try await browser.post("/language", language, headers: origin)
                #expect(refused.status == .forbidden, "\(origin)")
            }
            let same = try await browser.post(
                "/language", language, headers: [host, ("Origin", "http://jishi.example:8080")])
            #expect(same.status == .seeOther)
            let proxied = try await browser.post(
                "/language", language,
                headers: [host, ("X-Forwarded-Host", "jishi.example"), ("Origin", "https://jishi.example")])
            #expect(proxied.status == .seeOther)
        }
    }

    @Test func behindHTTPSTheSecurityCookiesAreHostPrefixed() async throws {
        try await withTestApp(seedDemo: true, adjust: { $0.http.secureCookies = true }) { app in
            var browser = WebBrowser(app)
            try await browser.get("/login")
            #expect(browser.cookies["__Host-csrf"] != nil && browser.cookies["csrf"] == nil)
            let response = try await browser.post(
                "/login", [("username", "buyer"), ("password", DemoCounty.password)])
            #expect(response.status == .seeOther)
            for name in ["__Host-jishi_session", "__Host-jishi_device", "__Host-csrf"] {
                let cookie = try #require(browser.setCookie(named: name), "\(name)")
                #expect(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"))
            }
            // A cookie without the prefix (as a sibling subdomain could set) is not a session.
            var planted = WebBrowser(app)
            planted.cookies["jishi_session"] = browser.cookies["__Host-jishi_session"]
            #expect(!(try await planted.get("/").body.string.contains("李敏")))
            #expect(try await browser.get("/").body.string.contains("李敏"))
        }
    }

    @Test func aBrowserThatSignedInBeforeIsNotHeldUpByAnotherGuesser() async throws {
        // The clock stands still, so that the guesser's delay cannot run out under a slow run.
        let clock = TestClock()
        try await withTestApp(seedDemo: true, dependencies: clock.dependencies) { app in
            // The agent signs in on the station's phone, which keeps a device cookie.
            var phone = try await Self.signedIn(app, "agent")
            #expect(phone.cookies["jishi_device"] != nil)
            let device = try #require(phone.cookies["jishi_device"])
            // Someone at the same address guesses the agent's password until it waits.
            var guesser = WebBrowser(app)
            try await guesser.get("/login")
            var status: HTTPResponseStatus = .unauthorized
            for _ in 0..<8 where status != .tooManyRequests {
                status = try await guesser.post("/login", [("username", "agent"), ("password", "wrong-password")])
                    .status
            }
            #expect(status == .tooManyRequests)
            // Without the device cookie even the right password waits; with it, the agent gets in.
            var stranger = WebBrowser(app)
            try await stranger.get("/login")
            #expect(
                try await stranger.post("/login", [("username", "agent"), ("password", DemoCounty.password)]).status
                    == .tooManyRequests)
            phone.cookies = ["jishi_device": device]
            try await phone.get("/login")
            #expect(
                try await phone.post("/login", [("username", "agent"), ("password", DemoCounty.password)]).status
                    == .seeOther)
        }
    }
}
