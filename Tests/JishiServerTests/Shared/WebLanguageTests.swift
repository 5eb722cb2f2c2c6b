import Community
import DomainTesting
import FluentKit
import JishiKit
import JishiServerTesting
import Testing
import Vapor

@Suite("Web: language switch")
struct WebLanguageTests {
    @Test func acceptLanguagePicksTheDefaultAndChineseIsTheFallback() async throws {
        try await withTestApp { app in
            var french = WebBrowser(app, acceptLanguage: "fr-FR,fr;q=0.9")
            let frenchHome = try await french.get("/").body.string
            #expect(frenchHome.contains(#"<html lang="zh-Hans">"#))
            var english = WebBrowser(app, acceptLanguage: "fr;q=1, en-US;q=0.8")
            let englishHome = try await english.get("/").body.string
            #expect(englishHome.contains(#"<html lang="en">"#))
        }
    }

    @Test(arguments: TestStore.available)
    func switchingPersistsInACookie(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            var browser = WebBrowser(app)
            try await browser.get("/register")
            let switched = try await browser.post("/language", [("lang", "en"), ("next", "/register")])
            #expect(switched.status == .seeOther)
            #expect(switched.headers.first(name: .location) == "/register")
            let cookie = try #require(browser.setCookie(named: "lang"))
            #expect(cookie.hasPrefix("lang=en;") && cookie.contains("HttpOnly") && cookie.contains("Max-Age="))

            // Every later page is English, whatever the browser's Accept-Language says.
            browser.acceptLanguage = "zh-CN"
            let page = try await browser.get("/").body.string
            #expect(page.contains(#"<html lang="en">"#) && page.contains("Towns and villages"))
            let errorPage = try await browser.get("/no-such-page").body.string
            #expect(errorPage.contains("There is no page at this address."))

            try await browser.post("/language", [("lang", "zh-Hans"), ("next", "/")])
            let logInPage = try await browser.get("/login").body.string
            #expect(logInPage.contains(#"<html lang="zh-Hans">"#))
        }
    }

    @Test func switchingWithoutTheCSRFTokenIsRefused_fails() async throws {
        try await withTestApp { app in
            var browser = WebBrowser(app)
            try await browser.get("/")
            let missing = try await browser.post("/language", [("lang", "en")], csrf: .omit)
            #expect(missing.status == .forbidden)
            #expect(missing.body.string.contains("表单已过期"))
            #expect(browser.setCookie(named: "lang") == nil)
            let forged = try await browser.post(
                "/language", [("lang", "en")], csrf: .value(String(repeating: "A", count: 43)))
            #expect(forged.status == .forbidden)
            // A cross-site post is refused even with the right token.
            let crossSite = try await browser.post(
                "/language", [("lang", "en")], headers: [("Sec-Fetch-Site", "cross-site")])
            #expect(crossSite.status == .forbidden)
            let homeAfterRefusals = try await browser.get("/").body.string
            #expect(homeAfterRefusals.contains(#"<html lang="zh-Hans">"#))
        }
    }

    @Test func badLanguageOrForeignDestinationIsHandled() async throws {
        try await withTestApp { app in
            var browser = WebBrowser(app)
            try await browser.get("/")
            let unknown = try await browser.post("/language", [("lang", "fr"), ("next", "/")])
            #expect(unknown.status == .badRequest)
            let offSite = try await browser.post("/language", [("lang", "en"), ("next", "//evil.example/")])
            #expect(offSite.status == .seeOther)
            #expect(offSite.headers.first(name: .location) == "/")
            let action = try await browser.post("/language", [("lang", "en"), ("next", "/logout")])
            #expect(action.headers.first(name: .location) == "/")
        }
    }

    @Test(arguments: TestStore.available)
    func signedInSwitchBecomesTheAccountsPreference(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            _ = try await app.registerAndLogIn("mei")
            var browser = WebBrowser(app)
            try await browser.get("/login")
            try await browser.post("/login", [("username", "mei"), ("password", "correct horse")])
            try await browser.get("/")
            try await browser.post("/language", [("lang", "en"), ("next", "/")])
            let account = try #require(try await Account.query(on: app.db).filter(\.$username == "mei").first())
            #expect(account.preferredLanguage == "en")

            // Another browser, with Chinese preferred, gets English once signed in.
            var phone = WebBrowser(app, acceptLanguage: "zh-CN")
            try await phone.get("/login")
            try await phone.post("/login", [("username", "mei"), ("password", "correct horse")])
            let phoneHome = try await phone.get("/").body.string
            #expect(phoneHome.contains(#"<html lang="en">"#))
        }
    }

    /// The visitor's choice wins until they change it: signing in to an account that prefers
    /// English does not switch a browser that chose Chinese, nor does it change the account.
    @Test(arguments: TestStore.available)
    func theVisitorsChosenLanguageWinsOverTheAccounts(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            _ = try await app.registerAndLogIn("mei")
            let account = try #require(try await Account.query(on: app.db).filter(\.$username == "mei").first())
            account.preferredLanguage = "en"
            try await account.save(on: app.db)

            var browser = WebBrowser(app, acceptLanguage: "en")
            try await browser.get("/login")
            try await browser.post("/language", [("lang", "zh-Hans"), ("next", "/login")])
            let signedIn = try await browser.post("/login", [("username", "mei"), ("password", "correct horse")])
            #expect((signedIn.headers.setCookie?["lang"]?.string ?? "zh-Hans") == "zh-Hans")
            #expect(try await browser.get("/").body.string.contains(#"<html lang="zh-Hans">"#))
            #expect(try await browser.get("/orders").body.string.contains(#"<html lang="zh-Hans">"#))
            #expect(try await Account.find(account.id, on: app.db)?.preferredLanguage == "en")

            // Switching while signed in changes both, and the next page keeps it.
            try await browser.post("/language", [("lang", "en"), ("next", "/")])
            #expect(try await browser.get("/").body.string.contains(#"<html lang="en">"#))
        }
    }
}
