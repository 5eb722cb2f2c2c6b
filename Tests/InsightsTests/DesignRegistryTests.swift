import Community
import DomainTesting
import FluentKit
import Foundation
import Imaging
import Insights
import JishiKit
import Logistics
import Marketplace
import Persistence
import SQLKit
import Testing

@Suite("Insights: the design registry, copy alerts and their disputes")
struct DesignRegistryTests {
    /// Two shops of the demo county (the filer's and another's), a town official of the
    /// filer's town and one of another town, the services, and a labelled set's photos.
    struct World {
        let county: TestCounty
        let clock: TestClock
        let registry: DesignRegistry
        let catalog: CatalogService
        let shops: ShopService
        let queue: JobQueue
        let filer: Principal
        let copier: Principal
        let office: Principal
        let elsewhere: Principal
        let filerShop: UUID
        let copierShop: UUID
        let set: LabelledDesigns

        var db: any Database { county.db }

        func listing(
            _ title: String, description: String, photo: Data?, shop: UUID? = nil, by seller: Principal? = nil
        ) async throws -> UUID {
            let (product, _) = try await catalog.addProduct(
                .init(
                    title: title, description: description, categoryID: CategoryTaxonomy.id(for: "costumes"),
                    variants: [.init(sku: "A", name: "均码", price: Money(minorUnits: 9_900), stock: 5)]),
                to: shop ?? copierShop, by: seller ?? copier, shops: shops, on: db)
            let id = try product.requireID()
            if let photo {
                _ = try await catalog.addPhoto(
                    photo, declaredType: "image/jpeg", to: id, by: seller ?? copier, shops: shops,
                    store: registry.photos, on: db)
            }
            return id
        }

        func fileFirstDesign() async throws -> DesignFiling {
            let design = set.designs[0]
            let filing = try await registry.file(
                .init(
                    shopID: filerShop, title: design.title, description: design.description,
                    categoryID: design.categoryID), by: filer, shops: shops, on: db)
            _ = try await registry.addPhoto(
                design.photo, declaredType: "image/jpeg", to: try filing.requireID(), by: filer, shops: shops, on: db)
            return filing
        }
    }

    static func account(_ county: TestCounty, _ name: String, _ grants: [RoleGrant]) async throws -> Principal {
        let account = Account(
            id: UUID(), username: name, passwordHash: "-", displayName: name, preferredLanguage: .zhHans)
        try await account.create(on: county.db)
        for grant in grants {
            try await RoleGrantRecord(id: UUID(), accountID: account.requireID(), grant: grant).create(on: county.db)
        }
        return Principal(accountID: try account.requireID(), grants: grants)
    }

