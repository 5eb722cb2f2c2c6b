import Foundation

/// Mutable search state over one `ProblemData`: routes as doubly linked lists of node ids
/// with cached prefix/suffix segments per node, so that every move is priced in O(1)
/// (Vidal et al. 2014; PyVRP's `search/Route`). A value type whose methods mutate it in
/// place, so the hot loops need no reference counting or dynamic exclusivity checks.
///
/// Node ids: clients are their locations 1 ... n; route r has a start depot node `n+1+r`
/// and an end depot node `n+1+R+r`. Route slots are grouped by vehicle type; a type with
/// more vehicles than clients gets n slots.
///
/// Costs are penalised: each route costs its fixed and distance costs plus
/// `loadPenalty × excess load + timePenalty × (time warp + excess duration)`.
struct LocalSearch {
    let problem: ProblemData
    let n: Int
    let routeCount: Int
    let hasTime: Bool
    let hasPickups: Bool
    let symmetric: Bool

    // Per location.
    let locationLoad: [LoadSegment]
    let locationTime: [DurationSegment]
    let neighbourStart: [Int]
    let neighbourList: [Int]
    let angle: [Int]

    // Per route slot.
    let routeType: [Int]
    let capacity: [Int]
    let fixedCost: [Int]
    let unitCost: [Int]
    let maxDuration: [Int]
    var routeSize: [Int]
    var routeCost: [Int]
    var routePenalty: [Int]
    var lastModified: [Int]
    var lastTestedRoutePairs: [Int]
    var sector: [CircleSector]

    // Per node.
    var next: [Int]
    var prev: [Int]
    var routeOf: [Int]
    var position: [Int]
    var distBefore: [Int]
    var loadBefore: [LoadSegment]
    var loadAfter: [LoadSegment]
    var timeBefore: [DurationSegment]
    var timeAfter: [DurationSegment]
    var lastTested: [Int]

    var moveCounter = 1
    var loadPenalty = 1
    var timePenalty = 1
    var rng: Xoshiro256
    /// The node operators tried on each pair, in order, less those `problem` cannot use.
    private(set) var nodeOperators: [NodeOperator] = []
    /// The node operators also tried with a route's start depot, in the same order.
    private(set) var routeStartOperators: [NodeOperator] = []
    /// The route operators tried on each pair of routes, in order.
    private(set) var routeOperators: [RouteOperator] = []
    /// Whether a client may be relocated into an empty vehicle (when relocate is listed).
    private(set) var relocatesIntoEmptyRoutes = true
    /// Number of improving moves applied, for statistics and tests.
    var appliedMoves = 0

