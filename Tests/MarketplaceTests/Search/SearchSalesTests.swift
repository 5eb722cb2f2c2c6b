import Community
import DomainTesting
import FluentKit
import Foundation
import Marketplace
import SQLKit
import Testing

/// A product's units sold live in `search_sales`, a row of their own beside its search row: a
/// payment adds to it without rewriting the search row and its text indexes, a re-index writes
/// both, and the sales order reads it.
@Suite("Search: units sold beside the search row")
struct SearchSalesTests {
    @Test(arguments: TestStore.available)
    func salesAreKeptBesideTheSearchRowAndSurviveTheMigration(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let market = try await MarketplaceFixture.make(county)
            let buyer = try #require(try await market.buyers(1).first)
            var variants: [Variant] = []
            for index in 0..<3 {
                variants += try await market.product("演出服 \(index)", variants: [("S\(index)", 500, 50)])
            }
            let products = variants.map { $0.$product.id }
            var paid = 0
            func buy(_ variant: Variant, _ quantity: Int) async throws {
                paid += 1
                let placed = try await market.checkouts.checkout(
                    try market.request([(variant, quantity)]), idempotencyKey: "sales-key-\(paid)", by: buyer,
                    on: county.db)
                _ = try await market.payments.pay(
                    checkoutID: try placed.checkout.requireID(), provider: "sandbox", token: "tok_ok",
                    idempotencyKey: "sales-\(paid)-pay", by: buyer, on: county.db)
            }
            try await buy(variants[1], 4)
            try await buy(variants[2], 1)
            try await buy(variants[1], 1)
            let expected: [UUID: Int64] = [products[0]: 0, products[1]: 5, products[2]: 1]
            #expect(try await Self.sold(county) == expected)
            #expect(try await Self.bySales(county) == [products[1], products[2], products[0]])
            // A re-index writes the units afresh from the paid orders: the same.
            try await SearchIndex.rebuildAll(on: county.db)
            #expect(try await Self.sold(county) == expected)

            // A product that leaves the index leaves with its units, and comes back with them.
            try await Product.query(on: county.db).filter(\.$id == products[1]).set(\.$listed, to: false).update()
            try await SearchIndex.reindex(productID: products[1], on: county.db)
            #expect(try await Self.sold(county) == [products[0]: 0, products[2]: 1])
            #expect(try await Self.bySales(county) == [products[2], products[0]])
            try await Product.query(on: county.db).filter(\.$id == products[1]).set(\.$listed, to: true).update()
            try await SearchIndex.reindex(productID: products[1], on: county.db)
            #expect(try await Self.sold(county) == expected)

            // Reverted, the units go back into the search rows; run again, they come out as they were.
            // (On one connection: SQLite's in-memory test database shares one cache among several.)
            try await county.db.withConnection { connection in
                try await AddSearchSales().revert(on: connection)
                let sql = try #require(connection as? any SQLDatabase)
                let rows = try await sql.raw("SELECT product_id, sold FROM search_documents").all()
                var back: [UUID: Int64] = [:]
                for row in rows {
                    back[try row.decode(column: "product_id", as: UUID.self)] = try row.decode(
                        column: "sold", as: Int64.self)
                }
                #expect(back == expected)
                try await AddSearchSales().prepare(on: connection)
            }
            #expect(try await Self.sold(county) == expected)
            #expect(try await Self.bySales(county) == [products[1], products[2], products[0]])
        }
    }

    /// On PostgreSQL a payment that moves no product to another popularity step leaves the search
    /// row where it was: no new row version, so none of its index entries (the text's GIN and RUM
    /// among them) is written again.
    @Test(arguments: TestStore.available.contains(.postgres) ? [true, false] : [])
    func aPaymentLeavesTheSearchRowInPlace(prepared: Bool) async throws {
        try await withTestMarket(on: .postgres, preparedStatements: prepared) { county in
            let market = try await MarketplaceFixture.make(county)
            let buyer = try #require(try await market.buyers(1).first)
            let variant = try #require(try await market.product("演出服", variants: [("S", 500, 50)]).first)
            let sql = try #require(county.db as? any SQLDatabase)
            func place() async throws -> String {
                try #require(
                    try await sql.raw(
                        "SELECT CAST(ctid AS text) AS place FROM search_documents WHERE product_id = \(bind: variant.$product.id)"
                    ).first()
                ).decode(column: "place", as: String.self)
            }
            // The first unit is a step (0 to 1 sold), which rewrites the row; the second is not.
            for (round, steps) in [(1, true), (2, false)] {
                let before = try await place()
                let placed = try await market.checkouts.checkout(
                    try market.request([(variant, 1)]), idempotencyKey: "in-place-\(round)", by: buyer, on: county.db)
                _ = try await market.payments.pay(
                    checkoutID: try placed.checkout.requireID(), provider: "sandbox", token: "tok_ok",
                    idempotencyKey: "in-place-\(round)-pay", by: buyer, on: county.db)
                #expect((try await place() != before) == steps, "round \(round)")
            }
            #expect(try await Self.sold(county) == [variant.$product.id: 2])
        }
    }

    static func sold(_ county: TestCounty) async throws -> [UUID: Int64] {
        let sql = try #require(county.db as? any SQLDatabase)
        var sold: [UUID: Int64] = [:]
        for row in try await sql.raw("SELECT product_id, sold FROM search_sales").all() {
            sold[try row.decode(column: "product_id", as: UUID.self)] = try row.decode(column: "sold", as: Int64.self)
        }
        return sold
    }

    static func bySales(_ county: TestCounty) async throws -> [UUID] {
        try await SearchService().search(SearchQuery(sort: .sales), on: county.db).items.map(\.productID)
    }
}
