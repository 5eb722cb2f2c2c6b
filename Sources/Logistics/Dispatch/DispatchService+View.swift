import Community
import FluentKit
import Foundation
import JishiKit
import Persistence

/// A stored plan as the API, the pages and the command show it.
public struct PlanView: Sendable {
    public struct Stop: Sendable {
        public var id: UUID
        public var node: NetworkNode
        public var instanceIndex: Int
        public var arrivalSeconds: Int
        public var deliverGrams: Int
        public var pickupGrams: Int
        /// Tracking numbers, sorted.
        public var deliver: [String]
        public var pickup: [String]
        public var outcome: DispatchStop.Outcome
        public var note: String
    }

    public struct Run: Sendable {
        public var id: UUID
        public var vehicle: Vehicle
        public var courierID: UUID?
        public var distanceMeters: Int
        public var durationSeconds: Int
        public var locked: Bool
        public var progress: DispatchRun.Progress
        public var stops: [Stop]
    }

    public struct Unassigned: Sendable {
        public var tracking: String
        public var reason: String
    }

    public var id: UUID
    public var date: String
    public var status: DispatchPlan.Status
    public var distanceMeters: Int
    public var costMinor: Int
    /// When shifts start: the hub's opening, minutes after midnight.
    public var shiftStart: Int
    public var runs: [Run]
    public var unassigned: [Unassigned]
}

extension DispatchService {
    /// The plan of `date`, if there is one.
    public func view(_ date: String, on database: any Database) async throws -> PlanView? {
        guard let plan = try await DispatchPlan.query(on: database).filter(\.$date == date).first() else { return nil }
        return try await view(plan, on: database)
    }

    func view(_ plan: DispatchPlan, on database: any Database) async throws -> PlanView {
        let planID = try plan.requireID()
        let hub = try? await hub(on: database)
        let runs = try await DispatchRun.query(on: database).filter(\.$plan.$id == planID).with(\.$vehicle)
            .sort(\.$position).all()
        let stops = try await DispatchStop.query(on: database).filter(\.$run.$id ~~ runs.compactMap(\.id))
            .with(\.$node).sort(\.$position).all()
        let planned = try await PlannedParcel.query(on: database).filter(\.$plan.$id == planID).with(\.$parcel).all()
        var deliver: [UUID: [String]] = [:]
        var pickup: [UUID: [String]] = [:]
        var unassigned: [PlanView.Unassigned] = []
        for item in planned {
            guard let stopID = item.$stop.id else {
                unassigned.append(PlanView.Unassigned(tracking: item.parcel.trackingNumber, reason: item.reason))
                continue
            }
            if item.parcel.direction == .inbound {
                deliver[stopID, default: []].append(item.parcel.trackingNumber)
            } else {
                pickup[stopID, default: []].append(item.parcel.trackingNumber)
            }
        }
        let stopsOfRun = Dictionary(grouping: stops) { $0.$run.id }
        return PlanView(
            id: planID, date: plan.date, status: plan.status, distanceMeters: plan.distanceMeters,
            costMinor: plan.costMinor, shiftStart: hub?.opensAt ?? 0,
            runs: try runs.map { run in
                let runID = try run.requireID()
                return PlanView.Run(
                    id: runID, vehicle: run.vehicle, courierID: run.$courier.id, distanceMeters: run.distanceMeters,
                    durationSeconds: run.durationSeconds, locked: run.locked, progress: run.progress,
                    stops: try (stopsOfRun[runID] ?? []).map { stop in
                        let id = try stop.requireID()
                        return PlanView.Stop(
                            id: id, node: stop.node, instanceIndex: stop.instanceIndex,
                            arrivalSeconds: stop.arrivalSeconds, deliverGrams: stop.deliverGrams,
                            pickupGrams: stop.pickupGrams, deliver: (deliver[id] ?? []).sorted(),
                            pickup: (pickup[id] ?? []).sorted(), outcome: stop.outcome, note: stop.note)
                    })
            },
            unassigned: unassigned.sorted { $0.tracking < $1.tracking })
    }

    /// Gives a draft plan to the couriers: from now on it is what they drive.
    public func publish(_ planID: UUID, by principal: Principal, on database: any Database) async throws -> PlanView {
        let plan = try await draft(planID, by: principal, on: database)
        try await GuardedTransition(DispatchPlan.schema, id: try plan.requireID())
            .moving("status", from: DispatchPlan.Status.draft, to: .published)
            .setting("published_at", to: dependencies.now())
            .run(on: database, orElse: "The plan is published already.")
        guard let published = try await DispatchPlan.find(planID, on: database) else {
            throw Problem.notFound("The plan", field: "planId")
        }
        return try await view(published, on: database)
    }