    init(problem: ProblemData, neighbourCount: Int, seed: UInt64) {
        self.problem = problem
        n = problem.clientCount
        hasTime = problem.hasTimeConstraints
        hasPickups = problem.hasPickups
        symmetric = problem.isSymmetric
        rng = Xoshiro256(seed: seed)
        var load: [LoadSegment] = []
        var time: [DurationSegment] = []
        for location in 0..<problem.dimension {
            load.append(LoadSegment(delivery: problem.deliveries[location], pickup: problem.pickups[location]))
            time.append(
                DurationSegment(
                    service: location == 0 ? 0 : problem.serviceTimes[location],
                    earliest: problem.earliest[location], latest: problem.latest[location]))
        }
        locationLoad = load
        locationTime = time
        let (start, list) = LocalSearch.granularNeighbours(problem: problem, count: neighbourCount)
        neighbourStart = start
        neighbourList = list
        if let coordinates = problem.coordinates {
            let depot = coordinates[0]
            angle = coordinates.map {
                let a = atan2($0.y - depot.y, $0.x - depot.x)
                return CircleSector.positiveMod(Int(32768 * a / Double.pi))
            }
        } else {
            angle = []
        }
        var types: [Int] = []
        for (index, type) in problem.vehicleTypes.enumerated() {
            types += Array(repeating: index, count: min(type.count, max(1, problem.clientCount)))
        }
        routeType = types
        routeCount = types.count
        capacity = types.map { problem.vehicleTypes[$0].capacity }
        fixedCost = types.map { problem.vehicleTypes[$0].fixedCost }
        unitCost = types.map { problem.vehicleTypes[$0].unitDistanceCost }
        maxDuration = types.map { problem.vehicleTypes[$0].maxDuration ?? Int.max / 4 }
        routeSize = Array(repeating: 0, count: routeCount)
        routeCost = Array(repeating: 0, count: routeCount)
        routePenalty = Array(repeating: 0, count: routeCount)
        lastModified = Array(repeating: 0, count: routeCount)
        lastTestedRoutePairs = Array(repeating: -1, count: routeCount)
        sector = Array(repeating: CircleSector(), count: routeCount)
        let nodes = n + 1 + 2 * routeCount
        next = Array(repeating: -1, count: nodes)
        prev = Array(repeating: -1, count: nodes)
        routeOf = Array(repeating: -1, count: nodes)
        position = Array(repeating: 0, count: nodes)
        distBefore = Array(repeating: 0, count: nodes)
        loadBefore = Array(repeating: .empty, count: nodes)
        loadAfter = Array(repeating: .empty, count: nodes)
        timeBefore = Array(repeating: time[0], count: nodes)
        timeAfter = Array(repeating: time[0], count: nodes)
        lastTested = Array(repeating: -1, count: nodes)
        for r in 0..<routeCount {
            next[startDepot(r)] = endDepot(r)
            prev[endDepot(r)] = startDepot(r)
            routeOf[startDepot(r)] = r
            routeOf[endDepot(r)] = r
            updateRoute(r)
        }
        useOperators(NodeOperator.standard, RouteOperator.standard)
    }

    /// Makes the search try `node` on each pair and `route` on each pair of routes, in these
    /// orders, leaving out the operators that this problem cannot use.
    mutating func useOperators(_ node: [NodeOperator], _ route: [RouteOperator]) {
        nodeOperators = node.filter { $0.supports(problem) }
        routeStartOperators = nodeOperators.filter(\.triesRouteStart)
        routeOperators = route.filter { $0.supports(problem) }
        relocatesIntoEmptyRoutes = nodeOperators.contains(.relocate)
    }

    // MARK: Node ids

    @inline(__always) func startDepot(_ r: Int) -> Int { n &+ 1 &+ r }
    @inline(__always) func endDepot(_ r: Int) -> Int { n &+ 1 &+ routeCount &+ r }
    @inline(__always) func isDepot(_ node: Int) -> Bool { node > n }
    @inline(__always) func location(_ node: Int) -> Int { node > n ? 0 : node }
    @inline(__always) func isRouted(_ client: Int) -> Bool { routeOf[client] >= 0 }

    @inline(__always) func neighbours(of client: Int) -> ArraySlice<Int> {
        neighbourList[neighbourStart[client]..<neighbourStart[client + 1]]
    }

    // MARK: Segments

    @inline(__always) func prefix(_ node: Int) -> RouteSegment {
        RouteSegment(
            first: 0, last: location(node), distance: distBefore[node], load: loadBefore[node],
            time: timeBefore[node])
    }

    @inline(__always) func suffix(_ node: Int) -> RouteSegment {
        let r = routeOf[node]
        return RouteSegment(
            first: location(node), last: 0, distance: distBefore[endDepot(r)] &- distBefore[node],
            load: loadAfter[node], time: timeAfter[node])
    }

    @inline(__always) func single(_ node: Int) -> RouteSegment {
        let l = location(node)
        return RouteSegment(first: l, last: l, distance: 0, load: locationLoad[l], time: locationTime[l])
    }

