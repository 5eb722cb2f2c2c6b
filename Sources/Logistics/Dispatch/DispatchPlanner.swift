import Foundation
import Routing

/// A solved day: runs in vehicle order and every parcel that is on none, with the reason.
public struct DayPlan: Sendable {
    public struct Stop: Sendable {
        /// Index into `DayProblem.sites`.
        public var siteIndex: Int
        /// The stop's 1-based index in the instance file (1 is the hub).
        public var instanceIndex: Int
        /// Seconds after the shift starts.
        public var arrivalSeconds: Int
        public var deliver: [DayProblem.Load]
        public var pickup: [DayProblem.Load]
    }

    public struct Run: Sendable {
        public var truck: DayProblem.Truck
        public var distanceMeters: Int
        public var durationSeconds: Int
        /// Seconds after the shift starts that the van leaves the hub.
        public var departureSeconds: Int
        public var stops: [Stop]
    }

    public struct Unassigned: Sendable {
        public var load: DayProblem.Load
        public var reason: DayProblem.Reason
    }

    public var date: String
    public var runs: [Run]
    public var unassigned: [Unassigned]

    public var distanceMeters: Int { runs.reduce(0) { $0 + $1.distanceMeters } }

    /// Fixed costs of the vans used plus their cost per kilometre, in fen.
    public var costMinor: Int {
        runs.reduce(0) { total, run in
            total + run.truck.fixedCostMinor + (run.truck.costPerKmMinor * run.distanceMeters + 500) / 1000
        }
    }
}

/// The day as the routing engine's problem: one client per visit (a node's parcels, split
/// into several visits when they weigh more than the largest van holds), location 0 the hub.
public struct DispatchInstance: Sendable {
    public struct Visit: Sendable {
        public var siteIndex: Int
        public var deliver: [DayProblem.Load]
        public var pickup: [DayProblem.Load]
        public var earliest: Int
        public var latest: Int
        public var serviceSeconds: Int

        public var deliverGrams: Int { deliver.reduce(0) { $0 + $1.grams } }
        public var pickupGrams: Int { pickup.reduce(0) { $0 + $1.grams } }

        /// A visit to `day.sites[siteIndex]` leaving `deliver` and collecting `pickup`, by the
        /// one rule for planning a day and for checking a moved stop: its window is the node's
        /// opening hours counted in seconds from the hub's opening, within the hub's day; its
        /// service is a stop plus each of its `parcels` (by default, one per load).
        public init(
            siteIndex: Int, deliver: [DayProblem.Load], pickup: [DayProblem.Load], parcels: Int? = nil,
            in day: DayProblem
        ) {
            let hub = day.sites[0]
            let site = day.sites[siteIndex]
            let horizon = max(0, (hub.closes - hub.opens) * 60)
            self.siteIndex = siteIndex
            self.deliver = deliver
            self.pickup = pickup
            self.earliest = max(0, (site.opens - hub.opens) * 60)
            self.latest = min(horizon, (site.closes - hub.opens) * 60)
            self.serviceSeconds = day.stopSeconds + day.secondsPerParcel * (parcels ?? deliver.count + pickup.count)
        }
    }

    public var name: String
    public var problem: ProblemData
    /// `visits[i]` is the problem's location `i + 1`.
    public var visits: [DispatchInstance.Visit]
    /// The trucks of each of `problem.vehicleTypes`, by code.
    public var trucksOfType: [[DayProblem.Truck]]
}

/// Plans a day: checks what cannot go at all, builds the engine's problem, solves it within
/// the time limit, then takes off any run whatever would break a van's capacity, a node's
/// opening hours or a shift (the engine's penalties make that rare), so that a plan's runs
/// are always feasible and every parcel is on exactly one run or listed with the reason.
///
/// Costs: the engine minimises `1000 × fixed cost + cost per km × metres`, both in fen, which
/// is a thousand times the day's cost in fen.
public struct DispatchPlanner: Sendable {
    public init() {}

