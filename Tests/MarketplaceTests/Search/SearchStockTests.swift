import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import SQLKit
import Testing

/// The in-stock filter reads each search row's `in_stock`, which the database keeps in step
/// with stock: these tests move stock every way a shop's day does and check the filter, the
/// hits and every row against the rule computed afresh.
@Suite("Search: the in-stock filter follows stock")
struct SearchStockTests {
    @Test(arguments: TestStore.available)
    func theInStockFilterFollowsStockEveryWayItMoves(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await SourcingFixture.make(county)
            let market = fixture.market
            let (source, linked, buyer) = try await fixture.resale(stock: 2)
            let products = [source.$product.id, linked.$product.id]
            #expect(try await Self.stocked(products, county) == [true, true])

            // A checkout of the reseller's linked listing takes the producer's last units: both
            // listings leave the filter (and their hits say so), and the row's flag is the rule's.
            let checkout = try await market.checkouts.checkout(
                try market.request([(linked, 2)]), idempotencyKey: "in-stock-1", by: buyer, on: county.db)
            #expect(try await market.stock(of: source) == 0)
            #expect(try await Self.stocked(products, county) == [false, false])

            // The buyer cancels: the stock comes back, and so do both listings.
            let orderID = try #require(try checkout.orders.first?.requireID())
            _ = try await market.orders.cancel(orderID, by: buyer, reason: "changed my mind", on: county.db)
            #expect(try await Self.stocked(products, county) == [true, true])

            // The producer counts the shelf: empty, then four.
            for (stock, expected) in [(0, false), (4, true)] {
                _ = try await market.catalog.setStock(
                    try source.requireID(), to: stock, expected: nil, by: market.seller,
                    shops: ShopService(context: market.context), on: county.db)
                #expect(try await Self.stocked(products, county) == [expected, expected])
            }

            // A change that crosses no zero leaves the flags as they were, and a rebuild agrees.
            try await market.restock(source, to: 9)
            #expect(try await Self.stocked(products, county) == [true, true])
            try await SearchIndex.rebuildAll(on: county.db)
            #expect(try await Self.stocked(products, county) == [true, true])

            // The migration reverts (after the one that came after it, whose counts read the
            // flag), and run again fills the flags of the rows already there.
            // (On one connection: SQLite's in-memory test database shares one cache among several.)
            try await county.db.withConnection { connection in
                try await AddSearchFacetCounts().revert(on: connection)
                try await AddSearchInStock().revert(on: connection)
                try await connection.query(Variant.self).filter(\.$id == source.requireID()).set(\.$stock, to: 0)
                    .update()
                try await AddSearchInStock().prepare(on: connection)
                try await AddSearchFacetCounts().prepare(on: connection)
            }
            #expect(try await Self.stocked(products, county) == [false, false])
            try await market.restock(source, to: 1)
            #expect(try await Self.stocked(products, county) == [true, true])
        }
    }

    /// Two buyers take the last unit of each of a product's two variants at once: however their
    /// transactions interleave, the product ends out of stock (each recount waits for the other's
    /// commit rather than seeing its unit still there).
    @Test(arguments: TestStore.available)
    func lastUnitsSoldAtOnceLeaveTheProductOutOfStock(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let market = try await MarketplaceFixture.make(county)
            let buyers = try await market.buyers(2)
            var products: [UUID] = []
            for round in 0..<12 {
                let variants = try await market.product(variants: [("L\(round)a", 1_000, 1), ("L\(round)b", 1_000, 1)])
                products.append(variants[0].$product.id)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (index, variant) in variants.enumerated() {
                        group.addTask {
                            _ = try await market.checkouts.checkout(
                                try market.request([(variant, 1)]), idempotencyKey: "last-unit-\(round)-\(index)",
                                by: buyers[index], on: county.db)
                        }
                    }
                    try await group.waitForAll()
                }
            }
            #expect(try await Self.stocked(products, county) == Array(repeating: false, count: products.count))
            // The facet counts the database keeps followed the crossings too.
            try await SearchFacetCountsTests.agree(county)
        }
    }

    /// Whether each of `products` is found with the in-stock filter, after checking that an
    /// unfiltered search's hit says the same and that every search row's flag is the rule's
    /// (written out here on its own: a variant's stock, or its producer's for a linked one).
    static func stocked(_ products: [UUID], _ county: TestCounty) async throws -> [Bool] {
        let sql = try #require(county.db as? any SQLDatabase)
        let stale = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM search_documents d WHERE \
            (CASE WHEN d.in_stock THEN 1 ELSE 0 END) <> (CASE WHEN EXISTS (SELECT 1 FROM variants v \
            LEFT JOIN variants sv ON sv.id = v.source_variant_id WHERE v.product_id = d.product_id \
            AND COALESCE(sv.stock, v.stock) > 0) THEN 1 ELSE 0 END)
            """
        ).first()?.decode(column: "n", as: Int.self)
        #expect(stale == 0)
        let service = SearchService()
        let filtered = Set(
            try await service.search(.init(inStockOnly: true, limit: 100), on: county.db).items.map(\.productID))
        let hits = try await service.search(.init(limit: 100), on: county.db).items
        return try products.map { id in
            let hit = try #require(hits.first { $0.productID == id })
            #expect(hit.inStock == filtered.contains(id))
            return filtered.contains(id)
        }
    }
}
