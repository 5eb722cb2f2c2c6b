import Community
import DomainTesting
import FluentKit
import Foundation
import JishiServer
import JishiServerTesting
import Logistics
import Marketplace
import Testing
import Vapor
import VaporTesting

/// What a phone on a slow village network downloads: every page gzipped over a real socket,
/// and the stylesheet once.
@Suite("Compressed pages and one cached stylesheet")
struct CompressionTests {
    /// Every page a buyer, a seller and a visitor open weighs under 8 KB gzipped, styles
    /// included only by the one stylesheet file.
    @Test func everyPageIsUnderEightKilobytesGzipped() async throws {
        try await withTestApp(on: .sqlite, seedDemo: true) { app in
            try await DemoMarket.load(on: app.db, services: app.jishi)
            try await LogisticsDemo.load(on: app.db)
            let shop = DemoMarket.id("shop.hanfu").uuidString.lowercased()
            let product = DemoMarket.id("product.mamian").uuidString.lowercased()
            let order = try #require(try await Order.query(on: app.db).first()).id!.uuidString.lowercased()
            let pages: [(String?, [String])] = [
                (
                    nil,
                    [
                        "/", "/search", "/search?q=%E6%B1%89%E6%9C%8D", "/products/\(product)", "/login", "/register",
                        "/phone",
                    ]
                ),
                ("admin", ["/manage", "/admin/outbox", "/manage/accounts", "/manage/categories", "/manage/shops"]),
                ("official", ["/manage", "/manage/reviews", "/manage/shops"]),
                ("dispatcher", ["/manage", "/network"]),
                ("buyer", ["/", "/cart", "/checkout", "/orders", "/messages"]),
                (
                    "seller",
                    [
                        "/shops", "/shops/new", "/shops/\(shop)", "/shops/\(shop)/orders",
                        "/shops/\(shop)/packing-list",
                        "/shops/\(shop)/statement", "/shops/\(shop)/products/new", "/products/\(product)/edit",
                        "/orders/\(order)", "/shops/\(shop)/resellers", "/shops/\(shop)/sourcing",
                        "/shops/\(shop)/messages", "/shops/\(shop)/reviews",
                    ]
                ),
            ]
            let live = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            for (username, paths) in pages {
                var browser = WebBrowser(app, acceptLanguage: "zh-CN")
                if let username {
                    try await browser.get("/login")
                    try await browser.post("/login", [("username", username), ("password", DemoCounty.password)])
                }
                for path in paths {
                    var headers = HTTPHeaders()
                    headers.replaceOrAdd(name: .accept, value: "text/html")
                    headers.replaceOrAdd(name: .acceptEncoding, value: "gzip")
                    headers.replaceOrAdd(
                        name: .cookie,
                        value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
                    let page = try await live.sendRequest(.GET, path, headers: headers)
                    let who = username ?? "visitor"
                    #expect(page.status == .ok, "\(who) \(path): \(page.status)")
                    #expect(page.headers.first(name: .contentEncoding) == "gzip", "\(who) \(path)")
                    #expect(page.body.readableBytes < 8_192, "\(who) \(path): \(page.body.readableBytes) bytes")
                }
            }
        }
    }

    /// The stylesheet is one file named by its content, cached for a year; pages link it and
    /// allow no other style. Small answers go uncompressed.
    @Test func theStylesheetIsOneImmutableFileAndSmallAnswersStayPlain() async throws {
        try await withTestApp(on: .sqlite) { app in
            var browser = WebBrowser(app)
            let home = try await browser.get("/")
            let html = home.body.string
            #expect(!html.contains("<style"))
            let link = try #require(
                html.range(
                    of: #"<link rel="stylesheet" href="/assets/site-[0-9a-f]{12}\.css"/>"#, options: .regularExpression)
            )
            let path = String(html[link].split(separator: "\"")[3])
            #expect(home.headers.first(name: "Content-Security-Policy")?.contains("style-src 'self';") == true)

            let live = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .acceptEncoding, value: "gzip")
            let css = try await live.sendRequest(.GET, path, headers: headers)
            #expect(css.status == .ok)
            #expect(css.headers.first(name: .contentType) == "text/css; charset=utf-8")
            #expect(css.headers.first(name: .cacheControl) == "public, max-age=31536000, immutable")
            #expect(css.headers.first(name: .contentEncoding) == "gzip")
            #expect(css.body.readableBytes < 6_000)
            // A stylesheet of another content is not there.
            #expect(try await live.sendRequest(.GET, "/assets/site-000000000000.css").status == .notFound)
            // Without Accept-Encoding, nothing is compressed; a small answer never is.
            let plain = try await live.sendRequest(.GET, path)
            #expect(plain.headers.first(name: .contentEncoding) == nil)
            #expect(plain.body.string.contains("@media print"))
            let health = try await live.sendRequest(.GET, "/healthz", headers: headers)
            #expect(health.status == .ok && health.headers.first(name: .contentEncoding) == nil)
        }
    }
}
