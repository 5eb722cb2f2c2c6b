import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import Routing

/// The county's day: reads what is due from the database, plans it on the routing engine,
/// keeps the plan (as a draft the dispatcher may adjust, then published to the couriers).
public struct DispatchService: Sendable {
    public let dependencies: Dependencies
    public var transactions: TransactionRunner
    public var roads: RoadService
    public var engine = DispatchPlanner()

    public init(
        dependencies: Dependencies = .live, transactions: TransactionRunner = TransactionRunner(serialized: false),
        roads: RoadService = RoadService()
    ) {
        self.dependencies = dependencies
        self.transactions = transactions
        self.roads = roads
    }

    /// Who plans: an account (who must dispatch in the hub's county) or the command line,
    /// which the county's operator runs on the server itself.
    public enum Planner: Sendable {
        case account(Principal)
        case commandLine
    }

    /// How long the engine may search, in seconds.
    public static let timeLimits: ClosedRange<Double> = 0.1...300

    /// The day read from the database, with the nodes the sites stand for.
    public struct Day: Sendable {
        public var problem: DayProblem
        public var hub: NetworkNode
        /// The node of each of `problem.sites`.
        public var nodes: [NetworkNode]
    }

    /// The county hub every run starts from: the first open one by code.
    public func hub(on database: any Database) async throws -> NetworkNode {
        guard
            let hub = try await NetworkNode.query(on: database).filter(\.$kind == .countyHub)
                .filter(\.$active == true).sort(\.$code).first()
        else { throw Problem.notFound("The county hub", field: "hub") }
        return hub
    }

    /// May `planner` plan and change the day of `hub`'s county?
    public func requireDispatcher(_ planner: Planner, hub: NetworkNode, on database: any Database) async throws {
        guard case .account(let principal) = planner else { return }
        guard let town = try await Town.find(hub.$town.id, on: database) else {
            throw Problem.notFound("The county hub's town", field: "hub")
        }
        try Authorization.require(principal, .dispatch, .place(Place(countyID: town.$county.id)))
    }

    /// Inbound parcels due on `date` still with their carrier or at the hub (and older ones
    /// left at the hub), and outbound parcels due by `date` still waiting at their node; the
    /// active fleet; the distances. Parcels and vans in `excluding` (a draft's locked runs)
    /// are left out.
    public func day(
        _ date: String, excludingParcels: Set<UUID> = [], excludingVehicles: Set<UUID> = [], on database: any Database
    ) async throws -> Day {
        guard PageDate.day(date) != nil else { throw Problem.validation("date", "A date such as 2026-12-03.") }
        let hub = try await hub(on: database)
        let hubID = try hub.requireID()
        let atHub = Holder.node(hubID).rawValue
        let inbound = try await Parcel.query(on: database).filter(\.$direction == .inbound)
            .filter(\.$dueDate <= date).filter(\.$holder ~~ [Holder.carrier.rawValue, atHub]).all()
            .filter { $0.dueDate == date || $0.holder == atHub }
        let outbound = try await Parcel.query(on: database).filter(\.$direction == .outbound)
            .filter(\.$dueDate <= date).all()
            .filter { $0.holder == Holder.node($0.$origin.id).rawValue }
        let carriers = try await Carrier.query(on: database).all().reduce(into: [UUID: String]()) {
            if let id = $1.id { $0[id] = $1.code }
        }
        var deliver: [UUID: [DayProblem.Load]] = [:]
        var pickup: [UUID: [DayProblem.Load]] = [:]
        for parcel in inbound {
            let id = try parcel.requireID()
            guard !excludingParcels.contains(id) else { continue }
            deliver[parcel.$destination.id, default: []].append(
                DayProblem.Load(
                    parcelID: id, tracking: parcel.trackingNumber, grams: parcel.weightGrams,
                    carrier: carriers[parcel.$carrier.id] ?? ""))
        }
        for parcel in outbound {
            let id = try parcel.requireID()
            guard !excludingParcels.contains(id) else { continue }
            pickup[parcel.$origin.id, default: []].append(
                DayProblem.Load(
                    parcelID: id, tracking: parcel.trackingNumber, grams: parcel.weightGrams,
                    carrier: carriers[parcel.$carrier.id] ?? ""))
        }
        let ids = Set(deliver.keys).union(pickup.keys).subtracting([hubID])
        let nodes = try await NetworkNode.query(on: database).filter(\.$id ~~ ids).sort(\.$code).all()
        let trucks = try await Vehicle.query(on: database).filter(\.$active == true).sort(\.$code).all()
            .filter { !excludingVehicles.contains($0.id ?? UUID()) }
            .map {
                DayProblem.Truck(
                    vehicleID: try $0.requireID(), code: $0.code, capacityGrams: $0.capacityGrams,
                    costPerKmMinor: $0.costPerKmMinor, fixedCostMinor: $0.fixedCostMinor, shiftMinutes: $0.shiftMinutes)
            }
        let all = [hub] + nodes
        let sites = try all.map { node in
            let id = try node.requireID()
            return DayProblem.Site(
                nodeID: id, code: node.code, opens: node.opensAt, closes: node.closesAt, active: node.active,
                deliver: id == hubID ? [] : deliver[id] ?? [], pickup: id == hubID ? [] : pickup[id] ?? [])
        }
        let matrix = try await roads.matrix(between: all, on: database)
        return Day(problem: DayProblem(date: date, sites: sites, trucks: trucks, matrix: matrix), hub: hub, nodes: all)
    }