    /// The engine's problem for `day` and the parcels that cannot be planned at all.
    public func instance(for day: DayProblem) -> (instance: DispatchInstance?, unassigned: [DayPlan.Unassigned]) {
        var unassigned: [DayPlan.Unassigned] = []
        func drop(_ loads: [DayProblem.Load], _ reason: DayProblem.Reason) {
            unassigned += loads.map { DayPlan.Unassigned(load: $0, reason: reason) }
        }
        let hub = day.sites[0]
        let all = day.sites.dropFirst()
        guard let largest = day.trucks.map(\.capacityGrams).max(), largest > 0 else {
            for site in all { drop(site.deliver + site.pickup, .noVehicle) }
            return (nil, unassigned)
        }
        let horizon = max(0, (hub.closes - hub.opens) * 60)
        let longestShift = min(horizon, (day.trucks.map(\.shiftMinutes).max() ?? 0) * 60)
        var visits: [DispatchInstance.Visit] = []
        for (siteIndex, site) in day.sites.enumerated().dropFirst() {
            guard site.active else {
                drop(site.deliver + site.pickup, .nodeClosed)
                continue
            }
            let deliver = site.deliver.filter { $0.grams <= largest }.sorted { $0.tracking < $1.tracking }
            let pickup = site.pickup.filter { $0.grams <= largest }.sorted { $0.tracking < $1.tracking }
            drop(site.deliver.filter { $0.grams > largest } + site.pickup.filter { $0.grams > largest }, .tooHeavy)
            let deliverChunks = Self.chunks(deliver, capacity: largest)
            let pickupChunks = Self.chunks(pickup, capacity: largest)
            for chunk in 0..<max(deliverChunks.count, pickupChunks.count) {
                let visit = DispatchInstance.Visit(
                    siteIndex: siteIndex, deliver: chunk < deliverChunks.count ? deliverChunks[chunk] : [],
                    pickup: chunk < pickupChunks.count ? pickupChunks[chunk] : [], in: day)
                // Reachable at all: straight there from the hub and straight back, within hours and a shift.
                let arrival = max(visit.earliest, day.matrix.seconds(0, siteIndex))
                let back = arrival + visit.serviceSeconds + day.matrix.seconds(siteIndex, 0)
                if visit.latest < visit.earliest || arrival > visit.latest || back > horizon || back > longestShift {
                    drop(visit.deliver + visit.pickup, .outOfHours)
                } else {
                    visits.append(visit)
                }
            }
        }
        guard !visits.isEmpty else { return (nil, unassigned) }
        // Vehicle types: trucks alike in every respect share one, so the engine sees a count.
        let grouped = Dictionary(grouping: day.trucks.filter { $0.capacityGrams > 0 }) {
            [$0.capacityGrams, $0.fixedCostMinor, $0.costPerKmMinor, $0.shiftMinutes]
        }
        let keys = grouped.keys.sorted { $0.lexicographicallyPrecedes($1) }
        let trucksOfType = keys.map { grouped[$0]!.sorted { $0.code < $1.code } }
        let types = trucksOfType.map { trucks in
            let truck = trucks[0]
            return VehicleType(
                capacity: truck.capacityGrams, count: trucks.count, fixedCost: truck.fixedCostMinor * 1000,
                unitDistanceCost: truck.costPerKmMinor, maxDuration: truck.shiftMinutes * 60)
        }
        let dimension = visits.count + 1
        let site = [0] + visits.map(\.siteIndex)
        var meters = [Int](repeating: 0, count: dimension * dimension)
        var seconds = meters
        for i in 0..<dimension {
            for j in 0..<dimension where site[i] != site[j] {
                meters[i * dimension + j] = day.matrix.meters(site[i], site[j])
                seconds[i * dimension + j] = day.matrix.seconds(site[i], site[j])
            }
        }
        do {
            let problem = try ProblemData(
                dimension: dimension, distances: meters, durations: seconds,
                deliveries: [0] + visits.map(\.deliverGrams), pickups: [0] + visits.map(\.pickupGrams),
                serviceTimes: [0] + visits.map(\.serviceSeconds), earliest: [0] + visits.map(\.earliest),
                latest: [horizon] + visits.map(\.latest), vehicleTypes: types)
            return (
                DispatchInstance(
                    name: "jishi-dispatch-" + day.date, problem: problem, visits: visits, trucksOfType: trucksOfType),
                unassigned
            )
        } catch {
            // Every value above is checked or non-negative by construction; should the engine
            // still refuse, nothing is planned and every parcel says why.
            for visit in visits { drop(visit.deliver + visit.pickup, .outOfHours) }
            return (nil, unassigned)
        }
    }