    /// Locks or unlocks a draft's run: a locked run stays as it is when the day is planned again.
    public func setLocked(_ runID: UUID, _ locked: Bool, by principal: Principal, on database: any Database)
        async throws -> PlanView
    {
        guard let run = try await DispatchRun.find(runID, on: database) else {
            throw Problem.notFound("The run", field: "runId")
        }
        let plan = try await draft(run.$plan.id, by: principal, on: database)
        run.locked = locked
        try await run.save(on: database)
        return try await view(plan, on: database)
    }

    /// Moves a stop of a draft to `runID` (another run or its own) at `position` (1-based),
    /// if both runs stay within their van's capacity at every point, the nodes' opening hours
    /// and the shifts; a `409` saying which otherwise. Locked runs are not changed.
    public func moveStop(
        _ stopID: UUID, toRun runID: UUID, position: Int, by principal: Principal, on database: any Database
    ) async throws -> PlanView {
        guard let stop = try await DispatchStop.find(stopID, on: database) else {
            throw Problem.notFound("The stop", field: "stopId")
        }
        guard let source = try await DispatchRun.find(stop.$run.id, on: database),
            let target = try await DispatchRun.find(runID, on: database), source.$plan.id == target.$plan.id
        else { throw Problem.notFound("The run", field: "runId") }
        let plan = try await draft(source.$plan.id, by: principal, on: database)
        guard !source.locked, !target.locked else {
            throw Problem(type: .conflict, detail: "A locked run is not changed; unlock it first.")
        }
        let planView = try await view(plan, on: database)
        guard let sourceView = planView.runs.first(where: { $0.id == source.id }),
            let targetView = planView.runs.first(where: { $0.id == target.id })
        else { throw Problem.notFound("The run", field: "runId") }
        var sourceStops = sourceView.stops.map(\.id)
        var targetStops = source.id == target.id ? sourceStops : targetView.stops.map(\.id)
        guard (1...(targetStops.count + (source.id == target.id ? 0 : 1))).contains(position) else {
            throw Problem.validation("position", "A place in the run, 1 to \(targetStops.count + 1).")
        }
        sourceStops.removeAll { $0 == stopID }
        if source.id == target.id { targetStops = sourceStops }
        targetStops.insert(stopID, at: position - 1)
        // Times and loads of both runs as they would be, checked by the planner's one rule.
        let allStops = Dictionary(uniqueKeysWithValues: planView.runs.flatMap(\.stops).map { ($0.id, $0) })
        let nodes =
            [try await hub(on: database)]
            + Array(Set(allStops.values.map { $0.node.id! })).sorted {
                $0.uuidString < $1.uuidString
            }.compactMap { id in allStops.values.first { $0.node.id == id }?.node }
        let matrix = try await roads.matrix(between: nodes, on: database)
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id!, $0) })
        let sites = nodes.map {
            DayProblem.Site(nodeID: $0.id!, code: $0.code, opens: $0.opensAt, closes: $0.closesAt, active: $0.active)
        }
        let day = DayProblem(date: plan.date, sites: sites, trucks: [], matrix: matrix)
        /// The stops as the planner's visits, their loads by weight: a stop's grams stand for
        /// its parcels, which the service time counts one by one.
        func visits(_ ids: [UUID]) -> [DispatchInstance.Visit] {
            ids.compactMap { allStops[$0] }.map { stop in
                DispatchInstance.Visit(
                    siteIndex: index[stop.node.id!]!,
                    deliver: [DayProblem.Load(parcelID: stop.id, tracking: "", grams: stop.deliverGrams)],
                    pickup: [DayProblem.Load(parcelID: stop.id, tracking: "", grams: stop.pickupGrams)],
                    parcels: stop.deliver.count + stop.pickup.count, in: day)
            }
        }
        var changes: [(DispatchRun, [UUID])] = [(target, targetStops)]
        if source.id != target.id { changes.append((source, sourceStops)) }
        var checks: [(DispatchRun, [UUID], DispatchPlanner.RunCheck)] = []
        for (run, ids) in changes {
            let vehicle = planView.runs.first { $0.id == run.id }!.vehicle
            let truck = DayProblem.Truck(
                vehicleID: vehicle.id!, code: vehicle.code, capacityGrams: vehicle.capacityGrams,
                costPerKmMinor: vehicle.costPerKmMinor, fixedCostMinor: vehicle.fixedCostMinor,
                shiftMinutes: vehicle.shiftMinutes)
            let check = engine.evaluate(visits(ids), truck: truck, day: day)
            if check.excessLoad > 0 {
                throw Problem(
                    type: .conflict, detail: "\(vehicle.code) would carry \(check.excessLoad) g more than it holds.")
            }
            if check.lateness > 0 {
                throw Problem(
                    type: .conflict,
                    detail: "\(vehicle.code) would miss opening hours or its shift by \(check.lateness) s.")
            }
            checks.append((run, ids, check))
        }
        try await transactions.transaction(on: database) { [checks] db in
            for (run, ids, check) in checks {
                for (offset, id) in ids.enumerated() {
                    guard let row = try await DispatchStop.find(id, on: db) else { continue }
                    row.$run.id = try run.requireID()
                    row.position = offset + 1
                    row.arrivalSeconds = check.arrivals[offset]
                    try await row.save(on: db)
                }
                guard let row = try await DispatchRun.find(run.id, on: db) else { continue }
                row.distanceMeters = check.distance
                row.durationSeconds = check.duration
                try await row.save(on: db)
            }
            try await refreshTotals(plan.requireID(), on: db)
        }
        guard let moved = try await DispatchPlan.find(plan.id, on: database) else {
            throw Problem.notFound("The plan", field: "planId")
        }
        return try await view(moved, on: database)
    }

    /// The plan `planID`, if it is a draft and `principal` dispatches in the hub's county.
    func draft(_ planID: UUID, by principal: Principal, on database: any Database) async throws -> DispatchPlan {
        guard let plan = try await DispatchPlan.find(planID, on: database) else {
            throw Problem.notFound("The plan", field: "planId")
        }
        try await requireDispatcher(.account(principal), hub: hub(on: database), on: database)
        guard plan.status == .draft else {
            throw Problem(type: .conflict, detail: "The plan for \(plan.date) is published; it is no longer changed.")
        }
        return plan
    }

    /// The published runs given to `courierID` on `date`.
    public func runs(of courierID: UUID, on date: String, on database: any Database) async throws -> [PlanView.Run] {
        guard let plan = try await DispatchPlan.query(on: database).filter(\.$date == date).first(),
            plan.status == .published
        else { return [] }
        return try await view(plan, on: database).runs.filter { $0.courierID == courierID }
    }
}

