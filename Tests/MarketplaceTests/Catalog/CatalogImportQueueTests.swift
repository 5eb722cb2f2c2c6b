import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Persistence
import Testing

/// Big catalogue files imported in the background: kept with their job, run by a worker through
/// the same import, followed by status and progress, refused whole, and never run twice at once.
@Suite("Catalogue import in the background")
struct CatalogImportQueueTests {
    static func queue(_ fixture: MarketplaceFixture) -> CatalogImportQueue {
        CatalogImportQueue(context: fixture.context, store: nil)
    }

    @Test(arguments: TestStore.available)
    func aKeptFileIsImportedByTheWorkerOnceAndItsCountsAreKept(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let shopID = try fixture.shop.requireID()
            let run = try await Self.queue(fixture).submit(
                CatalogImportTests.twoProducts, fileName: " goods.csv ", photos: nil, into: shopID,
                by: fixture.seller, on: county.db)
            let id = try run.requireID()
            #expect(run.status == .queued && run.fileName == "goods.csv")
            // The job was queued with the run, and nothing is imported before a worker runs it.
            let jobs = try await Job.query(on: county.db).filter(\.$kind == CatalogImportQueue.job).all()
            #expect(jobs.map(\.payload) == [id.uuidString])
            #expect(try await Product.query(on: county.db).filter(\.$shop.$id == shopID).count() == 0)

            try await Self.queue(fixture).perform(id, on: county.db)
            let done = try await Self.queue(fixture).run(id, of: shopID, for: fixture.seller, on: county.db)
            #expect(done.status == .done)
            #expect(done.file == nil && done.finishedAt != nil)
            #expect(done.done == 7 && done.total == 7)
            let outcome = try #require(CatalogImportQueue.outcome(of: done))
            #expect(outcome.productsAdded == 2 && outcome.variantsAdded == 3)
            #expect(CatalogImportQueue.progress(of: done) == nil)
            #expect(try await CatalogImportTests.variants(fixture).count == 3)

            // The job run again (a retry after a lost lease) leaves a finished run alone.
            try await Self.queue(fixture).perform(id, on: county.db)
            let again = try #require(try await CatalogImportRun.find(id, on: county.db))
            #expect(again.attempt == 1 && again.status == .done)
            let recent = try await Self.queue(fixture).recent(of: shopID, for: fixture.seller, on: county.db)
            #expect(recent.map(\.id) == [id])
        }
    }

    @Test(arguments: TestStore.available)
    func aBadFileIsRefusedWithItsLinesAndColumnsAndWritesNothing(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let shopID = try fixture.shop.requireID()
            let bad = CatalogImportTests.csv([
                "dress,MMQ-R-L,明制马面裙,,costumes,正红 L,abc,5,600,,true",
                "garlic,SUAN-5KG,金乡大蒜,,no-such-category,,3990,100,2500,,",
            ])
            let run = try await Self.queue(fixture).submit(
                bad, fileName: "bad.csv", photos: nil, into: shopID, by: fixture.seller, on: county.db)
            try await Self.queue(fixture).perform(try run.requireID(), on: county.db)
            let refused = try #require(try await CatalogImportRun.find(try run.requireID(), on: county.db))
            #expect(refused.status == .refused)
            #expect(refused.errorCount == 2)
            let errors = CatalogImportQueue.errors(of: refused)
            #expect(errors.map(\.line) == [2, 3])
            #expect(errors.map(\.column) == ["price_minor", "category"])
            #expect(refused.file == nil)
            #expect(try await Product.query(on: county.db).filter(\.$shop.$id == shopID).count() == 0)
        }
    }

    @Test(arguments: TestStore.available)
    func aRunAnotherWorkerIsAtWaitsUntilThatWorkerFallsSilent(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let shopID = try fixture.shop.requireID()
            let run = try await Self.queue(fixture).submit(
                CatalogImportTests.twoProducts, fileName: "goods.csv", photos: nil, into: shopID, by: fixture.seller,
                on: county.db)
            let id = try run.requireID()
            // Another worker claimed it a minute ago and is checking rows.
            run.status = .checking
            run.attempt = 1
            run.heartbeatAt = Date().addingTimeInterval(-60)
            try await run.update(on: county.db)
            await #expect(throws: JobError.self) { try await Self.queue(fixture).perform(id, on: county.db) }
            #expect(try await Product.query(on: county.db).filter(\.$shop.$id == shopID).count() == 0)
            // That worker died: after `stale` of silence the next attempt takes the run over.
            run.heartbeatAt = Date().addingTimeInterval(-CatalogImportQueue.stale - 1)
            try await run.update(on: county.db)
            try await Self.queue(fixture).perform(id, on: county.db)
            let done = try #require(try await CatalogImportRun.find(id, on: county.db))
            #expect(done.status == .done && done.attempt == 2)
        }
    }

    @Test(arguments: TestStore.available)
    func onlyTheShopsPeopleKeepAFileAndOnlyWhileTheShopIsOpen(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let shopID = try fixture.shop.requireID()
            let stranger = try await MarketplaceFixture.makeAccount(county, "stranger", roles: [.seller])
            await #expect(throws: Problem.self) {
                _ = try await Self.queue(fixture).submit(
                    CatalogImportTests.twoProducts, fileName: "a.csv", photos: nil, into: shopID, by: stranger,
                    on: county.db)
            }
            let mine = try await Self.queue(fixture).submit(
                CatalogImportTests.twoProducts, fileName: "a.csv", photos: nil, into: shopID, by: fixture.seller,
                on: county.db)
            await #expect(throws: Problem.self) {
                _ = try await Self.queue(fixture).run(try mine.requireID(), of: shopID, for: stranger, on: county.db)
            }
            // The shop closed before the worker came: the run stops, saying why, and writes nothing.
            fixture.shop.status = .closed
            try await fixture.shop.update(on: county.db)
            try await Self.queue(fixture).perform(try mine.requireID(), on: county.db)
            let stopped = try #require(try await CatalogImportRun.find(try mine.requireID(), on: county.db))
            #expect(stopped.status == .failed)
            #expect(stopped.message?.contains("closed") == true)
            await #expect(throws: Problem.self) {
                _ = try await Self.queue(fixture).submit(
                    CatalogImportTests.twoProducts, fileName: "a.csv", photos: nil, into: shopID, by: fixture.seller,
                    on: county.db)
            }
            #expect(try await Product.query(on: county.db).filter(\.$shop.$id == shopID).count() == 0)
        }
    }
}
