import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Persistence
import SQLKit
import Testing

@Suite("The order book by month")
struct OrderPartitionTests {
    /// 2026-03-15 10:00 in Beijing.
    static let march = Date(timeIntervalSince1970: 1_773_540_000)

    @Test(arguments: TestStore.available)
    func ordersLinesAndEventsLandInTheirMonth(store: TestStore) async throws {
        let clock = TestClock(Self.march)
        try await withTestMarket(on: store, dependencies: clock.dependencies) { county in
            let created = try await OrderPartitions.ensure(at: clock.now, on: county.db)
            let fixture = try await MarketplaceFixture.make(county)
            let variant = try #require(try await fixture.product(variants: [("M", 4_000, 10)]).first)
            let buyer = try #require(try await fixture.buyers(1).first)
            let order = try await RefundAndStatementTests.paidOrder(fixture, variant, 2, buyer, key: "month-key-1")
            let orderID = try order.requireID()

            // Read back as before, whatever the layout.
            #expect(try await fixture.orders.detail(orderID, for: buyer, on: county.db).lines.count == 1)
            let mine = try await fixture.orders.orders(ofBuyer: buyer, page: .init(), on: county.db)
            #expect(mine.items.map(\.id) == [orderID])
            let shops = try await fixture.orders.orders(
                ofShop: try fixture.shop.requireID(), page: .init(), by: fixture.seller, on: county.db)
            #expect(shops.total == 1)
            let statement = try await StatementService().statement(
                shopID: try fixture.shop.requireID(), from: Date(timeIntervalSince1970: 1_772_294_400),
                to: Date(timeIntervalSince1970: 1_774_972_800), by: fixture.seller, on: county.db)
            #expect(statement.paidOrders == 1 && statement.salesMinor == 8_000)

            guard store == .postgres else {
                // SQLite keeps its one table of each: nothing to create.
                #expect(created.isEmpty)
                #expect(try await !OrderPartitions.isPartitioned(on: county.db))
                return
            }
            #expect(try await OrderPartitions.isPartitioned(on: county.db))
            #expect(created.contains("orders_p202603") && created.contains("order_lines_p202606"))
            #expect(try await Self.rows(of: "orders", on: county.db) == ["orders_p202603": 1])
            #expect(try await Self.rows(of: "order_lines", on: county.db) == ["order_lines_p202603": 1])
            #expect(try await Self.rows(of: "order_events", on: county.db) == ["order_events_p202603": 2])

            // A month nobody created yet takes its rows in the default partitions; the job then
            // leaves that month alone (PostgreSQL would refuse it) and makes the months after.
            clock.advance(by: 3 * 366 * 24 * 3600)  // 2029-03
            let late = try await RefundAndStatementTests.paidOrder(fixture, variant, 1, buyer, key: "month-key-2")
            #expect(try await Self.rows(of: "orders", on: county.db)["orders_default"] == 1)
            let again = try await OrderPartitions.ensure(at: clock.now, on: county.db)
            #expect(!again.contains("orders_p202903") && again.contains("orders_p202904"))
            #expect(try await OrderPartitions.ensure(at: clock.now, on: county.db).isEmpty)
            #expect(try await fixture.orders.detail(late.requireID(), for: buyer, on: county.db).events.count == 2)
        }
    }

