import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import SQLKit
import Testing

/// A text query's facet counts past the sample floor are sixteen times those of its sampled
/// matches, marked estimated; below the floor they are exact. The expected counts are worked out
/// here from the search rows' rank keys.
@Suite("Search: facet counts estimated from a sample")
struct SearchFacetSampleTests {
    /// The sample's rule, written out: Fibonacci hashing of the low 16 bits of `doc` (the rank key
    /// is the popularity times 2⁴⁰ plus `doc`), in the lowest sixteenth.
    static func sampled(_ rankKey: Int64) -> Bool {
        ((rankKey & 0xFFFF) * 40_503) & 0xFFFF < 0x1000
    }

    @Test(arguments: TestStore.available)
    func textFacetsPastTheFloorAreTheSampleScaledUp(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let c = try await SearchCatalogue.make(county)
            // 80 more 汉服 across two categories and both shops' towns, in a repeating pattern that
            // sampling every sixteenth row would see only one step of.
            let costumes = CategoryTaxonomy.id(for: "costumes")
            let handicrafts = CategoryTaxonomy.id(for: "handicrafts")
            for number in 200..<280 {
                let (shop, village) = number.isMultiple(of: 3) ? (c.shopB, c.shijing) : (c.shopA, c.dingzhuang)
                let id = SearchCatalogue.productID(number)
                try await Product(
                    id: id, shopID: shop, categoryID: number.isMultiple(of: 4) ? handicrafts : costumes,
                    title: "汉服 样品\(number)", description: "", originVillageID: village
                ).create(on: county.db)
                try await Variant(
                    id: SearchCatalogue.productID(number + 10_000), productID: id, sku: "S", name: "",
                    price: Money(minorUnits: 5_000), stock: 1, weightGrams: 0
                ).create(on: county.db)
                try await SearchIndex.reindex(productID: id, on: county.db)
            }
            // The matches are what the search finds (the costumes category's name has 汉服 too).
            let found = try await SearchService().search(.init(text: "汉服", limit: 100), on: county.db)
            #expect(!found.hasMore)
            let matched = Set(found.items.map { SearchCatalogue.number(of: $0.productID) })
            #expect(matched.isSuperset(of: [1, 3] + Array(200..<280)))
            let sql = try #require(county.db as? any SQLDatabase)
            struct Row {
                let category: UUID
                let town: UUID
                let sampled: Bool
            }
            var rows: [Row] = []
            for row in try await sql.raw(
                "SELECT product_id, category_id, town_id, rank_key FROM \(ident: SearchIndex.table)"
            ).all()
            where matched.contains(SearchCatalogue.number(of: try row.decode(column: "product_id", as: UUID.self))) {
                rows.append(
                    Row(
                        category: try row.decode(column: "category_id", as: UUID.self),
                        town: try row.decode(column: "town_id", as: UUID.self),
                        sampled: Self.sampled(try row.decode(column: "rank_key", as: Int64.self))))
            }
            #expect(rows.count == matched.count)
            let sampled = rows.filter(\.sampled)
            try #require(sampled.count >= 4)
            func counts(_ rows: [Row], _ key: (Row) -> UUID, times scale: Int) -> [UUID: Int] {
                Dictionary(grouping: rows, by: key).mapValues { $0.count * scale }
            }

            // Past the floor: the sample, times sixteen, marked estimated.
            let estimating = SearchService(facetSampleFloor: sampled.count)
            let estimate = try await estimating.facets(.init(text: "汉服"), on: county.db)
            #expect(estimate.estimated)
            #expect(estimate.categories == counts(sampled, \.category, times: 16))
            #expect(estimate.towns == counts(sampled, \.town, times: 16))
            // With filters, the text's sample decides (counting every match costs what the
            // text's matches cost, filtered or not), and each dimension counts the sampled
            // matches with the other's filter, here in a price range as well.
            let sampledCostumes = sampled.filter { $0.category == costumes }
            let sampledDaying = sampled.filter { $0.town == c.dayingTown }
            #expect(sampledCostumes.count < sampled.count && sampledDaying.count < sampled.count)
            let filtered = try await estimating.facets(
                .init(text: "汉服", categoryID: costumes, townID: c.dayingTown, maxPriceMinor: 1_000_000),
                on: county.db)
            #expect(filtered.estimated)
            #expect(filtered.categories == counts(sampledDaying, \.category, times: 16))
            #expect(filtered.towns == counts(sampledCostumes, \.town, times: 16))
            let below = try await SearchService(facetSampleFloor: sampled.count + 1).facets(
                .init(text: "汉服", categoryID: costumes, townID: c.dayingTown), on: county.db)
            #expect(!below.estimated)
            #expect(below.categories == counts(rows.filter { $0.town == c.dayingTown }, \.category, times: 1))
            #expect(below.towns == counts(rows.filter { $0.category == costumes }, \.town, times: 1))

            // Below the floor, and with sampling off: every match counted, not estimated.
            for service in [SearchService(facetSampleFloor: sampled.count + 1), SearchService(facetSampleFloor: nil)] {
                let exact = try await service.facets(.init(text: "汉服"), on: county.db)
                #expect(!exact.estimated)
                #expect(exact.categories == counts(rows, \.category, times: 1))
                #expect(exact.towns == counts(rows, \.town, times: 1))
            }
            // Without text, never estimated (the kept counts, or every row for a price range).
            let browse = try await SearchService(facetSampleFloor: 1).facets(.init(minPriceMinor: 1), on: county.db)
            #expect(!browse.estimated)
            #expect(browse.categories[handicrafts] == 20)

            if store == .postgres {
                // PostgreSQL reads the sample from its partial index: the migration made it (in
                // this test's schema; pg_indexes would read other tests' too, as they drop them).
                let index = try await sql.raw(
                    "SELECT pg_get_indexdef(to_regclass('search_documents_tsv_sample_idx')) AS indexdef"
                ).first()?.decode(column: "indexdef", as: String.self)
                #expect(index?.contains("40503") == true)
            }
        }
    }

    /// A total past the count limit is settled by the sample only when the sampled matches that
    /// pass the filters reach it: they are real matches. 17,000 products match `裙` (some 1,060 of
    /// them sampled); a price filter leaves 600, which must be counted exactly, not settled by the
    /// sample's unfiltered matches.
    @Test(arguments: TestStore.available)
    func theSampleSettlesATotalOnlyWithTheFiltersPassed(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let count = 17_000
            let lines = (0..<count).map { "r\($0),S\($0),红裙 \($0),,costumes,,\(1_000 + $0),1,100,," }
            let outcome = try await CatalogImport(context: fixture.context).run(
                CatalogImportTests.csv(lines), into: try fixture.shop.requireID(), on: county.db)
            #expect(outcome.productsAdded == count)
            // The premise: the sample alone holds more matches than the count goes to.
            let sql = try #require(county.db as? any SQLDatabase)
            let inSample = try await sql.raw(
                "SELECT rank_key FROM \(ident: SearchIndex.table) WHERE title LIKE \(bind: "红裙 %")"
            ).all().filter { Self.sampled(try $0.decode(column: "rank_key", as: Int64.self)) }.count
            #expect(inSample > SearchQuery.countLimit)

            let service = SearchService()
            let all = try await service.search(.init(text: "裙"), on: county.db)
            #expect(all.total == SearchQuery.countLimit && all.totalCapped)
            let inStock = try await service.search(.init(text: "裙", inStockOnly: true), on: county.db)
            #expect(inStock.total == SearchQuery.countLimit && inStock.totalCapped)
            let cheap = try await service.search(.init(text: "红裙", maxPriceMinor: 1_599), on: county.db)
            #expect(cheap.total == 600 && !cheap.totalCapped)
            let byPrice = try await service.search(
                .init(text: "红裙", maxPriceMinor: 2_000, sort: .priceAsc), on: county.db)
            #expect(byPrice.total == SearchQuery.countLimit && byPrice.totalCapped)
            #expect(byPrice.items.first?.minPriceMinor == 1_000)
        }
    }

    @Test(arguments: [(0, 0), (16, 16), (99, 99), (112, 110), (115, 120), (12_345, 12_000), (111_152, 110_000)])
    func anEstimateIsShownToTwoFigures(estimate: Int, shown: Int) {
        #expect(SearchFacets.shown(estimate) == shown)
    }
}
