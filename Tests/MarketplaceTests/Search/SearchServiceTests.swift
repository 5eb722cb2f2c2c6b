import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Testing

@Suite("Search: Chinese and English, filters, sorts, paging, on every database")
struct SearchServiceTests {
    @Test(arguments: TestStore.available)
    func oneCharacterAndTwoCharacterWords(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let catalogue = try await SearchCatalogue.make(county)
            #expect(try await catalogue.numbers(.init(text: "裙")) == [1, 2])
            // 汉服 in the title outranks 汉服 only in the category name (演出服与汉服);
            // the suspended shop's 6 and the unlisted 7 never appear.
            #expect(try await catalogue.numbers(.init(text: "汉服")) == [1, 3, 2])
            #expect(try await catalogue.numbers(.init(text: "马面裙")) == [1])
            #expect(try await catalogue.numbers(.init(text: "粉条")) == [5])
            #expect(try await catalogue.numbers(.init(text: "汉服披风")).isEmpty)
        }
    }

    @Test(arguments: TestStore.available)
    func mixedScriptsAndEnglish(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let catalogue = try await SearchCatalogue.make(county)
            #expect(try await catalogue.numbers(.init(text: "hanfu 汉服")) == [3, 1, 2])
            #expect(try await catalogue.numbers(.init(text: "ＨＡＮＦＵ")) == [3, 1, 2])
            #expect(try await catalogue.numbers(.init(text: "table")) == [4])
            #expect(try await catalogue.numbers(.init(text: "solid wood dining table")) == [4])
            #expect(try await catalogue.numbers(.init(text: "Wooden toy")) == [8])
            #expect(try await catalogue.numbers(.init(text: "furniture")) == [4])  // the category's English name
            #expect(try await catalogue.numbers(.init(text: "wooden table")).isEmpty)  // every word must match
            #expect(try await catalogue.numbers(.init(text: "!!!")).isEmpty)
        }
    }

    @Test(arguments: TestStore.available)
    func filters(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let c = try await SearchCatalogue.make(county)
            #expect(try await c.numbers(.init(categoryID: CategoryTaxonomy.id(for: "furniture"))) == [4])
            #expect(try await c.numbers(.init(villageID: c.shijing, sort: .priceAsc)) == [5, 3, 4])
            #expect(try await c.numbers(.init(townID: c.dayingTown, sort: .priceAsc)) == [8, 2, 1])
            #expect(
                try await c.numbers(.init(minPriceMinor: 1_000, maxPriceMinor: 10_000, sort: .priceAsc)) == [5, 8, 2])
            #expect(try await c.numbers(.init(inStockOnly: true, sort: .priceAsc)) == [5, 8, 3, 1, 4])
            // 3's 199.00 variant is out of stock and its 159.00 one is outside the range.
            #expect(try await c.numbers(.init(minPriceMinor: 19_000, maxPriceMinor: 20_000, inStockOnly: true)).isEmpty)
            #expect(try await c.numbers(.init(minPriceMinor: 19_000, maxPriceMinor: 20_000)) == [3])
            #expect(try await c.numbers(.init(text: "汉服", townID: c.dayingTown)) == [1, 2])
        }
    }

    @Test(arguments: TestStore.available)
    func sorts(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let c = try await SearchCatalogue.make(county)
            #expect(try await c.numbers(.init(sort: .priceAsc)) == [5, 8, 2, 3, 1, 4])
            #expect(try await c.numbers(.init(sort: .priceDesc)) == [4, 1, 3, 2, 8, 5])
            #expect(try await c.numbers(.init(sort: .newest)) == [8, 5, 4, 3, 2, 1])
            #expect(try await c.numbers(.init(sort: .relevance)) == [8, 5, 4, 3, 2, 1])
            #expect(try await c.numbers(.init(text: "汉服", sort: .priceAsc)) == [2, 3, 1])

            let buyer = try await MarketplaceFixture.makeAccount(county, "search-buyer")
            let checkouts = CheckoutService(context: county.marketplace)
            for (number, quantity, key) in [(5, 3, "sales-key-0001"), (8, 1, "sales-key-0002")] {
                let variant = SearchCatalogue.productID(number * 10 + 1000)
                _ = try await checkouts.checkout(
                    .init(
                        items: [.init(variantID: variant, quantity: quantity)], delivery: MarketplaceFixture.delivery,
                        paymentMethod: .online),
                    idempotencyKey: key, by: buyer, on: county.db)
            }
            #expect(try await c.numbers(.init(sort: .sales)) == [5, 8, 1, 2, 3, 4])
        }
    }

    @Test(arguments: TestStore.available)
    func pagingKeepsTheTotal(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            _ = try await SearchCatalogue.make(county)
            let second = try await SearchService().search(.init(sort: .priceAsc, limit: 2, offset: 2), on: county.db)
            #expect(second.items.map { SearchCatalogue.number(of: $0.productID) } == [2, 3])
            #expect(second.total == 6)
            #expect(second.items.first?.inStock == false)
            #expect(second.items.last?.minPriceMinor == 15_900)
            let last = try await SearchService().search(.init(sort: .priceAsc, limit: 2, offset: 4), on: county.db)
            #expect(last.items.map { SearchCatalogue.number(of: $0.productID) } == [1, 4])
            #expect(!last.hasMore)
            let beyond = try await SearchService().search(.init(sort: .priceAsc, limit: 2, offset: 6), on: county.db)
            #expect(beyond.items.isEmpty && beyond.total == 6)
            let short = try await SearchService().search(.init(text: "汉服", limit: 100), on: county.db)
            #expect(short.total == 3)
        }
    }

    @Test(arguments: TestStore.available)
    func reindexFollowsChangesAndSuspensionHides(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let c = try await SearchCatalogue.make(county)
            let product = try #require(try await Product.find(SearchCatalogue.productID(5), on: county.db))
            product.title = "手工挂面"
            try await product.save(on: county.db)
            try await SearchIndex.reindex(productID: SearchCatalogue.productID(5), on: county.db)
            #expect(try await c.numbers(.init(text: "粉条")).isEmpty)
            #expect(try await c.numbers(.init(text: "挂面")) == [5])

            let shop = try #require(try await Shop.find(c.shopB, on: county.db))
            shop.status = .suspended
            try await shop.save(on: county.db)
            #expect(try await c.numbers(.init(text: "hanfu")) == [1, 2])  // 3 was in shop B

            try await product.delete(on: county.db)
            try await SearchIndex.reindex(productID: SearchCatalogue.productID(5), on: county.db)
            try await SearchIndex.rebuildAll(on: county.db)
            #expect(try await c.numbers(.init(text: "挂面")).isEmpty)
            #expect(try await c.numbers(.init(text: "汉服")) == [1, 2])
        }
    }

    @Test(arguments: TestStore.available)
    func catalogServiceProductsAreSearchableOnceIndexed(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product("明制汉服 马面裙", variants: [("M", 19_900, 2)]).first)
            try await SearchIndex.reindex(productID: variant.$product.id, on: county.db)
            let hits = try await SearchService().search(.init(text: "马面裙"), on: county.db)
            #expect(hits.items.map(\.productID) == [variant.$product.id])
            #expect(hits.items.first?.minPriceMinor == 19_900)
        }
    }

    @Test(arguments: [
        (SearchQuery(limit: 0), "limit"), (SearchQuery(limit: 1_000), "limit"), (SearchQuery(offset: -1), "offset"),
        (SearchQuery(minPriceMinor: 500, maxPriceMinor: 100), "minPrice"), (SearchQuery(minPriceMinor: -1), "minPrice"),
        (SearchQuery(text: String(repeating: "长", count: 101)), "q"), (SearchQuery(text: "a\u{0}b"), "q"),
    ])
    func badInputNamesTheField_fails(query: SearchQuery, field: String) async throws {
        let problem = try #require(throws: Problem.self) { try query.validatedTerms() }
        #expect(problem.field == field)
        #expect(problem.status == 422 || problem.status == 400)
    }

    /// The same queries give exactly the same hits, scores included, on SQLite and PostgreSQL.
    @Test func sqliteAndPostgresAgree() async throws {
        let queries: [SearchQuery] = [
            .init(text: "汉服"), .init(text: "裙"), .init(text: "hanfu 汉服"), .init(text: "wood"), .init(),
            .init(sort: .priceAsc), .init(sort: .priceDesc), .init(sort: .sales), .init(sort: .newest),
            .init(text: "服", inStockOnly: true),
            .init(minPriceMinor: 2_000, maxPriceMinor: 20_000, limit: 2, offset: 1),
        ]
        var results: [TestStore: [[SearchHit]]] = [:]
        for store in TestStore.available {
            results[store] = try await withTestMarket(on: store) { county in
                _ = try await SearchCatalogue.make(county)
                var lists: [[SearchHit]] = []
                for query in queries { lists.append(try await SearchService().search(query, on: county.db).items) }
                return lists
            }
        }
        let sqlite = try #require(results[.sqlite])
        #expect(sqlite[0].map { SearchCatalogue.number(of: $0.productID) } == [1, 3, 2])
        if let postgres = results[.postgres] {
            #expect(postgres == sqlite)
        }
    }
}