    /// Plans `date` (or plans it again around a draft's locked runs) and keeps it as the
    /// day's draft. A `409` once the day's plan is published. Returns the plan and the
    /// instance the engine solved (nil when there was nothing to solve).
    public func plan(
        _ date: String, timeLimit: Double = 10, seed: UInt64 = 1, by planner: Planner,
        progress: (@Sendable (SolverProgress) -> Void)? = nil, on database: any Database
    ) async throws -> (plan: PlanView, instance: DispatchInstance?) {
        guard Self.timeLimits.contains(timeLimit) else {
            throw Problem.validation("timeLimitSeconds", "Between 0.1 and 300 seconds.")
        }
        guard PageDate.day(date) != nil else { throw Problem.validation("date", "A date such as 2026-12-03.") }
        let hub = try await hub(on: database)
        try await requireDispatcher(planner, hub: hub, on: database)
        let existing = try await DispatchPlan.query(on: database).filter(\.$date == date).first()
        if existing?.status == .published {
            throw Problem(type: .conflict, detail: "The plan for \(date) is published; it is no longer changed.")
        }
        var lockedParcels = Set<UUID>()
        var lockedVehicles = Set<UUID>()
        if let existing {
            let locked = try await DispatchRun.query(on: database).filter(\.$plan.$id == existing.requireID())
                .filter(\.$locked == true).all()
            lockedVehicles = Set(locked.map { $0.$vehicle.id })
            let stops = try await DispatchStop.query(on: database).filter(\.$run.$id ~~ locked.compactMap(\.id)).all()
            lockedParcels = Set(
                try await PlannedParcel.query(on: database).filter(\.$stop.$id ~~ stops.compactMap(\.id)).all()
                    .map { $0.$parcel.id })
        }
        let day = try await day(
            date, excludingParcels: lockedParcels, excludingVehicles: lockedVehicles, on: database)
        let (engine, problem) = (engine, day.problem)
        let (solved, instance) = await onThreadOfItsOwn {
            engine.plan(problem, stop: .maxRuntime(timeLimit), seed: seed, progress: progress)
        }
        let plannedBy: UUID? = if case .account(let principal) = planner { principal.accountID } else { nil }
        let now = dependencies.now()
        try await transactions.transaction(on: database) { db in
            let plan: DispatchPlan
            if let current = try await DispatchPlan.query(on: db).filter(\.$date == date).first() {
                guard current.status == .draft else {
                    throw Problem(
                        type: .conflict, detail: "The plan for \(date) is published; it is no longer changed.")
                }
                plan = current
                let planID = try plan.requireID()
                let unlocked = try await DispatchRun.query(on: db).filter(\.$plan.$id == planID)
                    .filter(\.$locked == false).all().compactMap(\.id)
                let stops = try await DispatchStop.query(on: db).filter(\.$run.$id ~~ unlocked).all().compactMap(\.id)
                try await PlannedParcel.query(on: db).filter(\.$stop.$id ~~ stops).delete()
                try await PlannedParcel.query(on: db).filter(\.$plan.$id == planID).filter(\.$stop.$id == nil).delete()
                try await DispatchStop.query(on: db).filter(\.$id ~~ stops).delete()
                try await DispatchRun.query(on: db).filter(\.$id ~~ unlocked).delete()
                plan.seed = Int64(bitPattern: seed)
                plan.timeLimitSeconds = timeLimit
                plan.plannedBy = plannedBy
                plan.plannedAt = now
            } else {
                plan = DispatchPlan(
                    id: dependencies.uuid(), date: date, distanceMeters: 0, costMinor: 0, seed: seed,
                    timeLimitSeconds: timeLimit, plannedBy: plannedBy, plannedAt: now)
                try await plan.create(on: db)
            }
            let planID = try plan.requireID()
            let keptRuns = try await DispatchRun.query(on: db).filter(\.$plan.$id == planID).all()
            let couriers = try await Vehicle.query(on: db).all().reduce(into: [UUID: UUID]()) { map, vehicle in
                if let id = vehicle.id, let courier = vehicle.$courier.id { map[id] = courier }
            }
            var position = keptRuns.map(\.position).max() ?? 0
            var runs: [DispatchRun] = []
            var stops: [DispatchStop] = []
            var planned: [PlannedParcel] = []
            for run in solved.runs {
                position += 1
                let runID = dependencies.uuid()
                runs.append(
                    DispatchRun(
                        id: runID, planID: planID, vehicleID: run.truck.vehicleID,
                        courierID: couriers[run.truck.vehicleID], position: position,
                        distanceMeters: run.distanceMeters, durationSeconds: run.durationSeconds))
                for (index, stop) in run.stops.enumerated() {
                    let stopID = dependencies.uuid()
                    stops.append(
                        DispatchStop(
                            id: stopID, runID: runID, nodeID: day.problem.sites[stop.siteIndex].nodeID,
                            position: index + 1, instanceIndex: stop.instanceIndex,
                            arrivalSeconds: stop.arrivalSeconds, deliverGrams: stop.deliver.reduce(0) { $0 + $1.grams },
                            pickupGrams: stop.pickup.reduce(0) { $0 + $1.grams }))
                    for load in stop.deliver + stop.pickup {
                        planned.append(
                            PlannedParcel(
                                id: dependencies.uuid(), planID: planID, parcelID: load.parcelID, stopID: stopID,
                                reason: ""))
                    }
                }
            }
            for item in solved.unassigned {
                planned.append(
                    PlannedParcel(
                        id: dependencies.uuid(), planID: planID, parcelID: item.load.parcelID, stopID: nil,
                        reason: item.reason.rawValue))
            }
            // Many rows per statement, in slices small enough for SQLite's limit on bound values.
            try await Self.insert(runs, on: db)
            try await Self.insert(stops, on: db)
            try await Self.insert(planned, on: db)
            try await refreshTotals(planID, on: db)
        }
        guard let view = try await self.view(date, on: database) else {
            throw Problem.notFound("The plan", field: "date")
        }
        return (view, instance)
    }

