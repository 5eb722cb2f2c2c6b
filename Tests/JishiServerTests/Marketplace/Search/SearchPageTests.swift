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

@Suite("Search page: cursor paging and the filter bar's counts")
struct SearchPageTests {
    /// A shop the demo seller opens in Dingzhuang: the seller's token, the village and the shop.
    static func openShop(_ app: Application, named name: String) async throws -> (
        seller: String, village: UUID, shopID: String
    ) {
        let seller = try await app.logIn("seller", password: DemoCounty.password)
        let village = try #require(
            try await Village.query(on: app.db).filter(\.$nameEn == "Dingzhuang").first()?.requireID())
        let shop = try await app.send(
            .POST, "/api/v1/shops", json: #"{"name":"\#(name)","villageId":"\#(village)","kind":"individual"}"#,
            token: seller)
        return (seller, village, try #require(try shop.json()["id"] as? String))
    }

    /// 25 products whose titles share 测试: more than one page of 20.
    static func seed(_ app: Application) async throws {
        let (seller, _, shopID) = try await openShop(app, named: "测试小店")
        for number in 1...25 {
            let made = try await app.send(
                .POST, "/api/v1/shops/\(shopID)/products",
                json:
                    #"{"title":"测试商品 \#(number)","description":"","categoryId":"\#(CategoryTaxonomy.id(for: "farm"))","variants":[{"sku":"A","priceMinor":\#(1_000 + number),"currency":"CNY","stock":1}]}"#,
                token: seller)
            #expect(made.status == .created || made.status == .ok, "\(made.body.string)")
        }
    }

    @Test(arguments: TestStore.available)
    func nextContinuesAfterTheLastResult(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await Self.seed(app)
            var browser = WebBrowser(app, acceptLanguage: "en")
            let first = try await browser.get("/search?q=%E6%B5%8B%E8%AF%95&sort=price_asc")
            #expect(first.status == .ok)
            let page = first.body.string
            #expect(page.contains("25 products · showing 1–20"))
            #expect(page.contains("测试商品 1<") && page.contains("测试商品 20<") && !page.contains("测试商品 21<"))
            // The category filter counts what each category would show: all 25 are farm products.
            #expect(page.contains("(25)"))
            let next = try #require(
                page.range(of: #"id="next-page" href="([^"]+)""#, options: .regularExpression).map {
                    String(page[$0]).replacingOccurrences(of: #"id="next-page" href=""#, with: "").dropLast()
                })
            let path = String(next).replacingOccurrences(of: "&amp;", with: "&")
            #expect(path.contains("after=") && path.contains("from=20"))
            let second = try await browser.get(path).body.string
            #expect(second.contains("25 products · showing 21–25"))
            #expect(second.contains("测试商品 21<") && second.contains("测试商品 25<") && !second.contains("测试商品 20<"))
            #expect(!second.contains(#"id="next-page""#))
            #expect(second.contains(">First page<"))

            let bad = try await browser.get("/search?q=%E6%B5%8B%E8%AF%95&after=nonsense")
            #expect(bad.status == .badRequest)
            #expect(!bad.body.string.contains(#"id="results""#))
        }
    }

    /// Past the count limit the page says "1,000+" rather than a number it did not count.
    @Test(arguments: TestStore.available)
    func aCountThatStoppedSaysSo(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let (_, village, shopText) = try await Self.openShop(app, named: "测试大店")
            let shopID = try #require(UUID(uuidString: shopText))
            try await app.db.transaction { db in
                var ids: [UUID] = []
                for number in 0...SearchQuery.countLimit {
                    let product = Product(
                        shopID: shopID, categoryID: CategoryTaxonomy.id(for: "farm"), title: "测试商品 \(number)",
                        description: "", originVillageID: village)
                    try await product.create(on: db)
                    try await Variant(
                        productID: try product.requireID(), sku: "T\(number)", name: "",
                        price: Money(minorUnits: 1_000), stock: 1, weightGrams: 0
                    ).create(on: db)
                    ids.append(try product.requireID())
                }
                try await SearchIndex.reindex(productIDs: ids, on: db)
            }
            var english = WebBrowser(app, acceptLanguage: "en")
            #expect(
                try await english.get("/search?q=%E6%B5%8B%E8%AF%95").body.string.contains(
                    "1,000+ products · showing 1–20"))
            var zh = WebBrowser(app, acceptLanguage: "zh-Hans")
            let chinese = try await zh.get("/search?q=%E6%B5%8B%E8%AF%95")
            #expect(chinese.body.string.contains("共 1,000+ 件商品"))
            let api = try await app.send(.GET, "/api/v1/search?q=%E6%B5%8B%E8%AF%95")
            #expect(try api.json()["total"] as? Int == SearchQuery.countLimit)
            #expect(try api.json()["totalCapped"] as? Bool == true)
        }
    }
}
