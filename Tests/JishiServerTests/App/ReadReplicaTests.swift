import Community
import DomainTesting
import Foundation
import JishiKit
import JishiServerTesting
import Plot
import SQLKit
import Testing
import Vapor

@testable import JishiServer

/// `DATABASE_READ_URL`: search, dashboards and reports read the replica, and their pages say how
/// fresh the figures are. The real streaming replica is `LoadBalancerTests`' (`jishiTests`);
/// here the "replica" is the primary itself (not in recovery, so live) or a server that does not
/// answer (so the primary, live).
@Suite("Read replica: configuration, fallback and the freshness line")
struct ReadReplicaTests {
    @Test func aReadURLMustBePostgreSQLBesideAPostgreSQLPrimary() throws {
        let error = #expect(throws: ConfigError.self) {
            try JishiConfig.load(environment: ["DATABASE_READ_URL": "sqlite:replica.sqlite"])
        }
        #expect(error?.variable == "DATABASE_READ_URL")
        #expect(throws: ConfigError.self) {
            try JishiConfig.load(environment: ["DATABASE_READ_URL": "postgres://nobody"])
        }
        let beside = try JishiConfig.load(environment: [
            "DATABASE_URL": "sqlite:jishi.sqlite", "DATABASE_READ_URL": "postgres://jishi:pw@127.0.0.1:5434/jishi",
        ])
        #expect(throws: ConfigError.self) { try beside.checkReadStore() }
        let both = try JishiConfig.load(environment: [
            "DATABASE_URL": "postgres://jishi:pw@127.0.0.1:5433/jishi",
            "DATABASE_READ_URL": "postgres://jishi:pw@127.0.0.1:5434/jishi",
        ])
        try both.checkReadStore()
        #expect(both.readStore == .postgres(url: "postgres://jishi:pw@127.0.0.1:5434/jishi"))
        #expect(try JishiConfig.load(environment: [:]).readStore == nil)
    }

    @Test func theFreshnessLineSaysLiveOrHowOldInBothLanguages() {
        let asOf = Date(timeIntervalSince1970: 1_764_900_000)  // 2025-12-05 02:00:00 UTC: 10:00:00 in the county
        func line(_ freshness: Freshness, _ language: JishiKit.Language) -> String {
            let context = PageContext(language: language, csrfToken: "", current: nil)
            let node: Node<HTML.BodyContext> = Widgets.freshness(freshness, context)
            return node.render()
        }
        #expect(line(.live, .en).contains("Live figures."))
        #expect(line(.live, .zhHans).contains("实时数据。"))
        #expect(line(.replica(asOf: asOf, lagSeconds: 3), .en).contains("Figures as of 10:00:00, about 3 s old."))
        #expect(line(.replica(asOf: asOf, lagSeconds: 3), .zhHans).contains("数据截至 10:00:00（约 3 秒前）。"))
        #expect(line(.live, .en).contains(#"id="freshness""#))
    }

    @Test(.enabled(if: TestStore.postgresURL != nil, "needs JISHI_TEST_POSTGRES_URL"))
    func searchAndReportsReadTheReplicaAndFallBackToThePrimary() async throws {
        let url = try #require(TestStore.postgresURL)
        // The "replica" is the primary: registered as `.replica`, not in recovery, so live.
        try await withTestApp(on: .postgres, seedDemo: true, adjust: { $0.readStore = .postgres(url: url) }) { app in
            #expect(app.databases.ids().contains(.replica))
            // Both pools connect without JIT compiling and with a short GIN pending list
            // (`SQLPostgresConfiguration.withSessionSettings`).
            for database in [app.db, app.db(.replica)] {
                let sql = try #require(database as? any SQLDatabase)
                let jit = try await sql.raw("SHOW jit").first()?.decode(column: "jit", as: String.self)
                #expect(jit == "off")
                let pending = try await sql.raw("SHOW gin_pending_list_limit").first()?
                    .decode(column: "gin_pending_list_limit", as: String.self)
                #expect(pending == "128kB")
            }
            try await SearchPageTests.seed(app)  // 25 products titled 测试商品 …
            var browser = WebBrowser(app, acceptLanguage: "en")
            let page = try await browser.get("/search?q=%E6%B1%89%E6%9C%8D")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(#"id="freshness""#) && page.body.string.contains("Live figures."))
            let api = try await app.send(.GET, "/api/v1/search?q=%E6%B5%8B%E8%AF%95")
            #expect(api.status == .ok)
            #expect(try api.json()["total"] as? Int == 25)
            let official = try await app.logIn("official", password: DemoCounty.password)
            #expect(try await app.send(.GET, "/api/v1/insights/growth", token: official).status == .ok)
            #expect(try await app.send(.GET, "/api/v1/insights/recognition?year=2025", token: official).status == .ok)
            _ = try await browser.post("/login", [("username", "official"), ("password", DemoCounty.password)])
            let growth = try await browser.get("/insights/growth")
            #expect(growth.status == .ok && growth.body.string.contains(#"id="freshness""#))
            let recognition = try await browser.get("/insights/recognition?year=2025")
            #expect(recognition.status == .ok && recognition.body.string.contains(#"id="freshness""#))
        }
        // A replica that does not answer: the primary serves the reads, live.
        try await withTestApp(
            on: .postgres, seedDemo: true,
            adjust: { $0.readStore = .postgres(url: "postgres://jishi:nothing@127.0.0.1:1/jishi") }
        ) { app in
            var browser = WebBrowser(app, acceptLanguage: "zh-CN")
            let page = try await browser.get("/search?q=%E6%B1%89%E6%9C%8D")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("实时数据。"))
            #expect(try await app.send(.GET, "/api/v1/search?q=%E6%B1%89%E6%9C%8D").status == .ok)
        }
    }
}

/// Behind HAProxy every request comes from 127.0.0.1: with `JISHI_TRUST_PROXY` the per-address
/// limits count the address the proxy saw instead.
@Suite("Behind a trusted proxy")
struct TrustedProxyTests {
    @Test func theAddressIsTheLastOneTheProxyAdded() throws {
        #expect(Request.forwardedAddress(["203.0.113.7"]) == "203.0.113.7")
        #expect(Request.forwardedAddress(["1.2.3.4, 203.0.113.7"]) == "203.0.113.7")
        #expect(Request.forwardedAddress(["9.9.9.9", "2001:db8::1"]) == "2001:db8::1")
        #expect(Request.forwardedAddress(["not-an-address"]) == nil)
        #expect(Request.forwardedAddress([]) == nil)
        #expect(try JishiConfig.load(environment: ["JISHI_TRUST_PROXY": "1"]).http.trustProxy)
        #expect(try !JishiConfig.load(environment: [:]).http.trustProxy)
        #expect(throws: ConfigError.self) { try JishiConfig.load(environment: ["JISHI_TRUST_PROXY": "maybe"]) }
    }
}
