import Community
import FluentKit
import Foundation
import JishiKit
import Routing

/// What the county sees of its network over a range of days, per village per day, read from
/// the published plans (what the vans drove) and the parcels' custody events.
///
/// - The day of a parcel is the date of the published plan whose run carried it (a parcel
///   carried again after a failed attempt counts on each day it was carried). Drafts do not
///   count: nothing has moved on them.
/// - `parcelsIn`: inbound parcels left at the village's node that day; `parcelsOut`: outbound
///   parcels collected there.
/// - `costMinor`: the village's share of the day's runs (`CostSharing`: legs by weight on
///   board, the fixed cost by weight over the run), whole fen that add up to each run's cost;
///   `costPerParcelMinor` is it divided by the village's parcels, rounded half up.
/// - `delivered`, `firstAttemptDelivered`: inbound parcels, counted on the first day they were
///   carried, that reached their station or recipient, and those of them with no failed attempt
///   before.
/// - Dwell: inbound parcels handed to a village station or pickup point, hours from that
///   hand-over to the next one out of it (to the recipient); those still on its shelf wait.
public struct LogisticsFigures: Sendable {
    public var roads: RoadService

    public init(roads: RoadService = RoadService()) {
        self.roads = roads
    }

    /// The longest range asked for at once, in days.
    public static let maxDays = 92

    public struct VillageDay: Sendable, Hashable {
        public var date: String
        public var townCode: String
        public var villageCode: String
        public var villageName: String
        public var villageNameEn: String
        public var parcelsIn: Int
        public var parcelsOut: Int
        public var costMinor: Int
        public var firstAttemptDelivered: Int
        public var delivered: Int
        /// Median hours on the station's shelf of the day's inbound parcels handed out; nil with none.
        public var dwellHoursMedian: Double?

        public init(
            date: String, townCode: String, villageCode: String, villageName: String, villageNameEn: String,
            parcelsIn: Int, parcelsOut: Int, costMinor: Int, firstAttemptDelivered: Int, delivered: Int,
            dwellHoursMedian: Double?
        ) {
            self.date = date
            self.townCode = townCode
            self.villageCode = villageCode
            self.villageName = villageName
            self.villageNameEn = villageNameEn
            self.parcelsIn = parcelsIn
            self.parcelsOut = parcelsOut
            self.costMinor = costMinor
            self.firstAttemptDelivered = firstAttemptDelivered
            self.delivered = delivered
            self.dwellHoursMedian = dwellHoursMedian
        }

        public var parcels: Int { parcelsIn + parcelsOut }
        /// Cost per parcel in whole fen, rounded half up; nil without parcels.
        public var costPerParcelMinor: Int? { parcels == 0 ? nil : (costMinor * 2 + parcels) / (parcels * 2) }
    }

    public struct NodeDwell: Sendable, Hashable {
        public var nodeCode: String
        public var nodeName: String
        public var villageCode: String
        public var handedOut: Int
        public var waiting: Int
        public var medianHours: Double?
        public var meanHours: Double?

        public init(
            nodeCode: String, nodeName: String, villageCode: String, handedOut: Int, waiting: Int,
            medianHours: Double?, meanHours: Double?
        ) {
            self.nodeCode = nodeCode
            self.nodeName = nodeName
            self.villageCode = villageCode
            self.handedOut = handedOut
            self.waiting = waiting
            self.medianHours = medianHours
            self.meanHours = meanHours
        }
    }

    public struct Report: Sendable {
        public var from: String
        public var to: String
        /// The town the figures are limited to, if any.
        public var townCode: String?
        public var plans: Int
        /// By date, town code, village code.
        public var rows: [VillageDay]
        /// By node code.
        public var dwell: [NodeDwell]

        public init(
            from: String, to: String, townCode: String?, plans: Int, rows: [VillageDay], dwell: [NodeDwell]
        ) {
            self.from = from
            self.to = to
            self.townCode = townCode
            self.plans = plans
            self.rows = rows
            self.dwell = dwell
        }

