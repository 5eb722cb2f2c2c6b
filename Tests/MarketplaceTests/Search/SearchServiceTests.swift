import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import SQLKit
import Testing

@Suite("Search: Chinese and English, filters, sorts, paging, on every database")
struct SearchServiceTests {
    @Test(arguments: TestStore.available)
    func oneCharacterAndTwoCharacterWords(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let catalogue = try await SearchCatalogue.make(county)
            // Equally relevant and unsold: the later product id first.
            #expect(try await catalogue.numbers(.init(text: "裙")) == [2, 1])
            // 汉服 in the title (汉, 服 and 汉服: three terms) outranks 汉服 only in the category
            // name (演出服与汉服; 服 in the title: one); the suspended shop's 6 and the unlisted 7
            // never appear.
            #expect(try await catalogue.numbers(.init(text: "汉服")) == [3, 1, 2])
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
            #expect(try await catalogue.numbers(.init(text: "ＨＡＮＦＵ")) == [3, 2, 1])
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
            // The range is the product's price (its cheapest variant's): 3's 199.00 variant does
            // not bring it in, its 159.00 does.
            #expect(try await c.numbers(.init(minPriceMinor: 19_000, maxPriceMinor: 20_000)).isEmpty)
            #expect(try await c.numbers(.init(minPriceMinor: 15_900, maxPriceMinor: 15_900, inStockOnly: true)) == [3])
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
            let payments = PaymentService(context: county.marketplace)
            // 4 is ordered but never paid: not a sale.
            for (number, quantity, key, paid) in [
                (5, 3, "sales-key-0001", true), (8, 1, "sales-key-0002", true), (4, 2, "sales-key-0003", false),
                (1, 1, "sales-key-0004", true),
            ] {
                let variant = SearchCatalogue.productID(number * 10 + 1000)
                let placed = try await checkouts.checkout(
                    .init(
                        items: [.init(variantID: variant, quantity: quantity)], delivery: MarketplaceFixture.delivery,
                        paymentMethod: .online),
                    idempotencyKey: key, by: buyer, on: county.db)
                if paid {
                    _ = try await payments.pay(
                        checkoutID: try placed.checkout.requireID(), provider: "sandbox", token: "tok_ok",
                        idempotencyKey: key + "-pay", by: buyer, on: county.db)
                }
            }
            // The rank keys the database computed carry the popularity rule's steps above the
            // row's own `doc` (PostgreSQL draws both in one INSERT): as the payments left them
            // (their sales took 5, 8 and 1 up a step), and after a rebuild.
            let sql = try #require(county.db as? any SQLDatabase)
            func rankKeysFollowThePopularityRule() async throws -> [any SQLRow] {
                let rows = try await sql.raw(
                    """
                    SELECT ss.sold AS sold, d.rated AS rated, d.rank_key AS rank_key, d.doc AS doc \
                    FROM search_documents d JOIN search_sales ss ON ss.product_id = d.product_id
                    """
                ).all()
                #expect(rows.count == 6)
                for row in rows {
                    let key = try row.decode(column: "rank_key", as: Int64.self)
                    let expected = SearchIndex.popularity(
                        sold: try row.decode(column: "sold", as: Int64.self),
                        rated: try row.decode(column: "rated", as: Int64.self))
                    #expect(key >> 40 == expected)
                    #expect(key & (1 << 40 - 1) == (try row.decode(column: "doc", as: Int64.self)))
                }
                return rows
            }
            _ = try await rankKeysFollowThePopularityRule()
            let sales = [5, 8, 1, 4, 3, 2]
            #expect(try await c.numbers(.init(sort: .sales)) == sales)
            #expect(try await c.numbers(.init(text: "hanfu")) == [3, 1, 2])
            // A rebuild counts the same sales from the orders' events.
            try await SearchIndex.rebuildAll(on: county.db)
            #expect(try await c.numbers(.init(sort: .sales)) == sales)
            // Among equally relevant products (hanfu not in 1's or 2's title), the better seller first.
            #expect(try await c.numbers(.init(text: "hanfu")) == [3, 1, 2])
            // The engine has each row.
            let rows = try await rankKeysFollowThePopularityRule()
            let engine =
                store == .postgres
                ? "SELECT COUNT(*) AS n FROM search_documents WHERE tsv IS NOT NULL"
                : "SELECT COUNT(*) AS n FROM search_fts"
            #expect(try await sql.raw(SQLQueryString(engine)).first()?.decode(column: "n", as: Int.self) == rows.count)
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

    /// Following `next` page after page gives exactly the one long list, in every order, with
    /// filters and with text; a cursor of another order is refused.
    @Test(arguments: TestStore.available)
    func cursorsWalkEveryOrder(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let c = try await SearchCatalogue.make(county)
            let service = SearchService()
            for base in [
                SearchQuery(), SearchQuery(text: "汉服"), SearchQuery(text: "服"), SearchQuery(inStockOnly: true),
                SearchQuery(townID: c.dayingTown), SearchQuery(maxPriceMinor: 20_000),
            ] {
                for sort in SearchQuery.Sort.allCases {
                    var whole = base
                    whole.sort = sort
                    whole.limit = 100
                    let expected = try await c.numbers(whole)
                    var walked: [Int] = []
                    var query = whole
                    query.limit = 2
                    var pages = 0
                    while true {
                        let page = try await service.search(query, on: county.db)
                        walked += page.items.map { SearchCatalogue.number(of: $0.productID) }
                        #expect(page.total == expected.count)
                        pages += 1
                        guard let next = page.next else { break }
                        query.after = next
                    }
                    #expect(walked == expected, "\(base.text ?? "") \(sort)")
                    #expect(pages == max(1, (expected.count + 1) / 2))
                }
            }
            let first = try await service.search(.init(sort: .priceAsc, limit: 2), on: county.db)
            let next = try #require(first.next)
            for bad in [SearchQuery(sort: .sales, after: next), SearchQuery(sort: .priceAsc, after: "not-a-cursor")] {
                let problem = try await #require(throws: Problem.self) { try await service.search(bad, on: county.db) }
                #expect(problem.field == "after")
            }
            let both = try #require(throws: Problem.self) {
                try SearchQuery(sort: .priceAsc, offset: 2, after: next).validatedTerms()
            }
            #expect(both.field == "after")
        }
    }

    /// Relevance tiers: every term in the title, then one of the query's words in the title, then
    /// the rest; an offset runs on from one tier into the next as a cursor does.
    @Test(arguments: TestStore.available)
    func relevanceTiersPageAcrossTiers(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let c = try await SearchCatalogue.make(county)
            // 3: hanfu and 汉服 in the title; 1: 汉服 (a word of the query) in it; 2: only 服.
            #expect(try await c.numbers(.init(text: "hanfu 汉服")) == [3, 1, 2])
            for offset in 0..<4 {
                #expect(
                    try await c.numbers(.init(text: "hanfu 汉服", limit: 1, offset: offset))
                        == Array([3, 1, 2].dropFirst(offset).prefix(1)))
            }
            let hits = try await SearchService().search(.init(text: "hanfu 汉服"), on: county.db).items
            #expect(hits.map(\.score) == [4, 3, 1])  // hanfu, 汉, 服, 汉服 in the title
        }
    }

    /// Popularity steps: units sold reach 1, 3, 10, 30 … and whole stars break ties within a step.
    @Test func popularitySteps() {
        #expect(SearchIndex.popularity(sold: 0, rated: 0) == 0)
        #expect(SearchIndex.popularity(sold: 0, rated: 4_900) == 4)
        #expect(SearchIndex.popularity(sold: 1, rated: 0) == 6)
        #expect(SearchIndex.popularity(sold: 2, rated: 5_000) == 11)
        #expect(SearchIndex.popularity(sold: 3, rated: 0) == 12)
        #expect(SearchIndex.popularity(sold: 2_000_000, rated: 9_999) == 83)
    }

    /// Walking an order's index and sorting every match give the same pages (the plan picks
    /// between them by the matches' count).
    @Test(arguments: TestStore.available)
    func bothWaysToAColumnOrderAgree(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let c = try await SearchCatalogue.make(county)
            for text in ["汉服", "服", "hanfu", "红色", "wood"] {
                for sort in SearchQuery.Sort.allCases {
                    for filter in [SearchQuery(), SearchQuery(inStockOnly: true), SearchQuery(townID: c.dayingTown)] {
                        var query = filter
                        query.text = text
                        query.sort = sort
                        query.limit = 1
                        var lists: [[[Int]]] = []
                        for path in SearchService.ColumnOrderPath.allCases {
                            let service = SearchService(columnOrderPath: path)
                            var pages: [[Int]] = []
                            var walking = query
                            while true {
                                let page = try await service.search(walking, on: county.db)
                                pages.append(page.items.map { SearchCatalogue.number(of: $0.productID) })
                                guard let next = page.next else { break }
                                walking.after = next
                            }
                            lists.append(pages)
                        }
                        #expect(lists.allSatisfy { $0 == lists[0] }, "\(text) \(sort)")
                    }
                }
            }
        }
    }

    /// On PostgreSQL with the `rum` extension (scripts/test installs it) the migration puts a RUM
    /// index on the terms and relevance reads it; the pages it gives are the walk's and the
    /// sort's (``bothWaysToAColumnOrderAgree(store:)``, whose `.cheaper` path is this one there).
    @Test(arguments: TestStore.available)
    func relevanceReadsTheRUMIndexWhereThereIsOne(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let catalogue = try await SearchCatalogue.make(county)
            // A title with neither word and a description with both: the last tier of `汉服`, `服`
            // and `hanfu 汉服`, which the RUM index on titles leaves to the GIN index.
            let extra = SearchCatalogue.productID(9)
            try await Product(
                id: extra, shopID: catalogue.shopB, categoryID: CategoryTaxonomy.id(for: "costumes"),
                title: "明制马面裙 女款", description: "汉服 hanfu 改良款", originVillageID: catalogue.shijing
            ).create(on: county.db)
            try await Variant(
                id: SearchCatalogue.productID(9_000), productID: extra, sku: "S0", name: "",
                price: Money(minorUnits: 12_000), stock: 6, weightGrams: 0
            ).create(on: county.db)
            try await SearchIndex.reindex(productID: extra, on: county.db)
            let reads = try await SearchIndex.readsRankedIndex(on: county.db)
            guard store == .postgres else {
                #expect(!reads)
                return
            }
            let sql = try #require(county.db as? any SQLDatabase)
            let installed = try await sql.raw("SELECT 1 AS one FROM pg_extension WHERE extname = 'rum'").first() != nil
            let methods = try await sql.raw(
                """
                SELECT a.amname AS method FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
                JOIN pg_am a ON a.oid = c.relam WHERE i.indrelid = to_regclass('search_documents')
                """
            ).all().map { try $0.decode(column: "method", as: String.self) }
            #expect(reads == installed)
            #expect(methods.contains("rum") == installed)
            #expect(methods.contains("gin"))
            // RUM indexes the titles' terms, a column generated from the vector's.
            let rumColumns = try await sql.raw(
                """
                SELECT a.attname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
                JOIN pg_am m ON m.oid = c.relam JOIN pg_attribute a ON a.attrelid = i.indrelid \
                AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass('search_documents') AND m.amname = 'rum'
                """
            ).all().map { try $0.decode(column: "name", as: String.self) }
            #expect(Set(rumColumns) == (installed ? ["title_tsv", "rank_key"] : []))
            // Pages by cursor and by offset through the tiers, the same every way: RUM after a
            // walk of the most popular rows (of every row here, of four, or none) and without RUM;
            // unfiltered and in stock (where RUM's tiers count their matches as they go).
            let services = [
                SearchService(), SearchService(relevanceWalkRows: 4), SearchService(relevanceWalkRows: 0),
                SearchService(columnOrderPath: .walkIndex),
            ]
            for text in ["汉服", "hanfu 汉服", "裙", "服"] {
                for inStock in [false, true] {
                    var lists: [[Int]] = []
                    var offsetLists: [[[Int]]] = []
                    for service in services {
                        var query = SearchQuery(text: text, inStockOnly: inStock, limit: 1)
                        var walked: [Int] = []
                        while true {
                            let page = try await service.search(query, on: county.db)
                            walked += page.items.map { SearchCatalogue.number(of: $0.productID) }
                            guard let next = page.next else { break }
                            query.after = next
                        }
                        lists.append(walked)
                        var pages: [[Int]] = []
                        for offset in 0...walked.count {
                            let page = try await service.search(
                                SearchQuery(text: text, inStockOnly: inStock, limit: 2, offset: offset), on: county.db)
                            pages.append(page.items.map { SearchCatalogue.number(of: $0.productID) })
                        }
                        offsetLists.append(pages)
                    }
                    for index in services.indices.dropFirst() {
                        #expect(lists[index] == lists[0], "\(text), in stock \(inStock), service \(index)")
                        #expect(offsetLists[index] == offsetLists[0], "\(text), in stock \(inStock), service \(index)")
                    }
                    #expect(!lists[0].isEmpty)
                    #expect(lists[0].contains(9), "\(text)")
                }
            }
        }
    }

    /// Past ``SearchQuery/countLimit`` matches the total stops and says so; below it, it is exact,
    /// filters included; a long relevance list walks every match once.
    @Test(arguments: TestStore.available)
    func theTotalStopsAtTheCountLimit(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let extra = SearchQuery.countLimit + 10
            let ids = try await county.db.transaction { db in
                var ids: [UUID] = []
                for number in 0..<extra {
                    let product = Product(
                        shopID: try fixture.shop.requireID(), categoryID: CategoryTaxonomy.id(for: "costumes"),
                        title: number.isMultiple(of: 2) ? "红色马面裙 \(number)" : "蓝色襦裙 \(number)", description: "",
                        originVillageID: fixture.shop.$village.id)
                    try await product.create(on: db)
                    try await Variant(
                        productID: try product.requireID(), sku: "C\(number)", name: "",
                        price: Money(minorUnits: Int64(100 + number)), stock: number % 3, weightGrams: 0
                    ).create(on: db)
                    ids.append(try product.requireID())
                }
                try await SearchIndex.reindex(productIDs: ids, on: db)
                return ids
            }
            let service = SearchService()
            let all = try await service.search(.init(text: "裙"), on: county.db)
            #expect(all.total == SearchQuery.countLimit && all.totalCapped)
            let red = try await service.search(.init(text: "红色"), on: county.db)
            #expect(red.total == extra / 2 && !red.totalCapped)
            let cheap = try await service.search(.init(text: "裙", maxPriceMinor: 599, sort: .priceAsc), on: county.db)
            #expect(cheap.total == 500 && !cheap.totalCapped && cheap.items.first?.minPriceMinor == 100)
            var seen: Set<UUID> = []
            var query = SearchQuery(text: "红色 裙", limit: 100)
            while true {
                let page = try await service.search(query, on: county.db)
                seen.formUnion(page.items.map(\.productID))
                guard let next = page.next else { break }
                query.after = next
            }
            #expect(seen == Set(ids.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)))

            // From RUM with a filter, a tier read from its start gives the total when it alone
            // passes the count limit (裙: every title; 汉服: only the category's name, so the last
            // tier). Every total is the one the count gives (without RUM), on every page and filter.
            let counting = SearchService(columnOrderPath: .walkIndex)
            for query in [
                SearchQuery(text: "裙"), SearchQuery(text: "汉服"), SearchQuery(text: "红色"),
                SearchQuery(text: "红色 裙"), SearchQuery(text: "马面裙", inStockOnly: true),
                SearchQuery(text: "裙", offset: 990), SearchQuery(text: "裙", offset: 1_005),
                SearchQuery(text: "汉服", offset: 1_000), SearchQuery(text: "裙", maxPriceMinor: 1_099),
                SearchQuery(text: "裙", maxPriceMinor: 1_100), SearchQuery(text: "汉服", maxPriceMinor: 2_000),
                SearchQuery(text: "红色", inStockOnly: true, offset: 20),
            ] {
                let fast = try await service.search(query, on: county.db)
                let counted = try await counting.search(query, on: county.db)
                #expect(fast.total == counted.total && fast.totalCapped == counted.totalCapped, "\(query)")
                #expect(fast.items == counted.items, "\(query)")
            }
            #expect(try await service.search(.init(text: "汉服", maxPriceMinor: 2_000), on: county.db).totalCapped)
            #expect(try await service.search(.init(text: "裙", maxPriceMinor: 1_099), on: county.db).total == 1_000)
            #expect(try await service.search(.init(text: "裙", maxPriceMinor: 1_100), on: county.db).totalCapped)
        }
    }

    /// Each dimension is counted with every other filter, not its own.
    @Test(arguments: TestStore.available)
    func facetsCountCategoriesAndTowns(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let c = try await SearchCatalogue.make(county)
            let costumes = CategoryTaxonomy.id(for: "costumes")
            let all = try await SearchService().facets(.init(), on: county.db)
            #expect(all.categories[costumes] == 3)
            #expect(all.categories.values.reduce(0, +) == 6)
            let shijingTown = try #require(try await Village.find(c.shijing, on: county.db)).$town.id
            #expect(all.towns == [c.dayingTown: 3, shijingTown: 3])
            let picked = try await SearchService().facets(
                .init(text: "汉服", categoryID: costumes, townID: c.dayingTown), on: county.db)
            #expect(picked.categories == [costumes: 2])  // 1 and 2 in 大营镇; the category filter left out
            #expect(picked.towns == [c.dayingTown: 2, shijingTown: 1])  // the town filter left out
            let none = try await SearchService().facets(.init(text: "!!!"), on: county.db)
            #expect(none.categories.isEmpty && none.towns.isEmpty)
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
            try await SearchIndex.reindex(shopID: c.shopB, on: county.db)
            #expect(try await c.numbers(.init(text: "hanfu")) == [2, 1])  // 3 was in shop B

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
            .init(minPriceMinor: 2_000, maxPriceMinor: 20_000, limit: 2, offset: 1), .init(sort: .rating, limit: 2),
            .init(text: "服", limit: 1), .init(sort: .newest, limit: 3),
        ]
        var results: [TestStore: ([[SearchHit]], [String?], [SearchFacets])] = [:]
        for store in TestStore.available {
            results[store] = try await withTestMarket(on: store) { county in
                _ = try await SearchCatalogue.make(county)
                var lists: [[SearchHit]] = []
                var tokens: [String?] = []
                var facets: [SearchFacets] = []
                for query in queries {
                    let page = try await SearchService().search(query, on: county.db)
                    lists.append(page.items)
                    tokens.append(page.next)
                    facets.append(try await SearchService().facets(query, on: county.db))
                }
                return (lists, tokens, facets)
            }
        }
        let sqlite = try #require(results[.sqlite])
        #expect(sqlite.0[0].map { SearchCatalogue.number(of: $0.productID) } == [3, 1, 2])
        if let postgres = results[.postgres] {
            #expect(postgres.0 == sqlite.0)
            #expect(postgres.1 == sqlite.1)  // the same cursors: the same keys on both
            #expect(postgres.2 == sqlite.2)
        }
    }
}
