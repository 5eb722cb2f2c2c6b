import Community
import DomainTesting
import FluentKit
import Foundation
import Insights
import JishiKit
import Marketplace
import Persistence
import Testing

/// The registry of shops on every platform: snapshots taken by hand and by the monthly job,
/// the changes between two, the CSV, and what a town's official sees.
@Suite("Insights: the shop registry, its monthly snapshots and their changes")
struct RegistryTests {
    static let shops = """
        platform,shop_ref,kind,village_code,opened_on,closed_on,main_category
        taobao,DL001,individual,371721105201,2009-04-12,,costumes
        taobao,DL002,individual,371721105201,2012-03-01,,costumes
        pinduoduo,ZZ001,individual,371721105202,2019-05-31,,farm
        douyin,CC001,individual,371721001001,2020-01-01,,

        """

    @Test(arguments: TestStore.available)
    func snapshotsAndTheChangesBetweenThem(store: TestStore) async throws {
        let clock = TestClock()
        try await withInsights(on: store) { county, base in
            let context = InsightsContext(dependencies: clock.dependencies, transactions: base.transactions)
            _ = try await GeographyImport(context: context).run(Data(ImportTests.geography.utf8), on: county.db)
            _ = try await ShopsImport(context: context).run(Data(Self.shops.utf8), on: county.db)
            let registry = ShopRegistry(context: context)
            let first = try await registry.take(month: "2026-10", by: nil, on: county.db)
            #expect(first.shops == 4)

            // November: one shop closes, one moves, one changes its category and becomes an
            // enterprise, one opens.
            let november = """
                platform,shop_ref,kind,village_code,opened_on,closed_on,main_category
                taobao,DL001,individual,371721105201,2009-04-12,2026-11-20,costumes
                taobao,DL002,enterprise,371721105201,2012-03-01,,clothing
                pinduoduo,ZZ001,individual,371721105201,2019-05-31,,farm
                taobao,DL003,individual,371721105202,2026-11-02,,

                """
            _ = try await ShopsImport(context: context).run(Data(november.utf8), on: county.db)
            _ = try await registry.take(month: "2026-11", by: nil, on: county.db)
            // Taken again, the month's snapshot is replaced, not doubled.
            let again = try await registry.take(month: "2026-11", by: nil, on: county.db)
            #expect(again.shops == 5)
            #expect(try await registry.snapshots(by: nil, on: county.db).map(\.month) == ["2026-11", "2026-10"])

            let changes = try await registry.changes(from: "2026-10", to: "2026-11", by: nil, on: county.db)
            let described = changes.map {
                "\($0.kind.rawValue) \($0.platform) \($0.shopRef) \($0.villageCode) \($0.previous ?? "-") \($0.current ?? "-")"
            }
            #expect(
                described
                    == [
                        "closed taobao DL001 371721105201 - 2026-11-20",
                        "recategorised taobao DL002 371721105201 costumes clothing",
                        "upgraded taobao DL002 371721105201 - -",
                        "moved pinduoduo ZZ001 371721105201 371721105202 -",
                        "opened taobao DL003 371721105202 - 2026-11-02",
                    ].sorted { a, b in
                        let x = a.split(separator: " ")
                        let y = b.split(separator: " ")
                        return (x[3], x[1], x[2], x[0]) < (y[3], y[1], y[2], y[0])
                    })

            // The October snapshot still says what October was.
            let october = try await registry.entries(month: "2026-10", by: nil, on: county.db)
            #expect(october.first { $0.shopRef == "DL001" }?.closedOn == nil)
            let csv = ShopRegistry.csv(october).split(separator: "\r\n").map(String.init)
            #expect(csv.first == ShopRegistry.csvHeader)
            #expect(csv.contains("taobao,DL001,individual,371721105201,371721105,costumes,2009-04-12,"))
            await #expect(throws: Problem.self) {
                _ = try await registry.entries(month: "2026-09", by: nil, on: county.db)
            }

            // A town's official sees the town's shops and changes only.
            let town = try #require(try await Town.query(on: county.db).filter(\.$code == "371721001").first())
            let official = Principal(
                accountID: UUID(), grants: [RoleGrant(role: .official, scope: .town(try town.requireID()))])
            #expect(try await registry.entries(month: nil, by: official, on: county.db).map(\.shopRef) == ["CC001"])
            #expect(try await registry.changes(from: "2026-10", to: "2026-11", by: official, on: county.db).isEmpty)
            // … and may not take a snapshot; a seller sees nothing.
            await #expect(throws: Problem.self) { _ = try await registry.take(by: official, on: county.db) }
            let seller = Principal(accountID: UUID(), grants: [RoleGrant(role: .seller)])
            await #expect(throws: Problem.self) { _ = try await registry.snapshots(by: seller, on: county.db) }
        }
    }

    @Test(arguments: TestStore.available)
    func theJobTakesEachMonthsSnapshotAtItsTurnAndQueuesTheNext(store: TestStore) async throws {
        // 2026-11-30 12:00 Beijing.
        let clock = TestClock(Date(timeIntervalSince1970: 1_796_011_200))
        try await withInsights(on: store) { county, base in
            let context = InsightsContext(dependencies: clock.dependencies, transactions: base.transactions)
            _ = try await GeographyImport(context: context).run(Data(ImportTests.geography.utf8), on: county.db)
            _ = try await ShopsImport(context: context).run(Data(Self.shops.utf8), on: county.db)
            let queue = InsightsJobs.register(
                on: JobQueue(dependencies: clock.dependencies, workerID: "test"), context: context,
                photos: PhotoStore(directory: FileManager.default.temporaryDirectory))
            try await InsightsJobs.schedule(on: county.db, queue: queue)
            try await InsightsJobs.schedule(on: county.db, queue: queue)  // once is enough
            #expect(try await Job.query(on: county.db).filter(\.$kind == InsightsJobs.registrySnapshot).count() == 1)
            #expect(try await queue.runDue(on: county.db) == 0)  // not before the month's turn
            clock.advance(by: 13 * 3600)  // 2026-12-01 01:00 Beijing
            #expect(try await queue.runDue(on: county.db) == 1)
            let registry = ShopRegistry(context: context)
            #expect(try await registry.snapshots(by: nil, on: county.db).map(\.month) == ["2026-11"])
            let next = try await Job.query(on: county.db).filter(\.$kind == InsightsJobs.registrySnapshot)
                .filter(\.$status == .queued).all()
            #expect(next.map(\.payload) == ["2026-12"])
        }
    }
}
