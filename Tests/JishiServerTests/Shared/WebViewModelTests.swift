import Community
import Foundation
import JishiKit
import Plot
import Testing

@testable import JishiServer

/// Pages built from hand-made view models, without an app or a database.
@Suite("Web: view models render")
struct WebViewModelTests {
    static let model = HomePage.Model(
        county: HomePage.Name(zhHans: "样例县", en: "Sample County"),
        towns: [
            HomePage.TownEntry(
                id: UUID(), name: HomePage.Name(zhHans: "东镇", en: "East Town"),
                villages: [
                    HomePage.VillageEntry(
                        id: UUID(), name: HomePage.Name(zhHans: "石井村", en: "Shijing"), households: 2_380,
                        specialty: .urbanWholesale
                    ),
                    HomePage.VillageEntry(
                        id: UUID(), name: HomePage.Name(zhHans: "<b>坏</b>村", en: "Bad & <i>Co</i>"), households: 7,
                        specialty: .handicrafts),
                ])
        ])

    static func context(_ language: JishiKit.Language, signedIn: Bool = false) -> PageContext {
        PageContext(
            language: language,
            viewer: signedIn ? WebSession.Viewer(accountID: UUID(), username: "mei", displayName: "李梅") : nil,
            csrfToken: "TOKEN", current: .home)
    }

    @Test func homeRendersTheModelInChinese() {
        let html = HomePage.View(model: Self.model, context: Self.context(.zhHans)).html.render()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>乡镇与村 · 集市</title>"))
        #expect(html.contains("<h1>样例县的乡镇与村</h1>"))
        #expect(html.contains("1 个乡镇 · 2 个村 · 2,387 户"))
        #expect(html.contains("2 个村 · 2,387 户"))
        #expect(html.contains(#"<span class="tag">城中村批发</span>2,380 户"#))
        #expect(html.contains(#"<span class="tag">手工艺品</span>7 户"#))
        #expect(html.contains("&lt;b&gt;坏&lt;/b&gt;村"))
        #expect(!html.contains("<b>"))
        #expect(html.contains(#"<a href="/" aria-current="page">首页</a>"#))
        #expect(html.contains(#"<input type="hidden" name="csrf" value="TOKEN"/>"#))
        #expect(html.contains(#"value="en""#) && html.contains(">English</button>"))
        #expect(html.contains(#"href="/register""#), "signed out: a call to register")
    }

    @Test func homeRendersTheModelInEnglishWithChineseNamesBeside() {
        let html = HomePage.View(model: Self.model, context: Self.context(.en, signedIn: true)).html.render()
        #expect(html.contains(#"<html lang="en">"#))
        #expect(html.contains("<h1>Towns and villages of Sample County</h1>"))
        #expect(html.contains(#"Shijing<span class="v-alt" lang="zh-Hans">石井村</span>"#))
        #expect(html.contains("Bad &amp; &lt;i&gt;Co&lt;/i&gt;"))
        #expect(html.contains("2,380 households"))
        #expect(html.contains("Hello, 李梅"))
        #expect(html.contains(">中文</button>"))
        #expect(!html.contains(#"href="/register""#), "signed in: no register link")
    }

    @Test func emptyCountySaysSo() {
        let empty = HomePage.Model(county: HomePage.Name(zhHans: "", en: ""), towns: [])
        let html = HomePage.View(model: empty, context: Self.context(.en)).html.render()
        #expect(html.contains("No towns or villages have been entered yet."))
    }

    @Test func registerModelValidatesEachField() {
        let valid = RegisterPage.Model(
            form: RegisterForm(csrf: nil, username: "mei_1", displayName: "李梅", password: "12345678", role: "buyer"))
        #expect(valid.errors.isEmpty)
        let invalid = RegisterPage.Model(
            form: RegisterForm(
                csrf: nil, username: String(repeating: "a", count: 33), displayName: nil,
                password: String(repeating: "p", count: 129), role: "official"))
        #expect(invalid.errors[.username] == FormMessage(.errorUsernameLength, "3", "32"))
        #expect(invalid.errors[.displayName] == FormMessage(.errorRequired))
        #expect(invalid.errors[.password] == FormMessage(.errorPasswordLength, "8", "128"))
        #expect(invalid.errors[.role] == FormMessage(.errorRoleInvalid))
        #expect(invalid.role == .buyer)

        let html = RegisterPage.View(model: invalid, context: Self.context(.en)).html.render()
        #expect(html.contains("A username has 3 to 32 characters."))
        #expect(html.contains(#"aria-describedby="username-hint username-error""#))
        #expect(html.contains(#"id="role-buyer" checked"#))
    }

    @Test func errorPageShowsTheLocalisedProblem() {
        let model = ErrorPage.Model(problem: Problem(type: .csrf))
        #expect(model == ErrorPage.Model(status: 403, title: .problemCSRF))
        let context = PageContext(language: .en, csrfToken: "T", current: nil, knowsViewer: false)
        let html = ErrorPage.View(model: model, context: context).html.render()
        #expect(html.contains("The form has expired; reload the page and try again."))
        #expect(html.contains("Error 403"))
        #expect(!html.contains(#"href="/login""#), "an error page does not guess who is signed in")
        #expect(ErrorPage.Model(problem: Problem(type: .notFound)).title == .problemNotFound)
    }

    @Test func sitePathsAreUniqueAndOnlyPagesAreDestinations() {
        #expect(Set(SitePath.allCases.map(\.path)).count == SitePath.allCases.count)
        #expect(SitePath.page(at: "/register") == .register)
        #expect(SitePath.page(at: "/logout") == nil)
        #expect(SitePath.page(at: "https://evil.example/") == nil)
        #expect(SitePath.page(at: nil) == nil)
    }

    @Test func csrfTokensCompareExactly() {
        let token = CSRFToken(cookie: String(repeating: "a", count: 43))
        #expect(token?.matches(String(repeating: "a", count: 43)) == true)
        #expect(token?.matches(String(repeating: "a", count: 42) + "b") == false)
        #expect(token?.matches("") == false)
        #expect(CSRFToken(cookie: "short") == nil)
        #expect(CSRFToken(cookie: String(repeating: "%", count: 43)) == nil)
    }

    @Test func localisationArgumentsAreFilledInOnce() {
        #expect(Localization.string(.signedInAs, .en, "{1}") == "Hello, {1}")
        #expect(Localization.string(.homeSummary, .en, "1", "2", "3") == "1 towns · 2 villages · 3 households")
    }
}