    /// Inserts `rows` a few hundred to a statement.
    static func insert<M: Model>(_ rows: [M], on db: any Database) async throws {
        var start = 0
        while start < rows.count {
            let slice = Array(rows[start..<min(rows.count, start + 400)])
            try await slice.create(on: db)
            start += 400
        }
    }

    /// Sums the plan's runs into its totals.
    func refreshTotals(_ planID: UUID, on db: any Database) async throws {
        guard let plan = try await DispatchPlan.find(planID, on: db) else { return }
        let runs = try await DispatchRun.query(on: db).filter(\.$plan.$id == planID).with(\.$vehicle).all()
        plan.distanceMeters = runs.reduce(0) { $0 + $1.distanceMeters }
        plan.costMinor = runs.reduce(0) { total, run in
            total + run.vehicle.fixedCostMinor + (run.vehicle.costPerKmMinor * run.distanceMeters + 500) / 1000
        }
        try await plan.save(on: db)
    }
}

extension DispatchService {
    /// Kilometres per parcel of `date` planned as one shared run against one run per carrier.
    public func consolidation(
        _ date: String, timeLimit: Double, seed: UInt64 = 1, by planner: Planner, on database: any Database
    ) async throws -> Consolidation {
        guard Self.timeLimits.contains(timeLimit) else {
            throw Problem.validation("timeLimitSeconds", "Between 0.1 and 300 seconds.")
        }
        let hub = try await hub(on: database)
        try await requireDispatcher(planner, hub: hub, on: database)
        let day = try await day(date, on: database)
        let (engine, problem) = (engine, day.problem)
        return await onThreadOfItsOwn { engine.consolidation(problem, stop: .maxRuntime(timeLimit), seed: seed) }
    }
}