        public var parcels: Int { rows.reduce(0) { $0 + $1.parcels } }
        public var costMinor: Int { rows.reduce(0) { $0 + $1.costMinor } }
        public var delivered: Int { rows.reduce(0) { $0 + $1.delivered } }
        public var firstAttemptDelivered: Int { rows.reduce(0) { $0 + $1.firstAttemptDelivered } }
    }

    // MARK: Pure parts

    /// One custody event, as the figures read it.
    public struct Step: Sendable, Hashable {
        public var sequence: Int
        public var kind: ParcelEvent.Kind
        public var from: String?
        public var to: String
        public var at: Date

        public init(sequence: Int, kind: ParcelEvent.Kind, from: String?, to: String, at: Date) {
            self.sequence = sequence
            self.kind = kind
            self.from = from
            self.to = to
            self.at = at
        }
    }

    /// Whether an inbound parcel reached `destination` (its station) or its recipient, and
    /// whether it did so with no failed attempt before.
    public static func delivery(_ steps: [Step], destination: UUID) -> (delivered: Bool, firstAttempt: Bool) {
        let sorted = steps.sorted { $0.sequence < $1.sequence }
        let targets: Set<String> = [Holder.node(destination).rawValue, Holder.recipient.rawValue]
        guard
            let arrival = sorted.first(where: {
                $0.kind != .failed && $0.kind != .registered && targets.contains($0.to)
            })
        else { return (false, false) }
        let failedBefore = sorted.contains { $0.kind == .failed && $0.sequence < arrival.sequence }
        return (true, !failedBefore)
    }

    /// The parcel's stay on the shelf of one of `stations`: where, since when, and when it
    /// was handed out (nil while it waits there; no stay if it left for anywhere but its recipient).
    public static func dwell(_ steps: [Step], stations: Set<UUID>) -> (node: UUID, arrived: Date, handedOut: Date?)? {
        let sorted = steps.sorted { $0.sequence < $1.sequence }
        for (index, step) in sorted.enumerated() where step.kind != .failed {
            guard case .node(let node) = Holder(rawValue: step.to), stations.contains(node) else { continue }
            guard let out = sorted[(index + 1)...].first(where: { $0.from == step.to && $0.kind != .failed }) else {
                return (node, step.at, nil)
            }
            if out.to == Holder.recipient.rawValue { return (node, step.at, out.at) }
        }
        return nil
    }

    /// The median of `values`; nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    // MARK: Reading the database

    /// The checked range: real days, `from` not after `to`, at most `maxDays` days.
    public static func range(from: String, to: String) throws -> (String, String) {
        guard let start = PageDate.day(from) else { throw Problem.validation("from", "A date such as 2026-12-03.") }
        guard let end = PageDate.day(to) else { throw Problem.validation("to", "A date such as 2026-12-03.") }
        guard start <= end else { throw Problem.validation("to", "Not before the range's first day.") }
        let days = Int((end.timeIntervalSince(start) / 86_400).rounded()) + 1
        guard days <= maxDays else {
            throw Problem.validation("to", "At most \(maxDays) days at once.")
        }
        return (from, to)
    }

    /// May `principal` see the figures of the hub's county (or of `townID` in it)? Officials
    /// and admins whose scope reaches it, and its dispatchers; a `403` for anyone else, a `404`
    /// for a town that is not the county's.
    public func requireViewer(_ principal: Principal, townID: UUID?, on database: any Database) async throws
        -> (county: UUID, town: Town?)
    {
        let hub = try await DispatchService().hub(on: database)
        guard let hubTown = try await Town.find(hub.$town.id, on: database) else {
            throw Problem.notFound("The county hub's town", field: "hub")
        }
        let county = hubTown.$county.id
        var town: Town?
        if let townID {
            guard let found = try await Town.find(townID, on: database), found.$county.id == county else {
                throw Problem.notFound("The town", field: "town")
            }
            town = found
        }
        let place = Place(countyID: county, townID: town?.id)
        guard
            Authorization.may(principal, .viewInsights, .place(place))
                || Authorization.may(principal, .dispatch, .place(place))
        else { throw Problem.forbidden("Only the county's officials, dispatchers and admins see its figures.") }
        return (county, town)
    }

