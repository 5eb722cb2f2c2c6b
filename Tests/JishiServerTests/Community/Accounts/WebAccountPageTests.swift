import Community
import DomainTesting
import FluentKit
import JishiKit
import JishiServer
import JishiServerTesting
import Testing
import Vapor

@Suite("Web: register, log in, log out")
struct WebAccountPageTests {
    static func registration(
        username: String = "xiuying", displayName: String = "丁庄 王秀英", password: String = "correct horse",
        role: String = "seller"
    ) -> [(String, String)] {
        [("username", username), ("displayName", displayName), ("password", password), ("role", role)]
    }

    @Test(arguments: TestStore.available)
    func registeringSignsInAndShowsTheName(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            var browser = WebBrowser(app, acceptLanguage: "en")
            let form = try await browser.get("/register")
            #expect(form.status == .ok)
            let before = try #require(browser.csrfToken)
            let created = try await browser.post("/register", Self.registration())
            #expect(created.status == .seeOther, "\(created.body.string)")
            #expect(created.headers.first(name: .location) == "/")
            let session = try #require(browser.setCookie(named: "jishi_session"))
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Path=/"))

            let home = try await browser.get("/").body.string
            #expect(browser.csrfToken != before, "the CSRF token changes when signing in")
            #expect(home.contains("Hello, 丁庄 王秀英"))
            #expect(home.contains(#"id="log-out""#))
            #expect(!home.contains(#"href="/login""#))

            let account = try #require(try await Account.query(on: app.db).filter(\.$username == "xiuying").first())
            #expect(account.displayName == "丁庄 王秀英")
            #expect(account.preferredLanguage == "en", "registers in the language of the page")
            let principal = try await app.jishi.accounts.principal(for: account.requireID(), on: app.db)
            #expect(principal.has(.seller) && !principal.has(.buyer))
        }
    }

    @Test(arguments: TestStore.available)
    func registeringWithoutAValidCSRFTokenWritesNothing_fails(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            var browser = WebBrowser(app)
            try await browser.get("/register")
            for choice in [WebBrowser.CSRFChoice.omit, .value(""), .value("not-the-token")] {
                let response = try await browser.post("/register", Self.registration(), csrf: choice)
                #expect(response.status == .forbidden)
                #expect(response.body.string.contains("表单已过期，请刷新页面后重试。"))
                #expect(browser.setCookie(named: "jishi_session") == nil)
            }
            // A token without the matching cookie is refused too (another site cannot set ours).
            let token = try #require(browser.csrfToken)
            var stranger = WebBrowser(app)
            let forged = try await stranger.post("/register", Self.registration(), csrf: .value(token))
            #expect(forged.status == .forbidden)
            // Not JSON, not a form: still a 403 and nothing written.
            #expect(try await Account.query(on: app.db).count() == 0)
        }
    }

    @Test func invalidRegistrationComesBackLocalisedKeepingValuesButNotThePassword() async throws {
        try await withTestApp { app in
            var browser = WebBrowser(app)
            try await browser.get("/register")
            let response = try await browser.post(
                "/register",
                Self.registration(username: "x\"><b>", displayName: "  ", password: "sesame-secret", role: "admin"))
            #expect(response.status == .badRequest)
            let html = response.body.string
            #expect(html.contains("请改正下面标出的问题。"))
            #expect(html.contains("用户名只能用英文字母、数字、点、下划线和短横线。"))
            #expect(html.contains("请填写这一项。"))
            #expect(html.contains("请选择买家或卖家。"))
            #expect(html.contains(#"value="x&quot;&gt;&lt;b&gt;""#), "the entered username comes back, escaped")
            #expect(!html.contains("<b>"))
            #expect(!html.contains("sesame-secret"))
            #expect(html.contains(#"aria-invalid="true""#))
            #expect(try await Account.query(on: app.db).count() == 0)

            var english = WebBrowser(app, acceptLanguage: "en")
            try await english.get("/register")
            let short = try await english.post("/register", Self.registration(username: "ab", password: "short"))
            #expect(short.status == .badRequest)
            #expect(short.body.string.contains("A username has 3 to 32 characters."))
            #expect(short.body.string.contains("A password has 8 to 128 characters."))
            #expect(short.body.string.contains(#"value="丁庄 王秀英""#))
        }
    }

    @Test(arguments: TestStore.available)
    func duplicateUsernameIsRefusedOnTheForm(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            _ = try await app.registerAndLogIn("xiuying")
            var browser = WebBrowser(app, acceptLanguage: "en")
            try await browser.get("/register")
            let response = try await browser.post("/register", Self.registration(username: "XiuYing"))
            #expect(response.status == .conflict)
            #expect(response.body.string.contains("That username is taken; choose another."))
            #expect(response.body.string.contains(#"value="XiuYing""#))
            #expect(browser.setCookie(named: "jishi_session") == nil)
            #expect(try await Account.query(on: app.db).count() == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func logInThenLogOutRevokesTheSession(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            var browser = WebBrowser(app)
            try await browser.get("/login")
            let signedIn = try await browser.post(
                "/login", [("username", "seller"), ("password", DemoCounty.password)])
            #expect(signedIn.status == .seeOther)
            let token = try #require(browser.cookies["jishi_session"])
            let signedInHome = try await browser.get("/").body.string
            #expect(signedInHome.contains("丁庄 王秀英，您好"))
            // The cookie is a real bearer token.
            #expect(try await app.send(.GET, "/api/v1/accounts/me", token: token).status == .ok)

            let out = try await browser.post("/logout", [])
            #expect(out.status == .seeOther)
            #expect(try #require(browser.setCookie(named: "jishi_session")).contains("Max-Age=0"))
            #expect(browser.cookies["jishi_session"] == nil)
            let home = try await browser.get("/").body.string
            #expect(!home.contains("您好") && home.contains(#"href="/login""#))
            try await app.send(.GET, "/api/v1/accounts/me", token: token).expectProblem(.tokenExpired)

            // Replaying the old cookie shows a signed-out page and clears it.
            browser.cookies["jishi_session"] = token
            let replayedHome = try await browser.get("/").body.string
            #expect(!replayedHome.contains("您好"))
            #expect(try #require(browser.setCookie(named: "jishi_session")).contains("Max-Age=0"))
        }
    }

    @Test func logOutWithoutTheCSRFTokenKeepsTheSession_fails() async throws {
        try await withTestApp(seedDemo: true) { app in
            var browser = WebBrowser(app)
            try await browser.get("/login")
            try await browser.post("/login", [("username", "buyer"), ("password", DemoCounty.password)])
            let token = try #require(browser.cookies["jishi_session"])
            let refused = try await browser.post("/logout", [], csrf: .omit)
            #expect(refused.status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/accounts/me", token: token).status == .ok)
            let stillSignedInHome = try await browser.get("/").body.string
            #expect(stillSignedInHome.contains("李敏"))
        }
    }

    @Test(arguments: TestStore.available)
    func wrongPasswordComesBackWithoutSigningIn_fails(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            var browser = WebBrowser(app, acceptLanguage: "en")
            try await browser.get("/login")
            let response = try await browser.post("/login", [("username", "seller"), ("password", "not-the-password")])
            #expect(response.status == .unauthorized)
            let html = response.body.string
            #expect(html.contains("The username or password is wrong."))
            #expect(html.contains(#"value="seller""#))
            #expect(!html.contains("not-the-password"))
            #expect(browser.cookies["jishi_session"] == nil)

            let empty = try await browser.post("/login", [("username", ""), ("password", "")])
            #expect(empty.status == .badRequest)
            #expect(empty.body.string.contains("Fill this in."))
        }
    }

    @Test func tooManyAttemptsAreRefusedPolitely() async throws {
        let fewAttempts: (inout JishiConfig) -> Void = { $0.auth.loginThrottle.pair.free = 2 }
        let clock = TestClock()
        try await withTestApp(seedDemo: true, adjust: fewAttempts, dependencies: clock.dependencies) { app in
            var browser = WebBrowser(app)
            try await browser.get("/login")
            for _ in 0..<2 {
                try await browser.post("/login", [("username", "seller"), ("password", "wrong-password")])
            }
            let limited = try await browser.post("/login", [("username", "seller"), ("password", DemoCounty.password)])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.body.string.contains("尝试次数太多"))
            #expect(browser.cookies["jishi_session"] == nil)
        }
    }

    @Test func anExpiredSessionIsSignedOut() async throws {
        let clock = TestClock()
        let tenMinutes: (inout JishiConfig) -> Void = { $0.auth.tokenLifetime = 600 }
        try await withTestApp(seedDemo: true, adjust: tenMinutes, dependencies: clock.dependencies) { app in
            var browser = WebBrowser(app)
            try await browser.get("/login")
            try await browser.post("/login", [("username", "buyer"), ("password", DemoCounty.password)])
            #expect(try #require(browser.setCookie(named: "jishi_session")).contains("Max-Age=600"))
            let beforeExpiry = try await browser.get("/").body.string
            #expect(beforeExpiry.contains("李敏"))
            clock.advance(by: 601)
            let afterExpiry = try await browser.get("/").body.string
            #expect(!afterExpiry.contains("李敏"))
        }
    }

    @Test func userTextIsEscapedEverywhere() async throws {
        try await withTestApp { app in
            var browser = WebBrowser(app)
            try await browser.get("/register")
            let hostile = #"<script>alert("x")</script> &amp; 'q'"#
            let created = try await browser.post("/register", Self.registration(displayName: hostile))
            #expect(created.status == .seeOther)
            let html = try await browser.get("/").body.string
            #expect(!html.contains("<script>"))
            #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;amp; &#39;q&#39;"))
        }
    }

    @Test func malformedPostsAreClientErrorsNeverServerErrors() async throws {
        try await withTestApp { app in
            var browser = WebBrowser(app)
            try await browser.get("/register")
            let token = try #require(browser.csrfToken)
            let nested = try await browser.post("/register", [("username[]", "a"), ("username[x]", "b")])
            #expect(nested.status.code >= 400 && nested.status.code < 500)
            let json = try await app.send(
                .POST, "/register", json: #"{"csrf":"\#(token)"}"#, headers: [("Accept", "text/html")])
            #expect(json.status == .forbidden, "no csrf cookie")
            var tooLarge = browser
            let big = try await tooLarge.post("/login", [("username", String(repeating: "a", count: 40_000))])
            #expect(big.status == .payloadTooLarge)
            #expect(try await Account.query(on: app.db).count() == 0)
        }
    }
}
