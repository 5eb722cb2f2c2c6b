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

@Suite("Search API: GET /api/v1/search")
struct SearchAPITests {
    /// Opens a shop and lists two products through the API, then indexes them.
    static func seed(_ app: Application) async throws -> (hanfu: String, table: String) {
        let seller = try await app.logIn("seller", password: DemoCounty.password)
        let village = try #require(
            try await Village.query(on: app.db).filter(\.$nameEn == "Dingzhuang").first()?.requireID())
        let shop = try await app.send(
            .POST, "/api/v1/shops", json: #"{"name":"丁庄汉服","villageId":"\#(village)","kind":"individual"}"#,
            token: seller)
        let shopID = try #require(try shop.json()["id"] as? String)
        var ids: [String] = []
        for (title, category, price, stock) in [
            ("明制汉服 马面裙", "costumes", 19_900, 2), ("Solid wood table 实木桌", "furniture", 88_000, 0),
        ] {
            let made = try await app.send(
                .POST, "/api/v1/shops/\(shopID)/products",
                json:
                    #"{"title":"\#(title)","description":"","categoryId":"\#(CategoryTaxonomy.id(for: category))","variants":[{"sku":"A","priceMinor":\#(price),"currency":"CNY","stock":\#(stock)}]}"#,
                token: seller)
            let id = try #require(try made.json()["id"] as? String)
            try await SearchIndex.reindex(productID: try #require(UUID(uuidString: id)), on: app.db)
            ids.append(id)
        }
        return (ids[0], ids[1])
    }

    @Test(arguments: TestStore.available)
    func findsChineseAndEnglish(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let (hanfu, table) = try await Self.seed(app)
            let q = "汉服".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            let response = try await app.send(.GET, "/api/v1/search?q=\(q)")
            #expect(response.status == .ok, "\(response.body.string)")
            let body = try response.json()
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(items.map { $0["productId"] as? String } == [hanfu])
            #expect(items.first?["minPriceMinor"] as? Int == 19_900)
            #expect(items.first?["inStock"] as? Bool == true)
            #expect(body["total"] as? Int == 1)
            #expect(body["limit"] as? Int == 20)

            let english = try await app.send(.GET, "/api/v1/search?q=WOOD%20table").json()
            #expect((english["items"] as? [[String: Any]])?.map { $0["productId"] as? String } == [table])
            let inStock = try await app.send(.GET, "/api/v1/search?inStock=true&sort=price_desc&limit=5").json()
            #expect((inStock["items"] as? [[String: Any]])?.map { $0["productId"] as? String } == [hanfu])
            let cheapFirst = try await app.send(.GET, "/api/v1/search?sort=price_asc&limit=1&offset=1").json()
            #expect((cheapFirst["items"] as? [[String: Any]])?.map { $0["productId"] as? String } == [table])
            #expect(cheapFirst["total"] as? Int == 2)
        }
    }

    /// `next` continues the list where the page ended; `facets=true` adds the filter bar's counts.
    @Test(arguments: TestStore.available)
    func cursorsAndFacets(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let (hanfu, table) = try await Self.seed(app)
            var seen: [String] = []
            var after = ""
            for _ in 0..<50 {
                let page = try await app.send(.GET, "/api/v1/search?sort=price_asc&limit=3\(after)").json()
                seen += (page["items"] as? [[String: Any]] ?? []).compactMap { $0["productId"] as? String }
                guard let next = page["next"] as? String else { break }
                after = "&after=\(next)"
            }
            let whole = try await app.send(.GET, "/api/v1/search?sort=price_asc&limit=100").json()
            #expect(seen == (whole["items"] as? [[String: Any]])?.compactMap { $0["productId"] as? String })
            #expect(seen.contains(hanfu) && seen.contains(table))

            let q = "汉服".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            let faceted = try await app.send(.GET, "/api/v1/search?q=\(q)&facets=true").json()
            let facets = try #require(faceted["facets"] as? [String: Any])
            let categories = try #require(facets["categories"] as? [[String: Any]])
            #expect(
                categories.contains {
                    ($0["id"] as? String)?.lowercased() == CategoryTaxonomy.id(for: "costumes").uuidString.lowercased()
                })
            let counted = categories.compactMap { $0["count"] as? Int }.reduce(0, +)
            #expect(counted == faceted["total"] as? Int)
            #expect((facets["towns"] as? [[String: Any]])?.isEmpty == false)
            #expect(facets["estimated"] as? Bool == false)  // a handful of matches: counted whole
            #expect(try await app.send(.GET, "/api/v1/search?q=\(q)").json()["facets"] == nil)
        }
    }

    @Test(arguments: [
        ("limit=0", "limit"), ("limit=1000", "limit"), ("offset=-1", "offset"),
        ("minPrice=500&maxPrice=100", "minPrice"),
        ("sort=cheapest", "sort"), ("category=not-a-uuid", "category"), ("village=123", "village"), ("town=x", "town"),
        ("after=not-a-cursor", "after"), ("after=bmV3ZXN0OzE7eA&sort=newest", "after"),
    ])
    func badInputIsAProblemNamingTheField_fails(query: String, field: String) async throws {
        try await withTestApp { app in
            let response = try await app.send(.GET, "/api/v1/search?\(query)")
            #expect((400..<500).contains(Int(response.status.code)), "\(query): \(response.body.string)")
            #expect(try response.json()["field"] as? String == field, "\(query): \(response.body.string)")
        }
    }

    /// A value of the wrong type is refused before the handler runs, as a 400 naming the parameter.
    @Test(arguments: [("limit=ten", "limit"), ("inStock=perhaps", "inStock"), ("minPrice=1.5", "minPrice")])
    func wrongTypeNamesTheParameter_fails(query: String, field: String) async throws {
        try await withTestApp { app in
            let response = try await app.send(.GET, "/api/v1/search?\(query)")
            #expect(response.status == .badRequest, "\(query): \(response.body.string)")
            #expect(try response.json()["field"] as? String == field, "\(query): \(response.body.string)")
        }
    }
}