    /// The figures of `from`…`to` (YYYY-MM-DD, Beijing time), of the whole county or one town.
    public func report(
        from: String, to: String, townID: UUID? = nil, by principal: Principal, on database: any Database
    ) async throws -> Report {
        let (from, to) = try Self.range(from: from, to: to)
        let (_, town) = try await requireViewer(principal, townID: townID, on: database)
        return try await report(from: from, to: to, town: town, on: database)
    }

    /// The figures without the reader's check (the command line, tests).
    public func report(from: String, to: String, town: Town?, on database: any Database) async throws -> Report {
        let hub = try await DispatchService().hub(on: database)
        let plans = try await DispatchPlan.query(on: database).filter(\.$date >= from).filter(\.$date <= to)
            .filter(\.$status == .published).sort(\.$date).all()
        let planDate = Dictionary(uniqueKeysWithValues: try plans.map { (try $0.requireID(), $0.date) })
        let runs = try await chunked(Array(planDate.keys)) {
            try await DispatchRun.query(on: database).filter(\.$plan.$id ~~ $0).with(\.$vehicle).all()
        }
        let stops = try await chunked(runs.compactMap(\.id)) {
            try await DispatchStop.query(on: database).filter(\.$run.$id ~~ $0).with(\.$node).all()
        }
        let planned = try await chunked(stops.compactMap(\.id)) {
            try await PlannedParcel.query(on: database).filter(\.$stop.$id ~~ $0).with(\.$parcel).all()
        }
        var parcelsAt: [UUID: [Parcel]] = [:]
        for item in planned {
            if let stopID = item.$stop.id { parcelsAt[stopID, default: []].append(item.parcel) }
        }
        // The distances the planner used, between the hub and every node visited.
        var nodes = [hub]
        var index = [try hub.requireID(): 0]
        for stop in stops where index[stop.$node.id] == nil {
            index[stop.$node.id] = nodes.count
            nodes.append(stop.node)
        }
        let matrix = nodes.count > 1 ? try await roads.matrix(between: nodes, on: database) : nil

        struct Key: Hashable {
            var date: String
            var village: UUID
        }
        var counts: [Key: (inbound: Int, outbound: Int, cost: Int)] = [:]
        var firstDay: [UUID: (date: String, parcel: Parcel)] = [:]
        let stopsOfRun = Dictionary(grouping: stops) { $0.$run.id }
        for run in runs {
            guard let date = planDate[run.$plan.id], let runID = run.id else { continue }
            let ordered = (stopsOfRun[runID] ?? []).sorted { $0.position < $1.position }
            var path = [0]
            var sharing: [CostSharing.Stop] = []
            for stop in ordered {
                path.append(index[stop.$node.id] ?? 0)
                let here = (parcelsAt[stop.id ?? UUID()] ?? []).sorted { $0.trackingNumber < $1.trackingNumber }
                var deliver: [CostSharing.Item] = []
                var pickup: [CostSharing.Item] = []
                for parcel in here {
                    let id = try parcel.requireID()
                    let item = CostSharing.Item(
                        id: id, group: parcel.$village.id.uuidString, grams: parcel.weightGrams)
                    let key = Key(date: date, village: parcel.$village.id)
                    if parcel.direction == .inbound {
                        deliver.append(item)
                        counts[key, default: (0, 0, 0)].inbound += 1
                        if firstDay[id].map({ date < $0.date }) ?? true { firstDay[id] = (date, parcel) }
                    } else {
                        pickup.append(item)
                        counts[key, default: (0, 0, 0)].outbound += 1
                    }
                }
                sharing.append(CostSharing.Stop(deliver: deliver, pickup: pickup))
            }
            path.append(0)
            let legs = zip(path, path.dropFirst()).map { matrix?.meters($0, $1) ?? 0 }
            let shared = CostSharing.costByGroup(
                CostSharing.Run(
                    fixedCostMinor: run.vehicle.fixedCostMinor, costPerKmMinor: run.vehicle.costPerKmMinor,
                    legMeters: legs, stops: sharing))
            for (group, cost) in shared {
                guard let village = UUID(uuidString: group) else { continue }
                counts[Key(date: date, village: village), default: (0, 0, 0)].cost += cost
            }
        }

        // Deliveries and dwell, from the custody events of the inbound parcels carried.
        let stations = Set(
            try await NetworkNode.query(on: database).filter(\.$kind ~~ [.villageStation, .pickupPoint]).all()
                .map { try $0.requireID() })
        let events = try await chunked(Array(firstDay.keys)) {
            try await ParcelEvent.query(on: database).filter(\.$parcel.$id ~~ $0).all()
        }
        let stepsOf = Dictionary(grouping: events) { $0.$parcel.id }.mapValues { list in
            list.map { Step(sequence: $0.sequence, kind: $0.kind, from: $0.fromHolder, to: $0.toHolder, at: $0.at) }
        }
        var delivered: [Key: (all: Int, first: Int, hours: [Double])] = [:]
        var shelves: [UUID: (hours: [Double], waiting: Int)] = [:]
        for (id, entry) in firstDay {
            let steps = stepsOf[id] ?? []
            let key = Key(date: entry.date, village: entry.parcel.$village.id)
            let outcome = Self.delivery(steps, destination: entry.parcel.$destination.id)
            if outcome.delivered {
                delivered[key, default: (0, 0, [])].all += 1
                if outcome.firstAttempt { delivered[key, default: (0, 0, [])].first += 1 }
            }
            if let stay = Self.dwell(steps, stations: stations) {
                if let out = stay.handedOut {
                    let hours = out.timeIntervalSince(stay.arrived) / 3600
                    delivered[key, default: (0, 0, [])].hours.append(hours)
                    shelves[stay.node, default: ([], 0)].hours.append(hours)
                } else {
                    shelves[stay.node, default: ([], 0)].waiting += 1
                }
            }
        }

        let villages = try await chunked(Array(Set(counts.keys.map(\.village)))) {
            try await Village.query(on: database).filter(\.$id ~~ $0).with(\.$town).all()
        }
        let villageOf = Dictionary(uniqueKeysWithValues: try villages.map { (try $0.requireID(), $0) })
        let townID = town?.id
        var rows: [VillageDay] = []
        for (key, count) in counts {
            guard let village = villageOf[key.village] else { continue }
            if let townID, village.$town.id != townID { continue }
            let done = delivered[key]
            rows.append(
                VillageDay(
                    date: key.date, townCode: village.town.code, villageCode: village.code,
                    villageName: village.name, villageNameEn: village.nameEn, parcelsIn: count.inbound,
                    parcelsOut: count.outbound, costMinor: count.cost, firstAttemptDelivered: done?.first ?? 0,
                    delivered: done?.all ?? 0, dwellHoursMedian: Self.median(done?.hours ?? [])))
        }
        rows.sort { ($0.date, $0.townCode, $0.villageCode) < ($1.date, $1.townCode, $1.villageCode) }

        let shelfNodes = try await chunked(Array(shelves.keys)) {
            try await NetworkNode.query(on: database).filter(\.$id ~~ $0).with(\.$village).all()
        }
        let dwell = shelfNodes.compactMap { node -> NodeDwell? in
            guard let id = node.id, let shelf = shelves[id] else { return nil }
            if let townID, node.$town.id != townID { return nil }
            return NodeDwell(
                nodeCode: node.code, nodeName: node.name, villageCode: node.village?.code ?? "",
                handedOut: shelf.hours.count, waiting: shelf.waiting, medianHours: Self.median(shelf.hours),
                meanHours: shelf.hours.isEmpty ? nil : shelf.hours.reduce(0, +) / Double(shelf.hours.count))
        }.sorted { $0.nodeCode < $1.nodeCode }
        return Report(from: from, to: to, townCode: town?.code, plans: plans.count, rows: rows, dwell: dwell)
    }

