import Community
import DomainTesting
import FluentKit
import JishiKit
import JishiServer
import JishiServerTesting
import Testing
import Vapor

@Suite("Web: home page, layout and error pages")
struct WebHomePageTests {
    @Test(arguments: TestStore.available)
    func homeListsEveryTownAndVillageInChinese(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            var browser = WebBrowser(app)
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains(#"<html lang="zh-Hans">"#))
            #expect(html.contains("大集县的乡镇与村"))
            for town in DemoCounty.towns {
                #expect(html.contains(town.name), "missing town \(town.name)")
                for village in town.villages {
                    #expect(html.contains(">\(village.name)<"), "missing village \(village.name)")
                }
            }
            #expect(html.contains("演出服饰") && html.contains("城中村批发"))
            #expect(html.contains("2,380 户"))
            #expect(html.contains("4 个乡镇 · 31 个村"))
            #expect(!html.contains("Dingzhuang"))
        }
    }

    @Test(arguments: TestStore.available)
    func homeListsEveryTownAndVillageInEnglish(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            var browser = WebBrowser(app, acceptLanguage: "en-GB,en;q=0.9,zh;q=0.5")
            let html = try await browser.get("/").body.string
            #expect(html.contains(#"<html lang="en">"#))
            #expect(html.contains("Towns and villages of Daji County"))
            for town in DemoCounty.towns {
                #expect(html.contains(town.nameEn), "missing town \(town.nameEn)")
                for village in town.villages {
                    #expect(html.contains(">\(village.nameEn)<"), "missing village \(village.nameEn)")
                }
            }
            #expect(html.contains("Performance costumes") && html.contains("Farm products"))
            #expect(html.contains("2,380 households"))
            #expect(html.contains("4 towns · 31 villages"))
        }
    }

    @Test func everyPageWeighsUnder60KB() async throws {
        try await withTestApp(seedDemo: true) { app in
            for language in ["zh-CN", "en"] {
                var browser = WebBrowser(app, acceptLanguage: language)
                for path in ["/", "/register", "/login", "/no-such-page"] {
                    let page = try await browser.get(path)
                    #expect(page.headers.first(name: .contentType) == "text/html; charset=utf-8")
                    #expect(
                        page.body.readableBytes < 60_000, "\(path) in \(language): \(page.body.readableBytes) bytes")
                    #expect(page.body.readableBytes > 1_000, "\(path) is suspiciously small")
                }
            }
        }
    }

    @Test func pagesAreNotCachedAndAllowNoScript() async throws {
        try await withTestApp { app in
            var browser = WebBrowser(app)
            let page = try await browser.get("/")
            #expect(page.headers.first(name: .cacheControl) == "no-store")
            let policy = try #require(page.headers.first(name: "Content-Security-Policy"))
            #expect(policy.contains("default-src 'none'") && policy.contains("style-src 'self';"))
            #expect(!policy.contains("script-src"))
            #expect(!page.body.string.contains("<script"))
            // The first page hands out the CSRF key: HttpOnly, SameSite=Lax, not Secure by default;
            // the form's token is bound to it, not a copy of it.
            let csrf = try #require(browser.setCookie(named: "csrf"))
            #expect(csrf.contains("HttpOnly") && csrf.contains("SameSite=Lax") && !csrf.contains("Secure"))
            #expect(browser.csrfToken != nil && browser.csrfToken != browser.cookies["csrf"])
        }
    }

    @Test func cookiesAreSecureWhenConfigured() async throws {
        let secure: (inout JishiConfig) -> Void = { $0.http.secureCookies = true }
        try await withTestApp(adjust: secure) { app in
            var browser = WebBrowser(app)
            try await browser.get("/")
            // Behind HTTPS the security cookies take the __Host- prefix: no subdomain can plant them.
            #expect(browser.setCookie(named: "csrf") == nil)
            #expect(try #require(browser.setCookie(named: "__Host-csrf")).contains("Secure"))
        }
    }

    @Test func unknownPageIsALocalisedErrorPage() async throws {
        try await withTestApp { app in
            var browser = WebBrowser(app)
            let chinese = try await browser.get("/no-such-page")
            #expect(chinese.status == .notFound)
            #expect(chinese.body.string.contains("找不到这个页面。"))
            #expect(chinese.body.string.contains("错误代码 404"))

            var english = WebBrowser(app, acceptLanguage: "en")
            let page = try await english.get("/no-such-page")
            #expect(page.status == .notFound)
            #expect(page.body.string.contains("There is no page at this address."))
            // The API keeps answering problem+json.
            try await app.send(.GET, "/api/v1/no-such-thing").expectProblem(.notFound)
        }
    }

    /// Someone signed in who reaches an error page keeps their menu (orders, log out).
    @Test func anErrorPageKeepsTheSignedInFrame() async throws {
        try await withTestApp { app in
            _ = try await app.registerAndLogIn("mei")
            var browser = WebBrowser(app, acceptLanguage: "en")
            try await browser.get("/login")
            try await browser.post("/login", [("username", "mei"), ("password", "correct horse")])
            let page = try await browser.get("/orders/\(UUID())")
            #expect(page.status == .notFound)
            #expect(page.body.string.contains(#"id="log-out""#) && page.body.string.contains(#"href="/orders""#))
            // Signed out, the frame has the log-in link instead.
            var stranger = WebBrowser(app, acceptLanguage: "en")
            let anonymous = try await stranger.get("/no-such-page").body.string
            #expect(!anonymous.contains(#"id="log-out""#))
        }
    }

    /// A buyer whose household is in Taoyuan sees a row of what sells in Taoyuan's township; a
    /// buyer whose orders went to a town with nothing for sale, and a visitor Jishi knows nothing
    /// about, see no such row.
    @Test func aSignedInBuyerSeesTheirOwnTownsProducts() async throws {
        try await withTestApp(seedDemo: true) { app in
            try await DemoMarket.load(on: app.db, services: app.jishi)
            var buyer = WebBrowser(app, acceptLanguage: "zh-CN")
            try await buyer.get("/login")
            try await buyer.post("/login", [("username", "buyer"), ("password", DemoCounty.password)])
            // The demo buyer's orders went to Shijing, whose town sells nothing yet.
            #expect(!(try await buyer.get("/").body.string.contains(#"id="home-nearby""#)))

            let taoyuan = try #require(try await Village.query(on: app.db).filter(\.$name == "桃园村").first())
            let town = try #require(try await Town.find(taoyuan.$town.id, on: app.db))
            let household = Household(villageID: try taoyuan.requireID(), headName: "李敏", members: 3)
            try await household.create(on: app.db)
            let account = try #require(try await Account.query(on: app.db).filter(\.$username == "buyer").first())
            account.$household.id = household.id
            try await account.save(on: app.db)
            let home = try await buyer.get("/").body.string
            #expect(home.contains(#"id="home-nearby""#))
            #expect(home.contains("From \(town.nameEn), your town"))
            #expect(home.contains("?town=\(try town.requireID().uuidString.lowercased())&sort=sales"))
            var visitor = WebBrowser(app)
            #expect(!(try await visitor.get("/").body.string.contains(#"id="home-nearby""#)))
        }
    }

    @Test func everyProblemTypeHasItsOwnLocalisedTitle() {
        let keys = ProblemType.allCases.map(\.titleKey)
        #expect(Set(keys).count == ProblemType.allCases.count)
        for type in ProblemType.allCases {
            #expect(ProblemType(uri: type.uri) == type)
            for language in JishiKit.Language.allCases {
                #expect(Localization.string(type.titleKey, language) != type.titleKey.rawValue)
            }
        }
        #expect(ProblemType(uri: "https://example.com/problems/validation") == nil)
    }
}