    /// The part of a route from `a` to `b` inclusive, `a` not after `b`. O(1) for distance
    /// and CVRP loads, O(b - a) when pickups or time windows need the order.
    func between(_ a: Int, _ b: Int) -> RouteSegment {
        if a == b { return single(a) }
        var segment = RouteSegment(
            first: location(a), last: location(b), distance: distBefore[b] &- distBefore[a],
            load: locationLoad[location(a)], time: locationTime[location(a)])
        if !hasPickups && !hasTime {
            let delivery = loadBefore[b].delivery &- loadBefore[a].delivery &+ locationLoad[location(a)].delivery
            segment.load = LoadSegment(delivery: delivery, pickup: 0, maxLoad: delivery)
            return segment
        }
        var node = a
        repeat {
            let following = next[node]
            let l = location(following)
            segment.load = segment.load.followed(by: locationLoad[l])
            if hasTime {
                segment.time = segment.time.followed(
                    by: locationTime[l], travel: problem.duration(location(node), l))
            }
            node = following
        } while node != b
        return segment
    }

    /// The part from `a` to `b` inclusive (`a` not after `b`), driven backwards. O(b - a).
    func reversed(_ a: Int, _ b: Int) -> RouteSegment {
        if a == b { return single(a) }
        var segment = single(b)
        var node = b
        repeat {
            let preceding = prev[node]
            let l = location(preceding)
            segment.distance &+= problem.distance(location(node), l)
            segment.load = segment.load.followed(by: locationLoad[l])
            if hasTime {
                segment.time = segment.time.followed(
                    by: locationTime[l], travel: problem.duration(location(node), l))
            }
            segment.last = l
            node = preceding
        } while node != a
        return segment
    }

    @inline(__always) func concat(_ x: RouteSegment, _ y: RouteSegment) -> RouteSegment {
        var result = x
        result.last = y.last
        result.distance = x.distance &+ problem.distance(x.last, y.first) &+ y.distance
        result.load = x.load.followed(by: y.load)
        if hasTime {
            result.time = x.time.followed(by: y.time, travel: problem.duration(x.last, y.first))
        }
        return result
    }

    @inline(__always) func concat(_ x: RouteSegment, _ y: RouteSegment, _ z: RouteSegment) -> RouteSegment {
        concat(concat(x, y), z)
    }

    /// Penalised cost of a whole route (depot to depot) driven by slot `r`'s vehicle type.
    @inline(__always) func cost(_ route: RouteSegment, slot r: Int, clients: Int) -> Int {
        if clients == 0 { return 0 }
        return penalty(route, slot: r) &+ fixedCost[r] &+ unitCost[r] &* route.distance
    }

    @inline(__always) func penalty(_ route: RouteSegment, slot r: Int) -> Int {
        var result = 0
        let excess = route.load.maxLoad &- capacity[r]
        if excess > 0 { result = loadPenalty &* excess }
        if hasTime {
            let warp = route.time.timeWarp &+ max(0, route.time.duration &- maxDuration[r])
            result &+= timePenalty &* warp
        }
        return result
    }

    var penalisedCost: Int { routeCost.reduce(0, &+) }

    var isFeasible: Bool { routePenalty.allSatisfy { $0 == 0 } }

    var isLoadFeasible: Bool {
        (0..<routeCount).allSatisfy { loadBefore[endDepot($0)].maxLoad <= capacity[$0] }
    }

    // MARK: Route maintenance

    /// Recomputes positions and cached segments of route `r` after its links changed. O(length).
    mutating func updateRoute(_ r: Int) {
        let start = startDepot(r)
        let end = endDepot(r)
        var node = start
        var count = 0
        var angles = CircleSector()
        distBefore[start] = 0
        loadBefore[start] = .empty
        timeBefore[start] = locationTime[0]
        position[start] = 0
        while node != end {
            let following = next[node]
            let l = location(following)
            let from = location(node)
            count &+= 1
            position[following] = count
            routeOf[following] = r
            distBefore[following] = distBefore[node] &+ problem.distance(from, l)
            loadBefore[following] = loadBefore[node].followed(by: locationLoad[l])
            if hasTime {
                timeBefore[following] = timeBefore[node].followed(
                    by: locationTime[l], travel: problem.duration(from, l))
            }
            if !angle.isEmpty && following != end {
                if count == 1 { angles.reset(angle[l]) } else { angles.extend(angle[l]) }
            }
            node = following
        }
        routeSize[r] = count &- 1
        sector[r] = angles
        loadAfter[end] = .empty
        timeAfter[end] = locationTime[0]
        node = end
        while node != start {
            let preceding = prev[node]
            let l = location(preceding)
            loadAfter[preceding] = locationLoad[l].followed(by: loadAfter[node])
            if hasTime {
                timeAfter[preceding] = locationTime[l].followed(
                    by: timeAfter[node], travel: problem.duration(l, location(node)))
            }
            node = preceding
        }
        let whole = prefix(end)
        routeCost[r] = cost(whole, slot: r, clients: routeSize[r])
        routePenalty[r] = routeSize[r] == 0 ? 0 : penalty(whole, slot: r)
        lastModified[r] = moveCounter
    }