    /// Solves `day` with the engine until `stop`, from `seed`.
    public func plan(
        _ day: DayProblem, stop: StoppingCriterion, seed: UInt64, progress: ((SolverProgress) -> Void)? = nil
    ) -> (plan: DayPlan, instance: DispatchInstance?) {
        let (instance, early) = instance(for: day)
        var unassigned = early
        guard let instance else { return (DayPlan(date: day.date, runs: [], unassigned: unassigned), nil) }
        let result = Solver(problem: instance.problem).solve(stop: stop, seed: seed, progress: progress)
        var runs: [DayPlan.Run] = []
        var seen = Set<Int>()
        for (typeIndex, trucks) in instance.trucksOfType.enumerated() {
            let routes = result.solution.routes.filter { $0.vehicleType == typeIndex && !$0.clients.isEmpty }
                .sorted { $0.clients.count > $1.clients.count }
            for (index, route) in routes.enumerated() {
                seen.formUnion(route.clients)
                guard index < trucks.count else {
                    for client in route.clients {
                        unassigned += Self.unplanned(instance.visits[client - 1], .fleetFull)
                    }
                    continue
                }
                var clients = route.clients
                while !clients.isEmpty {
                    let check = evaluate(clients.map { instance.visits[$0 - 1] }, truck: trucks[index], day: day)
                    if check.isFeasible { break }
                    // Take off the visit whose removal helps most, and say why it went.
                    let worst = clients.indices.min { a, b in
                        var withoutA = clients
                        withoutA.remove(at: a)
                        var withoutB = clients
                        withoutB.remove(at: b)
                        let ea = evaluate(withoutA.map { instance.visits[$0 - 1] }, truck: trucks[index], day: day)
                        let eb = evaluate(withoutB.map { instance.visits[$0 - 1] }, truck: trucks[index], day: day)
                        return (ea.excessLoad + ea.lateness, ea.distance) < (eb.excessLoad + eb.lateness, eb.distance)
                    }!
                    let reason: DayProblem.Reason = check.excessLoad > 0 ? .fleetFull : .outOfHours
                    unassigned += Self.unplanned(instance.visits[clients[worst] - 1], reason)
                    clients.remove(at: worst)
                }
                guard !clients.isEmpty else { continue }
                runs.append(
                    run(clients.map { ($0, instance.visits[$0 - 1]) }, truck: trucks[index], day: day))
            }
        }
        for client in 1...instance.visits.count where !seen.contains(client) {
            unassigned += Self.unplanned(instance.visits[client - 1], .fleetFull)
        }
        runs.sort { $0.truck.code < $1.truck.code }
        unassigned.sort { $0.load.tracking < $1.load.tracking }
        return (DayPlan(date: day.date, runs: runs, unassigned: unassigned), instance)
    }

