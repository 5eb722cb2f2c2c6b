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

    @Test func aBackgroundImportSaysInItsRowWhileTheIndexIsMadeAgain() async throws {
        try await Self.withRUM { county, sql, fixture in
            // Every status the run's row takes, in order, as another server's page would read it,
            // and whether the RUM index was there to read at that moment.
            try await sql.raw(
                "CREATE TABLE import_statuses (n BIGSERIAL PRIMARY KEY, status TEXT, done INT, total INT, ranked BOOLEAN)"
            )
            .run()
            try await sql.raw(
                """
                CREATE FUNCTION log_import_status() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
                INSERT INTO import_statuses (status, done, total, ranked) VALUES (NEW.status, NEW.done, NEW.total, \
                EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('search_documents_title_rum_idx') \
                AND indisvalid)); \
                RETURN NEW; END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER log_import_status AFTER UPDATE OF status ON catalog_imports \
                FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION log_import_status()
                """
            ).run()
            let shopID = try fixture.shop.requireID()
            let queue = CatalogImportQueue(context: fixture.context, store: nil, rankedIndexAsideFrom: 40)
            let run = try await queue.submit(
                CatalogImportTests.csv(Self.lines(0..<60, word: "马面裙")), fileName: "many.csv", photos: nil,
                into: shopID, by: fixture.seller, on: county.db)
            try await queue.perform(try run.requireID(), on: county.db)

            struct Logged: Decodable, Equatable {
                var status: String
                var done: Int
                var total: Int
                var ranked: Bool
            }
            let logged = try await sql.raw("SELECT status, done, total, ranked FROM import_statuses ORDER BY n")
                .all(decoding: Logged.self)
            #expect(
                logged.map(\.status) == ["checking", "writing", "indexing", "done"],
                "the row's statuses: \(logged)")
            // Written while the index was being made again, not after.
            #expect(
                logged.first { $0.status == "indexing" }
                    == Logged(status: "indexing", done: 0, total: 60, ranked: false))
            #expect(logged.last?.ranked == true)
            // Read from such a row, the progress is the indexing stage's, with its products.
            let indexing = CatalogImportRun()
            indexing.id = UUID()
            indexing.status = .indexing
            indexing.done = 0
            indexing.total = 60
            #expect(
                CatalogImportQueue.progress(of: indexing)
                    == CatalogImport.Progress(stage: .indexing, done: 0, total: 60))
            #expect(try await Self.rankedIndex(sql) != nil)
        }
    }

}