    static func withWorld(on store: TestStore, _ body: (World) async throws -> Void) async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_796_011_200))  // 2026-11-30 12:00 Beijing
        try await withTestCounty(
            on: store,
            migrations: CommunityMigrations.all + MarketplaceMigrations.all + LogisticsMigrations.all
                + InsightsMigrations.all,
            seedDemo: true, dependencies: clock.dependencies
        ) { county in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("designs-\(UUID())")
            defer { try? FileManager.default.removeItem(at: directory) }
            let queue = JobQueue(dependencies: clock.dependencies, workerID: "test")
            var context = MarketplaceContext(
                dependencies: clock.dependencies, transactions: county.database.transactions)
            context.listingObserver = DesignWatch(queue: queue)
            let shops = ShopService(context: context)
            let villages = try await Village.query(on: county.db).with(\.$town).all()
            let dingzhuang = try #require(villages.first { $0.nameEn == "Dingzhuang" })
            let other = try #require(villages.first { $0.$town.id != dingzhuang.$town.id })
            let filer = try await account(county, "filer", [RoleGrant(role: .seller)])
            let copier = try await account(county, "copier", [RoleGrant(role: .seller)])
            let office = try await account(
                county, "office", [RoleGrant(role: .official, scope: .town(dingzhuang.$town.id))])
            let elsewhere = try await account(
                county, "elsewhere", [RoleGrant(role: .official, scope: .town(other.$town.id))])
            let filerShop = try await shops.open(
                .init(name: "丁庄汉服坊", villageID: try dingzhuang.requireID(), kind: .individual), by: filer,
                on: county.db)
            let copierShop = try await shops.open(
                .init(name: "别家服饰", villageID: try other.requireID(), kind: .individual), by: copier, on: county.db)
            let insights = InsightsContext(dependencies: clock.dependencies, transactions: county.database.transactions)
            try await body(
                World(
                    county: county, clock: clock,
                    registry: DesignRegistry(context: insights, photos: PhotoStore(directory: directory)),
                    catalog: CatalogService(context: context), shops: shops, queue: queue, filer: filer,
                    copier: copier, office: office, elsewhere: elsewhere, filerShop: try filerShop.requireID(),
                    copierShop: try copierShop.requireID(),
                    set: try LabelledDesigns.generate(designs: 2, unrelated: 2, side: 200, seed: 7)))
        }
    }

    @Test(arguments: TestStore.available)
    func aFilingIsNumberedByItsDayAndBadFilingsChangeNothing(store: TestStore) async throws {
        try await Self.withWorld(on: store) { world in
            let new = DesignRegistry.NewDesign(
                shopID: world.filerShop, title: "明制马面裙", description: "织金马面裙，丁庄村原创。",
                categoryID: CategoryTaxonomy.id(for: "costumes"))
            let first = try await world.registry.file(new, by: world.filer, shops: world.shops, on: world.db)
            let second = try await world.registry.file(new, by: world.filer, shops: world.shops, on: world.db)
            #expect(first.number == "SJ20261130-0001")
            #expect(second.number == "SJ20261130-0002")
            world.clock.advance(by: 12 * 3600)  // past midnight in Beijing
            let third = try await world.registry.file(new, by: world.filer, shops: world.shops, on: world.db)
            #expect(third.number == "SJ20261201-0001")

            var bad = new
            bad.title = " "
            await #expect(throws: Problem.self) {
                try await world.registry.file(bad, by: world.filer, shops: world.shops, on: world.db)
            }
            bad = new
            bad.categoryID = UUID()
            await #expect(throws: Problem.self) {
                try await world.registry.file(bad, by: world.filer, shops: world.shops, on: world.db)
            }
            // Not the shop's staff: as if the shop did not exist.
            await #expect(throws: Problem.notFound("The shop", field: "shopId")) {
                try await world.registry.file(new, by: world.copier, shops: world.shops, on: world.db)
            }
            #expect(try await DesignFiling.query(on: world.db).count() == 3)

            // A photo that is no image is refused, and so is a JPEG that does not decode.
            let id = try first.requireID()
            await #expect(throws: Problem.self) {
                try await world.registry.addPhoto(
                    Data("not a photo".utf8), declaredType: "image/jpeg", to: id, by: world.filer,
                    shops: world.shops, on: world.db)
            }
            await #expect(throws: Problem.self) {
                try await world.registry.addPhoto(
                    Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 1, 2, 3]), declaredType: "image/jpeg", to: id,
                    by: world.filer, shops: world.shops, on: world.db)
            }
            #expect(try await DesignPhoto.query(on: world.db).count() == 0)
        }
    }

    @Test(arguments: TestStore.available)
    func aCopiedListingRaisesOneAlertAndOwnOrUnrelatedListingsNone(store: TestStore) async throws {
        try await Self.withWorld(on: store) { world in
            let filing = try await world.fileFirstDesign()
            let copy = try #require(world.set.listings.first { $0.copyOf == 0 && $0.kind == .retitled })
            let unrelated = try #require(world.set.listings.first { $0.copyOf == nil })
            // Listing queues a scan, once however many listings wait.
            let copied = try await world.listing(
                copy.item.title, description: copy.item.description, photo: copy.item.photo)
            _ = try await world.listing(
                unrelated.item.title, description: unrelated.item.description, photo: unrelated.item.photo)
            _ = try await world.listing(
                "自家同款", description: world.set.designs[0].description, photo: world.set.designs[0].photo,
                shop: world.filerShop, by: world.filer)
            #expect(
                try await Job.query(on: world.db).filter(\.$kind == InsightsJobs.designScan).filter(
                    \.$status == .queued
                )
                .count() == 1)

            let report = try await world.registry.scan(on: world.db)
            #expect(report.photosHashed == 3)
            #expect(report.listingsChecked == 3)
            #expect(report.alertsRaised == 1)
            #expect(try await world.registry.scan(on: world.db) == DesignRegistry.ScanReport())

            let alerts = try await world.registry.alerts(by: world.filer, on: world.db)
            #expect(alerts.map(\.alert.$product.id) == [copied])
            #expect(alerts.first?.filingNumber == filing.number)
            #expect(alerts.first?.sides == [.filer])
            #expect(try await world.registry.alerts(by: world.copier, on: world.db).first?.sides == [.seller])
            #expect(try await world.registry.alerts(by: world.office, on: world.db).first?.sides == [.office])
            // The copier's town office sees it too; nobody else does.
            #expect(try await world.registry.alerts(by: world.elsewhere, on: world.db).first?.sides == [.office])
            let stranger = try await Self.account(world.county, "stranger", [RoleGrant(role: .buyer)])
            #expect(try await world.registry.alerts(by: stranger, on: world.db).isEmpty)

            // Changing the copy's text compares it again, but raises nothing new.
            _ = try await world.catalog.update(
                copied, .init(title: "新标题 汉服"), by: world.copier, shops: world.shops, on: world.db)
            let again = try await world.registry.scan(on: world.db)
            #expect(again.listingsChecked == 1 && again.alertsRaised == 0)
        }
    }

    /// A chain of scans (the background job's, after a bulk import) goes on after the listing
    /// the last one stopped at; a listing that changes behind it waits for a pass from the start.
    @Test(arguments: TestStore.available)
    func aChainOfScansGoesOnWhereTheLastStopped(store: TestStore) async throws {
        try await Self.withWorld(on: store) { world in
            while try await world.registry.scan(limit: 1_000, on: world.db).more {}
            var ids: [UUID] = []
            for number in 0..<5 { ids.append(try await world.listing("连衣裙 \(number)", description: "", photo: nil)) }
            let sorted = ids.sorted { $0.uuidString < $1.uuidString }

            let first = try await world.registry.scan(limit: 2, on: world.db)
            #expect(first.listingsChecked == 2 && first.more && first.resumeAfter == sorted[1])
            let second = try await world.registry.scan(limit: 2, after: first.resumeAfter, on: world.db)
            #expect(second.listingsChecked == 2 && second.more && second.resumeAfter == sorted[3])
            _ = try await world.catalog.update(
                sorted[0], .init(title: "新标题 连衣裙"), by: world.copier, shops: world.shops, on: world.db)
            let third = try await world.registry.scan(limit: 2, after: second.resumeAfter, on: world.db)
            #expect(third.listingsChecked == 1 && !third.more && third.resumeAfter == nil)
            let fromStart = try await world.registry.scan(limit: 2, on: world.db)
            #expect(fromStart.listingsChecked == 1 && !fromStart.more)
            #expect(try await world.registry.scan(on: world.db) == DesignRegistry.ScanReport())
        }
    }

    /// A listing is compared again when one of its photos is removed, and when a photo of it is
    /// hashed after its comparison (here a photo row written behind the catalogue's back, as a
    /// scan that stopped before hashing it would leave it); then a scan finds nothing due.
    @Test(arguments: TestStore.available)
    func aListingIsComparedAgainWhenItsPhotosChange(store: TestStore) async throws {
        try await Self.withWorld(on: store) { world in
            let copy = try #require(world.set.listings.first { $0.copyOf == 0 })
            let id = try await world.listing(
                copy.item.title, description: copy.item.description, photo: copy.item.photo)
            while try await world.registry.scan(limit: 1_000, on: world.db).more {}
            #expect(try await world.registry.scan(on: world.db) == DesignRegistry.ScanReport())

            let photo = try #require(
                try await ProductPhoto.query(on: world.db).filter(\.$product.$id == id).first())
            try await world.catalog.removePhoto(
                try photo.requireID(), by: world.copier, shops: world.shops, store: world.registry.photos,
                on: world.db)
            let afterRemoval = try await world.registry.scan(on: world.db)
            #expect(afterRemoval.listingsChecked == 1 && afterRemoval.photosHashed == 0)
            #expect(try await world.registry.scan(on: world.db) == DesignRegistry.ScanReport())

            try await ProductPhoto(
                id: UUID(), productID: id, position: 0, format: .jpeg, byteCount: 1, at: world.clock.now
            ).create(on: world.db)
            let afterHashing = try await world.registry.scan(on: world.db)
            #expect(afterHashing.photosHashed == 1 && afterHashing.listingsChecked == 1)
            #expect(try await world.registry.scan(on: world.db) == DesignRegistry.ScanReport())

            // The upgrade forgets a comparison whose photo count no longer holds, and only that.
            let other = try await world.listing("别的 连衣裙", description: "", photo: nil)
            while try await world.registry.scan(limit: 1_000, on: world.db).more {}
            let sql = try #require(world.db as? any SQLDatabase)
            try await sql.raw("UPDATE design_checked_listings SET photo_count = 7 WHERE id = \(bind: id)").run()
            try await ForgetMiscountedListings().prepare(on: world.db)
            let due = try await world.registry.scan(on: world.db)
            #expect(due.listingsChecked == 1)
            let checked = try await sql.raw(
                "SELECT COUNT(*) AS n FROM design_checked_listings WHERE id = \(bind: other)"
            )
            .first()?.decode(column: "n", as: Int.self)
            #expect(checked == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func aDesignFiledAfterTheCopyIsListedIsComparedAtOnce(store: TestStore) async throws {
        try await Self.withWorld(on: store) { world in
            let copy = try #require(world.set.listings.first { $0.copyOf == 0 && $0.kind == .recoloured })
            _ = try await world.listing(copy.item.title, description: copy.item.description, photo: copy.item.photo)
            _ = try await world.registry.scan(on: world.db)
            #expect(try await CopyAlert.query(on: world.db).count() == 0)
            _ = try await world.fileFirstDesign()
            #expect(try await CopyAlert.query(on: world.db).count() == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func bothSidesSpeakTheOfficeDecidesAndADecidedCopyStaysOffSale(store: TestStore) async throws {
        try await Self.withWorld(on: store) { world in
            _ = try await world.fileFirstDesign()
            let copy = try #require(world.set.listings.first { $0.copyOf == 0 && $0.kind == .cropped })
            let product = try await world.listing(
                copy.item.title, description: copy.item.description, photo: copy.item.photo)
            _ = try await world.registry.scan(on: world.db)
            let alert = try #require(try await world.registry.alerts(by: world.office, on: world.db).first)
            let id = alert.id

            // The seller may not decide; the office may not make a statement; nobody unlists undecided.
            await #expect(throws: Problem.self) {
                try await world.registry.decide(id, .copy, note: "我说了算", by: world.copier, on: world.db)
            }
            await #expect(throws: Problem.self) {
                try await world.registry.state(id, statement: "…", by: world.office, on: world.db)
            }
            await #expect(throws: Problem.self) { try await world.registry.unlist(id, by: world.office, on: world.db) }

            let filerSaid = try await world.registry.state(
                id, statement: "2026年11月备案，照片为原创。", by: world.filer, on: world.db)
            #expect(filerSaid.alert.status == .disputed)
            let sellerSaid = try await world.registry.state(
                id, statement: "我们自己设计的。", by: world.copier, on: world.db)
            #expect(sellerSaid.alert.filerStatement == "2026年11月备案，照片为原创。")
            #expect(sellerSaid.alert.sellerStatement == "我们自己设计的。")

            let decided = try await world.registry.decide(
                id, .copy, note: "照片与备案外观一致。", by: world.office, on: world.db)
            #expect(decided.alert.status == .decided && decided.alert.decision == .copy)
            await #expect(throws: Problem.self) {
                try await world.registry.decide(id, .notCopy, note: "改判", by: world.office, on: world.db)
            }
            await #expect(throws: Problem.self) {
                try await world.registry.state(id, statement: "再说一句", by: world.copier, on: world.db)
            }

            let unlisted = try await world.registry.unlist(id, by: world.office, on: world.db)
            #expect(unlisted.alert.unlistedAt != nil && !unlisted.productListed)
            let again = try await world.registry.unlist(id, by: world.office, on: world.db)
            #expect(again.alert.unlistedAt == unlisted.alert.unlistedAt)
            // The seller cannot put it back on sale.
            await #expect(throws: Problem.self) {
                try await world.catalog.update(
                    product, .init(listed: true), by: world.copier, shops: world.shops, on: world.db)
            }
            let held = try #require(try await Product.find(product, on: world.db))
            #expect(!held.listed && held.heldReason != nil)
        }
    }

    @Test(arguments: TestStore.available)
    func theFilerMayWithdrawAnUndecidedAlert(store: TestStore) async throws {
        try await Self.withWorld(on: store) { world in
            _ = try await world.fileFirstDesign()
            let copy = try #require(world.set.listings.first { $0.copyOf == 0 && $0.kind == .croppedRecoloured })
            _ = try await world.listing(copy.item.title, description: copy.item.description, photo: copy.item.photo)
            _ = try await world.registry.scan(on: world.db)
            let id = try #require(try await world.registry.alerts(by: world.filer, on: world.db).first).id
            await #expect(throws: Problem.self) {
                try await world.registry.withdraw(id, by: world.copier, on: world.db)
            }
            #expect(try await world.registry.withdraw(id, by: world.filer, on: world.db).alert.status == .withdrawn)
            await #expect(throws: Problem.self) {
                try await world.registry.decide(id, .copy, note: "迟了", by: world.office, on: world.db)
            }
        }
    }

    /// Not a database test: the detector on a generated labelled set, as the benchmark measures
    /// it at scale (`bench/designs`).
    @Test func theDetectorFindsMostCopiesAndFlagsFewOthersOnALabelledSet() throws {
        let set = try LabelledDesigns.generate(designs: 12, unrelated: 48, side: 200, seed: 3)
        let score = LabelledDesigns.score(try set.pairs(with: CopyDetector()))
        #expect(score.truePositives + score.falseNegatives == 48)
        #expect(score.recall >= 0.9)
        #expect(score.precision >= 0.9)
        // Without the text, re-titled copies are still found by their photos alone.
        var blind = CopyDetector()
        blind.weakText = 2
        blind.strongText = 2
        let photosOnly = LabelledDesigns.score(try set.pairs(with: blind))
        #expect(photosOnly.recallByKind["retitled"]?.found == 12)
    }
}