/// The plan exactly as `jishi dispatch plan --format json` prints it (the contract).
public struct PlanDocument: Encodable, Sendable {
    public struct Stop: Encodable, Sendable {
        public var node: String
        public var instanceIndex: Int
        public var deliver: [String]
        public var pickup: [String]
    }

    public struct Run: Encodable, Sendable {
        public var vehicle: String
        public var distanceMeters: Int
        public var durationSeconds: Int
        public var stops: [Stop]
    }

    public struct Unassigned: Encodable, Sendable {
        public var tracking: String
        public var reason: String
    }

    public var date: String
    public var distanceMeters: Int
    public var runs: [Run]
    public var unassigned: [Unassigned]

    public init(_ plan: PlanView) {
        date = plan.date
        distanceMeters = plan.distanceMeters
        runs = plan.runs.map { run in
            Run(
                vehicle: run.vehicle.code, distanceMeters: run.distanceMeters, durationSeconds: run.durationSeconds,
                stops: run.stops.map {
                    Stop(node: $0.node.code, instanceIndex: $0.instanceIndex, deliver: $0.deliver, pickup: $0.pickup)
                })
        }
        unassigned = plan.unassigned.map { Unassigned(tracking: $0.tracking, reason: $0.reason) }
    }

    /// The document as one line of JSON with its keys in the contract's order (Foundation's
    /// encoder does not keep the order of declaration on Linux).
    public var json: String {
        // Each string by Foundation's encoder (its escaping, not ours); the keys in order by hand.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func string(_ text: String) -> String {
            (try? encoder.encode(text)).flatMap { String(data: $0, encoding: .utf8) } ?? "\"\""
        }
        func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        let runs = runs.map { run in
            let stops = run.stops.map { stop in
                "{\"node\": \(string(stop.node)), \"instanceIndex\": \(stop.instanceIndex), "
                    + "\"deliver\": \(list(stop.deliver.map(string))), \"pickup\": \(list(stop.pickup.map(string)))}"
            }
            return "{\"vehicle\": \(string(run.vehicle)), \"distanceMeters\": \(run.distanceMeters), "
                + "\"durationSeconds\": \(run.durationSeconds), \"stops\": \(list(stops))}"
        }
        let unassigned = unassigned.map { "{\"tracking\": \(string($0.tracking)), \"reason\": \(string($0.reason))}" }
        return "{\"date\": \(string(date)), \"distanceMeters\": \(distanceMeters), \"runs\": \(list(runs)), "
            + "\"unassigned\": \(list(unassigned))}"
    }
}

extension DispatchService {
    /// The plan of `date` for a dispatcher or admin of the hub's county; a `404` when there is none.
    public func plan(of date: String, by principal: Principal, on database: any Database) async throws -> PlanView {
        guard PageDate.day(date) != nil else { throw Problem.validation("date", "A date such as 2026-12-03.") }
        try await requireDispatcher(.account(principal), hub: hub(on: database), on: database)
        guard let plan = try await view(date, on: database) else {
            throw Problem.notFound("The plan for \(date)", field: "date")
        }
        return plan
    }
}
