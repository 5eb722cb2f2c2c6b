import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Persistence
import SQLKit
import Testing

/// The filter bar's counts without text or a price range are sums of the buckets the database
/// keeps (`search_facet_counts`): these tests move search rows every way the catalogue does and
/// check, each time, that every bucket is what counting the rows gives and that the facets read
/// from the buckets are the facets counted from the rows, under every filter they serve.
@Suite("Search: the facet counts the database keeps")
struct SearchFacetCountsTests {
    @Test(arguments: TestStore.available)
    func keptCountsAgreeWithCountingAsRowsMove(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let c = try await SearchCatalogue.make(county)
            try await Self.agree(county)
            let all = try await SearchService().facets(.init(), on: county.db)
            #expect(all.categories.values.reduce(0, +) == 6)

            // Stock crosses zero both ways: the in-stock buckets follow.
            try await Self.setStock(of: 5, to: 0, county)
            try await Self.setStock(of: 2, to: 7, county)
            try await Self.agree(county)
            let stocked = try await SearchService().facets(.init(inStockOnly: true), on: county.db)
            #expect(stocked.categories[CategoryTaxonomy.id(for: "farm")] == nil)
            #expect(stocked.categories[CategoryTaxonomy.id(for: "costumes")] == 3)

            // A product moves to another category; a shop is suspended, then reinstated.
            let table = try #require(try await Product.find(SearchCatalogue.productID(4), on: county.db))
            table.$category.id = CategoryTaxonomy.id(for: "handicrafts")
            try await table.save(on: county.db)
            try await SearchIndex.reindex(productID: SearchCatalogue.productID(4), on: county.db)
            try await Self.agree(county)
            let shop = try #require(try await Shop.find(c.shopB, on: county.db))
            for status in [Shop.Status.suspended, .active] {
                shop.status = status
                try await shop.save(on: county.db)
                try await SearchIndex.reindex(shopID: c.shopB, on: county.db)
                try await Self.agree(county)
            }

            // A product is deleted; the index is rebuilt whole.
            try await Variant.query(on: county.db).filter(\.$product.$id == SearchCatalogue.productID(8)).delete()
            try await Product.find(SearchCatalogue.productID(8), on: county.db)?.delete(on: county.db)
            try await SearchIndex.reindex(productID: SearchCatalogue.productID(8), on: county.db)
            try await SearchIndex.rebuildAll(on: county.db)
            try await Self.agree(county)

            // A fold leaves one row per bucket that has rows, and the same sums.
            let before = try await SearchService().facets(.init(), on: county.db)
            let folded = try await SearchFacetCounts.fold(on: county.db)
            #expect(folded > 0)
            try await Self.agree(county)
            try await Self.expectOneRowPerBucket(county)
            #expect(try await SearchService().facets(.init(), on: county.db) == before)

            // The migration reverts and, run again, counts the rows there are.
            // (On one connection: SQLite's in-memory test database shares one cache among several.)
            try await county.db.withConnection { connection in
                try await AddSearchFacetCounts().revert(on: connection)
                try await AddSearchFacetCounts().prepare(on: connection)
            }
            try await Self.setStock(of: 5, to: 3, county)
            try await Self.agree(county)
        }
    }

    /// The background job folds the rows and queues itself again, once.
    @Test(arguments: TestStore.available)
    func theFoldJobFoldsAndComesBack(store: TestStore) async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_812_988_800))
        try await withTestMarket(on: store, dependencies: clock.dependencies) { county in
            _ = try await SearchCatalogue.make(county)
            try await Self.setStock(of: 5, to: 0, county)
            let queue = MarketplaceJobs.register(
                on: JobQueue(dependencies: clock.dependencies, workerID: "test"), context: county.marketplace)
            try await MarketplaceJobs.scheduleFacetFold(on: county.db, queue: queue)
            try await MarketplaceJobs.scheduleFacetFold(on: county.db, queue: queue)
            #expect(try await Self.queuedFolds(county).count == 1)

            #expect(try await queue.runDue(on: county.db) == 1)
            try await Self.expectOneRowPerBucket(county)
            try await Self.agree(county)
            let next = try #require(try await Self.queuedFolds(county).first)
            #expect(next.runAt == clock.now.addingTimeInterval(MarketplaceJobs.foldSearchFacetsInterval))
            #expect(try await Self.queuedFolds(county).count == 1)
        }
    }

    /// Checks that the kept table has one row per bucket with products, as a fold leaves it.
    static func expectOneRowPerBucket(_ county: TestCounty) async throws {
        let sql = try #require(county.db as? any SQLDatabase)
        let rows = try await sql.raw("SELECT COUNT(*) AS n FROM search_facet_counts").first()?
            .decode(column: "n", as: Int.self)
        let buckets = try await buckets(counting: true, sql)
        #expect(rows == buckets.count)
    }

    static func queuedFolds(_ county: TestCounty) async throws -> [Job] {
        try await Job.query(on: county.db).filter(\.$kind == MarketplaceJobs.foldSearchFacets)
            .filter(\.$status == .queued).all()
    }

    /// Sets every variant of catalogue product `number` to `stock` in one statement (the stock
    /// trigger moves the search row's flag, and the facet trigger its bucket).
    static func setStock(of number: Int, to stock: Int, _ county: TestCounty) async throws {
        try await Variant.query(on: county.db).filter(\.$product.$id == SearchCatalogue.productID(number))
            .set(\.$stock, to: stock).update()
    }

    /// Checks that every bucket's kept sum is the count of its search rows, and that the facets
    /// read from the buckets equal the facets counted from the rows: browsing, in stock, and
    /// filtered by each category, village and town there is (alone and with the others).
    static func agree(_ county: TestCounty) async throws {
        let sql = try #require(county.db as? any SQLDatabase)
        let kept = try await buckets(counting: false, sql)
        #expect(kept == (try await buckets(counting: true, sql)))
        var queries: [SearchQuery] = [.init(), .init(inStockOnly: true)]
        for key in kept.keys {
            queries.append(.init(categoryID: key.category))
            queries.append(.init(categoryID: key.category, inStockOnly: true))
            if let village = key.village { queries.append(.init(villageID: village)) }
            if let town = key.town {
                queries.append(.init(townID: town))
                queries.append(.init(categoryID: key.category, townID: town, inStockOnly: key.inStock))
            }
        }
        for query in queries {
            let read = try await SearchService().facets(query, on: county.db)
            let counted = try await SearchService(readsKeptFacetCounts: false).facets(query, on: county.db)
            #expect(read == counted, "\(query)")
        }
    }

    struct Bucket: Hashable {
        var category: UUID
        var village: UUID?
        var town: UUID?
        var inStock: Bool
    }

    /// Each bucket's count (those not zero): the kept rows' sums, or the search rows counted.
    static func buckets(counting: Bool, _ sql: any SQLDatabase) async throws -> [Bucket: Int] {
        let query: SQLQueryString =
            counting
            ? "SELECT category_id, village_id, town_id, in_stock, COUNT(*) AS n FROM search_documents GROUP BY category_id, village_id, town_id, in_stock"
            : "SELECT category_id, village_id, town_id, in_stock, CAST(SUM(n) AS BIGINT) AS n FROM search_facet_counts GROUP BY category_id, village_id, town_id, in_stock"
        var result: [Bucket: Int] = [:]
        for row in try await sql.raw(query).all() {
            let n = try row.decode(column: "n", as: Int.self)
            guard n != 0 else { continue }
            let key = Bucket(
                category: try row.decode(column: "category_id", as: UUID.self),
                village: try row.decode(column: "village_id", as: UUID?.self),
                town: try row.decode(column: "town_id", as: UUID?.self),
                inStock: try row.decode(column: "in_stock", as: Bool.self))
            result[key] = n
        }
        return result
    }
}