    @Test(arguments: TestStore.available)
    func migrationKeepsEveryOrderAndReverts(store: TestStore) async throws {
        try await withTestCounty(
            on: store, migrations: CommunityMigrations.all + MarketplaceMigrations.all, seedDemo: true
        ) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let variants = try await fixture.product(variants: [("A", 3_000, 20), ("B", 1_500, 20)])
            let buyers = try await fixture.buyers(2)
            let first = try await RefundAndStatementTests.paidOrder(
                fixture, variants[0], 2, buyers[0], key: "migrate-key-1")
            _ = try await RefundAndStatementTests.paidOrder(fixture, variants[1], 3, buyers[1], key: "migrate-key-2")
            let refunds = RefundService(context: fixture.context)
            let refund = try await refunds.request(
                orderID: try first.requireID(), amountMinor: 1_000, reason: "破损", requiresReturn: false,
                by: buyers[0], on: county.db)
            _ = try await refunds.approve(refund.requireID(), by: fixture.seller, on: county.db)
            let unpaid = try await fixture.checkouts.checkout(
                try fixture.request([(variants[0], 1)]), idempotencyKey: "migrate-key-3", by: buyers[0], on: county.db)
            let before = try await Self.snapshot(fixture)
            #expect(before.orders == 3 && before.refunds == 1 && before.statement.paidOrders == 2)

            let migration = PartitionOrdersByMonth()
            try await migration.prepare(on: county.db)
            #expect(try await OrderPartitions.isPartitioned(on: county.db) == (store == .postgres))
            #expect(try await Self.snapshot(fixture) == before)

            if store == .postgres {
                let sql = try county.db.sql()
                // References hold as the foreign keys did: no event for an order that is not there…
                await #expect(throws: (any Error).self) {
                    try await OrderEvent(
                        id: UUID(), orderID: UUID(), from: nil, to: .paid, actorID: nil, reason: "none", at: Date()
                    ).create(on: county.db)
                }
                // …and deleting an order takes its lines and events with it.
                let gone = try #require(unpaid.orders.first).requireID()
                try await sql.raw("DELETE FROM orders WHERE id = \(bind: gone)").run()
                #expect(try await OrderLine.query(on: county.db).filter(\.$order.$id == gone).count() == 0)
                #expect(try await OrderEvent.query(on: county.db).filter(\.$order.$id == gone).count() == 0)
                // A refunded order's refund goes with it, as `ON DELETE CASCADE` had it.
                try await sql.raw("DELETE FROM orders WHERE id = \(bind: first.requireID())").run()
                #expect(try await Refund.query(on: county.db).count() == 0)
            }
            let after = try await Self.snapshot(fixture)
            try await migration.revert(on: county.db)
            #expect(try await !OrderPartitions.isPartitioned(on: county.db))
            #expect(try await Self.snapshot(fixture) == after)
            if store == .postgres {
                // The plain tables have their foreign keys back.
                let keys = try await county.db.sql().raw(
                    """
                    SELECT COUNT(*) AS n FROM pg_constraint \
                    WHERE contype = 'f' AND confrelid IN (to_regclass('orders'), to_regclass('order_lines'))
                    """
                ).first()?.decode(column: "n", as: Int.self)
                // lines, events, refunds, reviews (order and line), supply orders.
                #expect(keys == 6)
                await #expect(throws: (any Error).self) {
                    try await OrderEvent(
                        id: UUID(), orderID: UUID(), from: nil, to: .paid, actorID: nil, reason: "none", at: Date()
                    ).create(on: county.db)
                }
            }
        }
    }

    @Test(arguments: TestStore.available)
    func theJobCreatesTheMonthsAheadAndRunningItTwiceIsHarmless(store: TestStore) async throws {
        // 2027-06-15 in Beijing.
        let clock = TestClock(Date(timeIntervalSince1970: 1_812_988_800))
        try await withTestMarket(on: store, dependencies: clock.dependencies) { county in
            let queue = MarketplaceJobs.register(
                on: JobQueue(dependencies: clock.dependencies, workerID: "test"), context: county.marketplace)
            try await MarketplaceJobs.scheduleOrderPartitions(on: county.db, queue: queue)
            try await MarketplaceJobs.scheduleOrderPartitions(on: county.db, queue: queue)
            #expect(try await Self.queued(on: county.db).count == 1)

            #expect(try await queue.runDue(on: county.db) == 1)
            let months = ["202706", "202707", "202708", "202709"]
            if store == .postgres {
                for table in ["orders", "order_lines", "order_events"] {
                    let names = Set(try await OrderPartitions.rowCounts(of: table, on: county.db).map(\.0))
                    #expect(Set(months.map { "\(table)_p\($0)" }).isSubset(of: names))
                    #expect(!names.contains("\(table)_p202710"))
                }
            }
            // It queued itself for the next day; that run finds nothing to do and fails nothing.
            let next = try #require(try await Self.queued(on: county.db).first)
            #expect(next.runAt == clock.now.addingTimeInterval(MarketplaceJobs.orderPartitionsInterval))
            clock.advance(by: MarketplaceJobs.orderPartitionsInterval)
            #expect(try await queue.runDue(on: county.db) == 1)
            let runs = try await Job.query(on: county.db).filter(\.$kind == MarketplaceJobs.orderPartitions).all()
            #expect(runs.filter { $0.status == .done }.count == 2)
            #expect(runs.allSatisfy { $0.lastError == nil })
            #expect(try await Self.queued(on: county.db).count == 1)
            #expect(try await OrderPartitions.ensure(at: clock.now, on: county.db).isEmpty)
        }
    }

    static func queued(on database: any Database) async throws -> [Job] {
        try await Job.query(on: database).filter(\.$kind == MarketplaceJobs.orderPartitions)
            .filter(\.$status == .queued).all()
    }

    /// The partitions of `table` that hold rows, with their counts.
    static func rows(of table: String, on database: any Database) async throws -> [String: Int] {
        Dictionary(
            uniqueKeysWithValues: try await OrderPartitions.rowCounts(of: table, on: database).filter { $0.1 > 0 })
    }

    struct Snapshot: Equatable {
        var orders: Int
        var lines: Int
        var events: Int
        var refunds: Int
        var statuses: [String]
        var statement: Statement
    }

    static func snapshot(_ fixture: MarketplaceFixture) async throws -> Snapshot {
        let db = fixture.county.db
        let orders = try await Order.query(on: db).sort(\.$id).all()
        return Snapshot(
            orders: orders.count, lines: try await OrderLine.query(on: db).count(),
            events: try await OrderEvent.query(on: db).count(), refunds: try await Refund.query(on: db).count(),
            statuses: orders.map(\.status.rawValue),
            statement: try await StatementService().statement(
                shopID: try fixture.shop.requireID(), from: Date(timeIntervalSince1970: 0),
                to: Date(timeIntervalSince1970: 4_000_000_000), by: fixture.seller, on: db))
    }
}