    /// Recomputes every route's penalised cost, after the penalties changed.
    mutating func repriceRoutes() {
        for r in 0..<routeCount {
            let whole = prefix(endDepot(r))
            routeCost[r] = cost(whole, slot: r, clients: routeSize[r])
            routePenalty[r] = routeSize[r] == 0 ? 0 : penalty(whole, slot: r)
        }
    }

    /// Clients of route `r` in order.
    func clients(of r: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(routeSize[r])
        var node = next[startDepot(r)]
        while !isDepot(node) {
            result.append(node)
            node = next[node]
        }
        return result
    }

    /// Relinks route `r` to visit exactly `clients` and updates it.
    mutating func setRoute(_ r: Int, _ clients: [Int]) {
        var previous = startDepot(r)
        for client in clients {
            next[previous] = client
            prev[client] = previous
            routeOf[client] = r
            previous = client
        }
        next[previous] = endDepot(r)
        prev[endDepot(r)] = previous
        updateRoute(r)
    }

    /// Unlinks `client` from its route without updating the route's caches.
    mutating func unlink(_ client: Int) {
        let p = prev[client]
        let q = next[client]
        next[p] = q
        prev[q] = p
        routeOf[client] = -1
        next[client] = -1
        prev[client] = -1
    }

    /// Links `client` right after `anchor` without updating the route's caches.
    mutating func link(_ client: Int, after anchor: Int) {
        let q = next[anchor]
        next[anchor] = client
        prev[client] = anchor
        next[client] = q
        prev[q] = client
        routeOf[client] = routeOf[anchor]
    }

    /// Loads a solution. With `asLocalOptimum`, clients are marked as already tested so
    /// that the next search only looks at what changes afterwards.
    mutating func load(_ solution: Solution, asLocalOptimum: Bool) {
        moveCounter &+= 1
        var nextSlot = Dictionary(grouping: 0..<routeCount) { routeType[$0] }.mapValues { $0.sorted() }
        for r in 0..<routeCount { setRoute(r, []) }
        for client in 1..<max(1, n + 1) { routeOf[client] = -1 }
        for route in solution.routes {
            guard var slots = nextSlot[route.vehicleType], !slots.isEmpty else { continue }
            let r = slots.removeFirst()
            nextSlot[route.vehicleType] = slots
            setRoute(r, route.clients)
        }
        moveCounter &+= 1
        let mark = asLocalOptimum ? moveCounter : -1
        for node in lastTested.indices { lastTested[node] = mark }
        for r in 0..<routeCount { lastTestedRoutePairs[r] = mark }
    }

    /// The current routes as a `Solution` (unrouted clients, if any, are left out).
    func solution() -> Solution {
        Solution(
            routes: (0..<routeCount).compactMap {
                routeSize[$0] == 0 ? nil : SolutionRoute(vehicleType: routeType[$0], clients: clients(of: $0))
            })
    }

    /// Marks routes as changed by a move applied through the caches.
    mutating func noteMove() {
        moveCounter &+= 1
        appliedMoves &+= 1
    }

    /// A slot of each vehicle type that is currently empty, if any.
    func emptySlots() -> [Int] {
        var seen = Set<Int>()
        var result: [Int] = []
        for r in 0..<routeCount where routeSize[r] == 0 && !seen.contains(routeType[r]) {
            seen.insert(routeType[r])
            result.append(r)
        }
        return result
    }
}