    /// `query` over `ids` 500 at a time (databases limit the values bound to one statement).
    func chunked<T>(_ ids: [UUID], _ query: ([UUID]) async throws -> [T]) async throws -> [T] {
        var all: [T] = []
        for start in stride(from: 0, to: ids.count, by: 500) {
            all += try await query(Array(ids[start..<min(start + 500, ids.count)]))
        }
        return all
    }
}

extension LogisticsFigures {
    /// Kilometres per parcel of the published plan of `date`'s parcels, planned again as one
    /// shared run and as one run per carrier (`DispatchPlanner.consolidation`), with the
    /// active fleet and the same distances. For the county's dispatchers, officials and admins.
    public func consolidation(
        _ date: String, timeLimit: Double, seed: UInt64 = 1, by principal: Principal, on database: any Database
    ) async throws -> Consolidation {
        guard PageDate.day(date) != nil else { throw Problem.validation("date", "A date such as 2026-12-03.") }
        guard (0.1...2).contains(timeLimit) else {
            throw Problem.validation("timeLimitSeconds", "Between 0.1 and 2 seconds.")
        }
        _ = try await requireViewer(principal, townID: nil, on: database)
        guard
            let plan = try await DispatchPlan.query(on: database).filter(\.$date == date)
                .filter(\.$status == .published).first()
        else { throw Problem.notFound("The published plan for \(date)", field: "date") }
        let hub = try await DispatchService().hub(on: database)
        let hubID = try hub.requireID()
        let planned = try await PlannedParcel.query(on: database).filter(\.$plan.$id == plan.requireID())
            .with(\.$parcel).all().filter { $0.$stop.id != nil }
        let carriers = try await Carrier.query(on: database).all().reduce(into: [UUID: String]()) {
            if let id = $1.id { $0[id] = $1.code }
        }
        var deliver: [UUID: [DayProblem.Load]] = [:]
        var pickup: [UUID: [DayProblem.Load]] = [:]
        for item in planned {
            let parcel = item.parcel
            let load = DayProblem.Load(
                parcelID: try parcel.requireID(), tracking: parcel.trackingNumber, grams: parcel.weightGrams,
                carrier: carriers[parcel.$carrier.id] ?? "")
            if parcel.direction == .inbound {
                deliver[parcel.$destination.id, default: []].append(load)
            } else {
                pickup[parcel.$origin.id, default: []].append(load)
            }
        }
        let ids = Set(deliver.keys).union(pickup.keys).subtracting([hubID])
        let nodes = try await NetworkNode.query(on: database).filter(\.$id ~~ Array(ids)).sort(\.$code).all()
        let all = [hub] + nodes
        let trucks = try await Vehicle.query(on: database).filter(\.$active == true).sort(\.$code).all().map {
            DayProblem.Truck(
                vehicleID: try $0.requireID(), code: $0.code, capacityGrams: $0.capacityGrams,
                costPerKmMinor: $0.costPerKmMinor, fixedCostMinor: $0.fixedCostMinor, shiftMinutes: $0.shiftMinutes)
        }
        let sites = try all.map { node in
            let id = try node.requireID()
            return DayProblem.Site(
                nodeID: id, code: node.code, opens: node.opensAt, closes: node.closesAt, active: true,
                deliver: id == hubID ? [] : deliver[id] ?? [], pickup: id == hubID ? [] : pickup[id] ?? [])
        }
        let matrix = try await roads.matrix(between: all, on: database)
        let day = DayProblem(date: date, sites: sites, trucks: trucks, matrix: matrix)
        return await onThreadOfItsOwn { DispatchPlanner().consolidation(day, stop: .maxRuntime(timeLimit), seed: seed) }
    }
}
