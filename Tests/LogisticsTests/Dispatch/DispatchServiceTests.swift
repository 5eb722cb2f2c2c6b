import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Logistics
import Testing

/// The day read from the database, planned, kept as a draft, adjusted, published; who may.
@Suite("Logistics: the day's dispatch")
struct DispatchServiceTests {
    static let date = "2026-12-03"

    /// The demo network and fleet with the demo's day of parcels.
    static func withDemoDay<T>(on store: TestStore, _ body: (TestCounty) async throws -> T) async throws -> T {
        try await withTestNetwork(on: store) { county in
            try await LogisticsDemo.loadDay(date, at: Date(), on: county.db)
            return try await body(county)
        }
    }

    @Test(arguments: TestStore.available)
    func aPlannedDayPutsEveryDueParcelOnOneRunOrListsItAndKeepsTheDraft(store: TestStore) async throws {
        try await Self.withDemoDay(on: store) { county in
            let service = DispatchService()
            let dispatcher = try await county.principal("dispatcher")
            let (plan, instance) = try await service.plan(
                Self.date, timeLimit: 0.5, seed: 7, by: .account(dispatcher), on: county.db)
            #expect(plan.status == .draft)
            #expect(!plan.runs.isEmpty && instance != nil)
            let due = try await Parcel.query(on: county.db).filter(\.$dueDate == Self.date).all()
            let planned =
                plan.runs.flatMap(\.stops).flatMap { $0.deliver + $0.pickup } + plan.unassigned.map(\.tracking)
            #expect(planned.sorted() == due.map(\.trackingNumber).sorted())
            #expect(Set(planned).count == planned.count)
            #expect(plan.distanceMeters == plan.runs.reduce(0) { $0 + $1.distanceMeters })
            // Each stop's weights match its parcels', and no van carries more than it holds.
            let weight = Dictionary(uniqueKeysWithValues: due.map { ($0.trackingNumber, $0.weightGrams) })
            for run in plan.runs {
                var load = run.stops.reduce(0) { $0 + $1.deliverGrams }
                #expect(load <= run.vehicle.capacityGrams)
                for stop in run.stops {
                    #expect(stop.deliverGrams == stop.deliver.reduce(0) { $0 + weight[$1]! })
                    #expect(stop.pickupGrams == stop.pickup.reduce(0) { $0 + weight[$1]! })
                    load += stop.pickupGrams - stop.deliverGrams
                    #expect(load <= run.vehicle.capacityGrams)
                    #expect(stop.arrivalSeconds >= (stop.node.opensAt - plan.shiftStart) * 60)
                    #expect(stop.arrivalSeconds <= (stop.node.closesAt - plan.shiftStart) * 60)
                }
                #expect(run.durationSeconds <= run.vehicle.shiftMinutes * 60)
            }
            // The demo courier drives VAN-1.
            let courier = try #require(try await Account.query(on: county.db).filter(\.$username == "courier").first())
            #expect(plan.runs.filter { $0.courierID == courier.id }.allSatisfy { $0.vehicle.code == "VAN-1" })
            // The command's JSON: the contract's keys, in its order.
            let text = PlanDocument(plan).json
            #expect(
                text.hasPrefix("{\"date\": \"\(Self.date)\", \"distanceMeters\": \(plan.distanceMeters), \"runs\": ["))
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(Set(decoded.keys) == ["date", "distanceMeters", "runs", "unassigned"])
            let runs = try #require(decoded["runs"] as? [[String: Any]])
            #expect(runs.allSatisfy { Set($0.keys) == ["vehicle", "distanceMeters", "durationSeconds", "stops"] })
            let stops = runs.flatMap { $0["stops"] as? [[String: Any]] ?? [] }
            #expect(stops.allSatisfy { Set($0.keys) == ["node", "instanceIndex", "deliver", "pickup"] })
            #expect((decoded["unassigned"] as? [[String: Any]])?.count == plan.unassigned.count)
            // Stored, the same plan reads back.
            let again = try #require(try await service.view(Self.date, on: county.db))
            #expect(PlanDocument(again).runs.map(\.vehicle) == PlanDocument(plan).runs.map(\.vehicle))
        }
    }

    @Test(arguments: TestStore.available)
    func planningAgainKeepsLockedRunsAsTheyAreAndPublishingEndsChanges(store: TestStore) async throws {
        try await Self.withDemoDay(on: store) { county in
            let service = DispatchService()
            let dispatcher = try await county.principal("dispatcher")
            let first = try await service.plan(
                Self.date, timeLimit: 0.3, seed: 1, by: .account(dispatcher), on: county.db)
            let kept = try #require(first.plan.runs.first)
            _ = try await service.setLocked(kept.id, true, by: dispatcher, on: county.db)
            let second = try await service.plan(
                Self.date, timeLimit: 0.3, seed: 99, by: .account(dispatcher), on: county.db)
            let same = try #require(second.plan.runs.first { $0.id == kept.id })
            #expect(same.locked)
            #expect(same.stops.map(\.deliver) == kept.stops.map(\.deliver))
            #expect(same.stops.map(\.pickup) == kept.stops.map(\.pickup))
            let keptParcels = Set(kept.stops.flatMap { $0.deliver + $0.pickup })
            for run in second.plan.runs where run.id != kept.id {
                #expect(keptParcels.isDisjoint(with: run.stops.flatMap { $0.deliver + $0.pickup }))
                #expect(run.vehicle.id != kept.vehicle.id)
            }
            let published = try await service.publish(second.plan.id, by: dispatcher, on: county.db)
            #expect(published.status == .published)
            await #expect(throws: Problem.self) {
                try await service.plan(Self.date, timeLimit: 0.3, by: .account(dispatcher), on: county.db)
            }
            await #expect(throws: Problem.self) {
                try await service.publish(second.plan.id, by: dispatcher, on: county.db)
            }
            // The courier now sees their runs, and only theirs.
            let courier = try #require(try await Account.query(on: county.db).filter(\.$username == "courier").first())
            let runs = try await service.runs(of: courier.requireID(), on: Self.date, on: county.db)
            #expect(runs.allSatisfy { $0.courierID == courier.id })
            #expect(
                runs.map(\.vehicle.code) == published.runs.filter { $0.courierID == courier.id }.map(\.vehicle.code))
            #expect(try await service.runs(of: UUID(), on: Self.date, on: county.db).isEmpty)
        }
    }

    @Test(arguments: TestStore.available)
    func aMovedStopIsCheckedAndRetimedAndLockedRunsStay(store: TestStore) async throws {
        try await Self.withDemoDay(on: store) { county in
            let service = DispatchService()
            let dispatcher = try await county.principal("dispatcher")
            let plan = try await service.plan(Self.date, timeLimit: 0.3, by: .account(dispatcher), on: county.db).plan
            let run = try #require(plan.runs.first { $0.stops.count >= 2 })
            // Reverse the first two stops of a run: either it still fits and is retimed, or it is refused.
            do {
                let moved = try await service.moveStop(
                    run.stops[0].id, toRun: run.id, position: 2, by: dispatcher, on: county.db)
                let after = try #require(moved.runs.first { $0.id == run.id })
                #expect(after.stops.map(\.id).prefix(2) == [run.stops[1].id, run.stops[0].id])
                #expect(moved.distanceMeters == moved.runs.reduce(0) { $0 + $1.distanceMeters })
            } catch let problem as Problem {
                #expect(problem.status == 409)
            }
            await #expect(throws: Problem.self) {
                try await service.moveStop(run.stops[0].id, toRun: run.id, position: 99, by: dispatcher, on: county.db)
            }
            _ = try await service.setLocked(run.id, true, by: dispatcher, on: county.db)
            await #expect(throws: Problem.self) {
                try await service.moveStop(run.stops[0].id, toRun: run.id, position: 1, by: dispatcher, on: county.db)
            }
        }
    }

    @Test(arguments: TestStore.available)
    func onlyADispatcherOrAdminOfTheHubsCountyPlans(store: TestStore) async throws {
        try await Self.withDemoDay(on: store) { county in
            let service = DispatchService()
            let elsewhere = Principal(accountID: UUID(), grants: [RoleGrant(role: .dispatcher, scope: .county(UUID()))])
            let courier = try await county.principal("courier")
            for outsider in [elsewhere, courier] {
                await #expect(throws: Problem.self) {
                    try await service.plan(Self.date, timeLimit: 0.2, by: .account(outsider), on: county.db)
                }
            }
            #expect(try await DispatchPlan.query(on: county.db).count() == 0)
            await #expect(throws: Problem.self) {
                try await service.plan("2026-02-30", timeLimit: 0.2, by: .commandLine, on: county.db)
            }
            await #expect(throws: Problem.self) {
                try await service.plan(Self.date, timeLimit: 0, by: .commandLine, on: county.db)
            }
            let admin = try await county.principal("admin")
            _ = try await service.plan(Self.date, timeLimit: 0.2, by: .account(admin), on: county.db)
            #expect(try await DispatchPlan.query(on: county.db).count() == 1)
        }
    }
}
