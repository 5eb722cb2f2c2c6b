import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import SQLKit
import Testing

/// PostgreSQL's RUM index set aside during a bulk import and made again after it, and made again
/// by the background restore when a process died with it aside. Needs the `rum` extension
/// (scripts/test installs it); without it, and on SQLite, there is no index to set aside.
@Suite("Search: the RUM index set aside for a bulk import")
struct SearchRankedIndexTests {
    /// Fails the import's transaction at its end, after every row is written.
    struct FailingObserver: ListingObserver {
        struct Failed: Error {}
        func listingChanged(_ productID: UUID, on database: any Database) async throws { throw Failed() }
        func listingsChanged(_ productIDs: [UUID], on database: any Database) async throws { throw Failed() }
    }

    /// The RUM index's oid, nil when there is none or it is not valid.
    static func rankedIndex(_ sql: any SQLDatabase) async throws -> Int64? {
        try await sql.raw(
            """
            SELECT CAST(indexrelid AS BIGINT) AS oid FROM pg_index \
            WHERE indexrelid = to_regclass('search_documents_title_rum_idx') AND indisvalid
            """
        ).first()?.decode(column: "oid", as: Int64.self)
    }

    static func lines(_ range: Range<Int>, word: String) -> [String] {
        range.map { "p\($0),S\($0),\(word) \($0),,costumes,,\(1_000 + $0),1,100,," }
    }

    /// `body` on a PostgreSQL market whose relevance reads RUM; nothing where there is none.
    static func withRUM(
        _ body: (TestCounty, any SQLDatabase, MarketplaceFixture) async throws -> Void
    ) async throws {
        guard TestStore.available.contains(.postgres) else { return }
        try await withTestMarket(on: .postgres) { county in
            let sql = try #require(county.db as? any SQLDatabase)
            guard try await SearchIndex.readsRankedIndex(on: county.db) else { return }  // no `rum` here
            try await body(county, sql, try await MarketplaceFixture.make(county))
        }
    }

    /// Relevance straight from RUM, without first walking the most popular rows (which would find
    /// these few products without the index).
    static let fromRUM = SearchService(relevanceWalkRows: 0)

    @Test func aBigImportBuildsTheIndexAnewAndItHoldsEveryRow() async throws {
        try await Self.withRUM { county, sql, fixture in
            let shop = try fixture.shop.requireID()
            let before = try #require(try await Self.rankedIndex(sql))

            // Below the threshold the index stays as it is, and takes the rows one by one.
            let seenFew = Seen()
            let few = try await CatalogImport(context: fixture.context, rankedIndexAsideFrom: 41).run(
                CatalogImportTests.csv(Self.lines(0..<40, word: "马面裙")), into: shop, on: county.db,
                progress: { seenFew.add($0) })
            #expect(few.productsAdded == 40)
            #expect(try await Self.rankedIndex(sql) == before)
            #expect(!seenFew.all.contains { $0.stage == .indexing })
            #expect(seenFew.all.last == CatalogImport.Progress(stage: .writing, done: 120, total: 120))

            // From it, the index is dropped and built again: a new one, valid, with every row.
            // Progress says so after the rows are written.
            let seen = Seen()
            let many = try await CatalogImport(context: fixture.context, rankedIndexAsideFrom: 40).run(
                CatalogImportTests.csv(Self.lines(40..<100, word: "马面裙")), into: shop, on: county.db,
                progress: { seen.add($0) })
            #expect(many.productsAdded == 60)
            #expect(
                Array(seen.all.suffix(3)) == [
                    .init(stage: .writing, done: 180, total: 180), .init(stage: .indexing, done: 0, total: 60),
                    .init(stage: .indexing, done: 60, total: 60),
                ])
            let after = try #require(try await Self.rankedIndex(sql))
            #expect(after != before)
            #expect(try await SearchIndex.readsRankedIndex(on: county.db))
            let found = try await Self.fromRUM.search(.init(text: "马面裙", limit: 100), on: county.db)
            #expect(found.items.count == 100)
            #expect(Set(found.items.map(\.title)) == Set((0..<100).map { "马面裙 \($0)" }))

            // An import whose transaction fails puts the index back too, and wrote nothing.
            var failing = fixture.context
            failing.listingObserver = FailingObserver()
            await #expect(throws: FailingObserver.Failed.self) {
                _ = try await CatalogImport(context: failing, rankedIndexAsideFrom: 10).run(
                    CatalogImportTests.csv(Self.lines(100..<150, word: "马面裙")), into: shop, on: county.db)
            }
            let back = try #require(try await Self.rankedIndex(sql))
            #expect(back != after)
            let still = try await Self.fromRUM.search(.init(text: "马面裙", limit: 100), on: county.db)
            #expect(still.items.count == 100 && !still.hasMore)
        }
    }

    @Test func theRestoreMakesAMissingIndexAgainUnlessABulkWriteHoldsIt() async throws {
        try await Self.withRUM { county, sql, fixture in
            _ = try await CatalogImport(context: fixture.context).run(
                CatalogImportTests.csv(Self.lines(0..<30, word: "马面裙")), into: try fixture.shop.requireID(),
                on: county.db)
            // Nothing to do while the index is there.
            #expect(try await SearchIndex.restoreRankedIndex(on: county.db) == false)

            // A bulk write's process died with the index aside: searches still find every row
            // (from the GIN index), and the restore makes it again.
            try await sql.raw("DROP INDEX search_documents_title_rum_idx").run()
            #expect(try await SearchIndex.readsRankedIndex(on: county.db) == false)
            let without = try await Self.fromRUM.search(.init(text: "马面裙", limit: 50), on: county.db)
            #expect(without.items.count == 30)

            // While a bulk write's transaction is open, the index is aside on purpose.
            try await county.db.transaction { transaction in
                let held = try #require(transaction as? any SQLDatabase)
                try await SearchIndex.holdBulkWrite(on: held)
                #expect(try await SearchIndex.restoreRankedIndex(on: county.db) == false)
            }
            #expect(try await Self.rankedIndex(sql) == nil)

            #expect(try await SearchIndex.restoreRankedIndex(on: county.db))
            #expect(try await Self.rankedIndex(sql) != nil)
            let with = try await Self.fromRUM.search(.init(text: "马面裙", limit: 50), on: county.db)
            #expect(with.items.map(\.productID) == without.items.map(\.productID))
        }
    }
}