    /// A run of `truck` through `visits` (instance index, visit) as planned, with its times.
    public func run(_ visits: [(Int, DispatchInstance.Visit)], truck: DayProblem.Truck, day: DayProblem) -> DayPlan.Run
    {
        let check = evaluate(visits.map(\.1), truck: truck, day: day)
        let stops = zip(visits, check.arrivals).map { entry, arrival in
            DayPlan.Stop(
                siteIndex: entry.1.siteIndex, instanceIndex: entry.0 + 1, arrivalSeconds: arrival,
                deliver: entry.1.deliver, pickup: entry.1.pickup)
        }
        return DayPlan.Run(
            truck: truck, distanceMeters: check.distance, durationSeconds: check.duration,
            departureSeconds: check.departure, stops: stops)
    }

    /// What a run through `visits` does: distance, when it leaves (as late as it can without
    /// waiting more than it must), arrivals, duration, the load above capacity at its worst
    /// point (deliveries leave the van, collections enter it) and how late it is anywhere
    /// (a node reached after closing, the hub after closing, a shift overrun).
    public func evaluate(_ visits: [DispatchInstance.Visit], truck: DayProblem.Truck, day: DayProblem) -> RunCheck {
        let hub = day.sites[0]
        let horizon = max(0, (hub.closes - hub.opens) * 60)
        var distance = 0
        var previous = 0
        for visit in visits {
            distance += day.matrix.meters(previous, visit.siteIndex)
            previous = visit.siteIndex
        }
        if !visits.isEmpty { distance += day.matrix.meters(previous, 0) }
        var load = visits.reduce(0) { $0 + $1.deliverGrams }
        var peak = load
        for visit in visits {
            load += visit.pickupGrams - visit.deliverGrams
            peak = max(peak, load)
        }
        func simulate(_ departure: Int) -> (late: Int, end: Int, arrivals: [Int]) {
            var time = departure
            var late = 0
            var previous = 0
            var service = 0
            var arrivals: [Int] = []
            for visit in visits {
                time += service + day.matrix.seconds(previous, visit.siteIndex)
                time = max(time, visit.earliest)
                if time > visit.latest { late += time - visit.latest }
                arrivals.append(time)
                service = visit.serviceSeconds
                previous = visit.siteIndex
            }
            if !visits.isEmpty { time += service + day.matrix.seconds(previous, 0) }
            if time > horizon { late += time - horizon }
            return (late, time, arrivals)
        }
        let first = simulate(0)
        var low = 0
        var high = horizon
        while low < high {
            let mid = low + (high - low + 1) / 2
            if simulate(mid).late <= first.late { low = mid } else { high = mid - 1 }
        }
        let best = simulate(low)
        let duration = visits.isEmpty ? 0 : best.end - low
        let overrun = max(0, duration - truck.shiftMinutes * 60)
        return RunCheck(
            distance: distance, departure: low, arrivals: best.arrivals, duration: duration,
            excessLoad: max(0, peak - truck.capacityGrams), lateness: best.late + overrun)
    }

    public struct RunCheck: Sendable {
        public var distance: Int
        public var departure: Int
        public var arrivals: [Int]
        public var duration: Int
        public var excessLoad: Int
        public var lateness: Int

        public var isFeasible: Bool { excessLoad == 0 && lateness == 0 }
    }

    static func unplanned(_ visit: DispatchInstance.Visit, _ reason: DayProblem.Reason) -> [DayPlan.Unassigned] {
        (visit.deliver + visit.pickup).map { DayPlan.Unassigned(load: $0, reason: reason) }
    }

    /// Consecutive groups of `loads` each weighing at most `capacity` (every load fits alone).
    static func chunks(_ loads: [DayProblem.Load], capacity: Int) -> [[DayProblem.Load]] {
        var chunks: [[DayProblem.Load]] = []
        var current: [DayProblem.Load] = []
        var weight = 0
        for load in loads {
            if weight + load.grams > capacity, !current.isEmpty {
                chunks.append(current)
                current = []
                weight = 0
            }
            current.append(load)
            weight += load.grams
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }
}
