/// Recomputes a solution's cost and checks every constraint by simulating each route step
/// by step, without the segment algebra the search uses. The tests run it on every solution
/// the solver returns, and the solver's own result is reported through it. O(n).
public struct FeasibilityChecker: Sendable {
    public let problem: ProblemData

    public init(problem: ProblemData) {
        self.problem = problem
    }

    public func check(_ solution: Solution) -> SolutionReport {
        var report = SolutionReport(cost: 0, distance: 0, excessLoad: 0, timeWarp: 0, structuralErrors: [])
        var seen = Array(repeating: 0, count: problem.dimension)
        var used = Array(repeating: 0, count: problem.vehicleTypes.count)
        for (index, route) in solution.routes.enumerated() {
            guard problem.vehicleTypes.indices.contains(route.vehicleType) else {
                report.structuralErrors.append("route \(index) has unknown vehicle type \(route.vehicleType)")
                continue
            }
            if route.clients.isEmpty { continue }
            if let bad = route.clients.first(where: { $0 < 1 || $0 >= problem.dimension }) {
                report.structuralErrors.append("route \(index) visits unknown location \(bad)")
                continue
            }
            used[route.vehicleType] += 1
            let type = problem.vehicleTypes[route.vehicleType]
            // Distance.
            var distance = 0
            var previous = 0
            for client in route.clients {
                seen[client] += 1
                distance += problem.distance(previous, client)
                previous = client
            }
            distance += problem.distance(previous, 0)
            report.distance += distance
            report.cost += type.fixedCost + type.unitDistanceCost * distance
            // Load: leave with all deliveries, then deliver and pick up at each stop.
            var load = route.clients.reduce(0) { $0 + problem.deliveries[$1] }
            var peak = load
            for client in route.clients {
                load += problem.pickups[client] - problem.deliveries[client]
                peak = max(peak, load)
            }
            report.excessLoad += max(0, peak - type.capacity)
            // Time: start as late as possible would reduce waiting; lateness is the same
            // whichever start is chosen only if we start at the depot's opening, which is
            // what the time-warp convention measures when starting at the earliest time.
            report.timeWarp += timeWarp(of: route.clients, type: type)
        }
        for (typeIndex, count) in used.enumerated() where count > problem.vehicleTypes[typeIndex].count {
            report.structuralErrors.append(
                "vehicle type \(typeIndex) used \(count) times, only \(problem.vehicleTypes[typeIndex].count) available"
            )
        }
        for client in 1..<max(1, problem.dimension) where seen[client] != 1 {
            report.structuralErrors.append(
                seen[client] == 0
                    ? "client \(client) is not visited" : "client \(client) is visited \(seen[client]) times")
        }
        return report
    }

    /// Lateness of a route when it leaves the depot at the latest time that adds no
    /// lateness, plus its duration above the vehicle's limit. Forward simulation with the
    /// best departure time: the route's time warp is found by simulating from the earliest
    /// departure; the minimal duration by trying the latest departure that keeps it.
    func timeWarp(of clients: [Int], type: VehicleType) -> Int {
        guard problem.hasTimeConstraints else { return 0 }
        let stops = [0] + clients + [0]
        // Simulate from a departure time, counting lateness (time warp) and end time.
        func simulate(departure: Int) -> (warp: Int, end: Int) {
            var time = departure
            var warp = 0
            for step in 1..<stops.count {
                let from = stops[step - 1]
                let to = stops[step]
                time += (step == 1 ? 0 : problem.serviceTimes[from]) + problem.duration(from, to)
                if time < problem.earliest[to] { time = problem.earliest[to] }
                if time > problem.latest[to] {
                    warp += time - problem.latest[to]
                    time = problem.latest[to]
                }
            }
            return (warp, time)
        }
        let first = simulate(departure: problem.earliest[0])
        var warp = first.warp
        if let limit = type.maxDuration {
            // Latest departure that does not increase lateness: search by bisection on the
            // depot window (lateness is non-decreasing in the departure time).
            var low = problem.earliest[0]
            var high = problem.latest[0]
            while low < high {
                let mid = low + (high - low + 1) / 2
                if simulate(departure: mid).warp <= first.warp { low = mid } else { high = mid - 1 }
            }
            let best = simulate(departure: low)
            // Durations count warped time too, as the search's duration segments do.
            warp += max(0, best.end - low + best.warp - limit)
        }
        return warp
    }
}
