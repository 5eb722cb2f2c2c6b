import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Logistics
import Testing

/// A courier's day on the demo county: load, hand over stop by stop, a door delivery with
/// proof, a failed stop, hand in at the hub; each parcel with exactly one holder throughout.
@Suite("Logistics: the courier's run")
struct CourierServiceTests {
    static let date = "2026-12-03"

    /// A published plan of the demo day whose first run the demo courier drives.
    static func withPublishedRun<T>(
        on store: TestStore, _ body: (TestCounty, PlanView.Run, Principal) async throws -> T
    ) async throws -> T {
        try await withTestNetwork(on: store) { county in
            try await LogisticsDemo.loadDay(date, at: Date(), on: county.db)
            let dispatcher = try await county.principal("dispatcher")
            let service = DispatchService()
            let plan = try await service.plan(date, timeLimit: 0.3, by: .account(dispatcher), on: county.db).plan
            let courier = try await county.principal("courier")
            let first = try #require(plan.runs.first { $0.stops.count >= 3 })
            let row = try #require(try await DispatchRun.find(first.id, on: county.db))
            row.$courier.id = courier.accountID
            try await row.save(on: county.db)
            let published = try await service.publish(plan.id, by: dispatcher, on: county.db)
            return try await body(county, try #require(published.runs.first { $0.id == first.id }), courier)
        }
    }

    static func holder(_ tracking: String, on db: any Database) async throws -> Holder? {
        try await Parcel.query(on: db).filter(\.$trackingNumber == tracking).first()?.currentHolder
    }

    @Test(arguments: TestStore.available)
    func aRunFromLoadingToHandingInMovesEveryParcelOnceWithItsHistory(store: TestStore) async throws {
        try await Self.withPublishedRun(on: store) { county, run, courier in
            let service = CourierService()
            let db = county.db
            // Not before loading.
            await #expect(throws: Problem.self) {
                try await service.finish(run.stops[0].id, by: courier, on: db)
            }
            let deliveries = run.stops.flatMap(\.deliver)
            #expect(try await service.load(run.id, by: courier, on: db) == deliveries.count)
            #expect(try await service.load(run.id, by: courier, on: db) == 0, "loading again moves nothing")
            for tracking in deliveries { #expect(try await Self.holder(tracking, on: db) == .run(run.id)) }

            // Stop 1: scanned one by one, lowercase and with spaces, then done.
            let first = run.stops[0]
            for tracking in first.deliver {
                #expect(
                    try await service.scan(first.id, tracking: " \(tracking.lowercased()) ", by: courier, on: db)
                        == .left)
                #expect(try await service.scan(first.id, tracking: tracking, by: courier, on: db) == .already)
                #expect(try await Self.holder(tracking, on: db) == .node(first.node.id!))
            }
            await #expect(throws: Problem.self) {
                try await service.scan(first.id, tracking: "NOT-HERE-1", by: courier, on: db)
            }
            try await service.finish(first.id, by: courier, on: db)
            for tracking in first.pickup { #expect(try await Self.holder(tracking, on: db) == .run(run.id)) }

            // Stop 2: one parcel to the door with the phone's digits, the rest failed.
            let second = run.stops[1]
            if let door = second.deliver.first {
                let parcel = try #require(try await Parcel.query(on: db).filter(\.$trackingNumber == door).first())
                let digits = String(try #require(parcel.contactPhone).suffix(4))
                let wrong = digits == "0000" ? "1111" : "0000"
                await #expect(throws: Problem.self) {
                    try await service.handToRecipient(
                        second.id, tracking: door, proof: .phoneLast4(wrong), by: courier, on: db)
                }
                try await service.handToRecipient(
                    second.id, tracking: door, proof: .phoneLast4(digits), by: courier, on: db)
                #expect(try await Self.holder(door, on: db) == .recipient)
            }
            try await service.fail(second.id, reason: "站点锁门，电话无人接", by: courier, on: db)
            for tracking in second.deliver.dropFirst() {
                #expect(try await Self.holder(tracking, on: db) == .run(run.id))
            }
            for tracking in second.pickup { #expect(try await Self.holder(tracking, on: db) == .node(second.node.id!)) }

            // Back at the hub: everything aboard is handed in.
            try await service.unload(run.id, by: courier, on: db)
            let hub = try await DispatchService().hub(on: db)
            for tracking in second.deliver.dropFirst() + first.pickup {
                #expect(try await Self.holder(tracking, on: db) == .node(hub.id!))
            }
            #expect(try await Parcel.query(on: db).filter(\.$holder == Holder.run(run.id).rawValue).count() == 0)
            // Every parcel's history chains: one event per custody version.
            for parcel in try await Parcel.query(on: db).all() {
                let events = try await ParcelEvent.query(on: db).filter(\.$parcel.$id == parcel.requireID()).all()
                #expect(events.map(\.sequence).sorted() == Array(0...parcel.custodyVersion))
            }
        }
    }

    @Test(arguments: TestStore.available)
    func anotherCourierCannotTouchTheRun(store: TestStore) async throws {
        try await Self.withPublishedRun(on: store) { county, run, _ in
            let other = Principal(accountID: UUID(), grants: [RoleGrant(role: .courier)])
            let service = CourierService()
            await #expect(throws: Problem.self) { try await service.load(run.id, by: other, on: county.db) }
            await #expect(throws: Problem.self) {
                try await service.scan(
                    run.stops[0].id, tracking: run.stops[0].deliver.first ?? "X", by: other, on: county.db)
            }
            let theirs = try await DispatchService().runs(of: other.accountID, on: Self.date, on: county.db)
            #expect(theirs.isEmpty)
        }
    }
}
