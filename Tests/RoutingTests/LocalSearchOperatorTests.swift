import Testing

@testable import Routing

/// The local search's operators are data: a list of named operators, each saying whether it
/// can apply to a problem, tried in the list's order.
@Suite struct LocalSearchOperatorTests {
    /// Random asymmetric distances (so that 2-opt and the swaps are priced the long way),
    /// optionally time windows, `vehicles` vehicles of one type.
    static func tinyProblem(clients: Int, vehicles: Int, timeWindows: Bool, seed: UInt64) throws -> ProblemData {
        var rng = Xoshiro256(seed: seed)
        let n = clients + 1
        let distances = (0..<(n * n)).map { $0 / n == $0 % n ? 0 : 1 + rng.below(50) }
        let deliveries = (0..<n).map { $0 == 0 ? 0 : 1 + rng.below(5) }
        let earliest = timeWindows ? (0..<n).map { $0 == 0 ? 0 : rng.below(60) } : nil
        let latest = earliest.map { starts in (0..<n).map { $0 == 0 ? 500 : starts[$0] + 20 } }
        return try ProblemData(
            dimension: n, distances: distances, deliveries: deliveries, earliest: earliest, latest: latest,
            vehicleTypes: [VehicleType(capacity: 8, count: vehicles)])
    }

    @Test func standardListsInTheSearchOrder() {
        #expect(
            NodeOperator.standard.map(\.name) == [
                "relocate", "or-opt", "swap", "swap(2,1)", "swap(2,2)", "2-opt", "2-opt*",
            ])
        #expect(RouteOperator.standard.map(\.name) == ["SWAP*"])
        #expect(Set(NodeOperator.allCases.map(\.name)).count == NodeOperator.allCases.count)
        let parameters = SolverParameters()
        #expect(parameters.nodeOperators == NodeOperator.standard)
        #expect(parameters.routeOperators == RouteOperator.standard)
        #expect(NodeOperator.standard.filter(\.triesRouteStart) == [.relocate, .orOpt, .twoOptStar])
        #expect(NodeOperator.twoOpt.withinOneRoute == true && NodeOperator.twoOptStar.withinOneRoute == false)
        #expect(NodeOperator.allCases.filter { $0.withinOneRoute == nil }.count == 5)
    }

    @Test func supportDependsOnClientsAndVehicles() throws {
        func supported(_ clients: Int, _ vehicles: Int) throws -> [String] {
            let problem = try Self.tinyProblem(clients: clients, vehicles: vehicles, timeWindows: false, seed: 1)
            return NodeOperator.standard.filter { $0.supports(problem) }.map(\.name)
                + RouteOperator.standard.filter { $0.supports(problem) }.map(\.name)
        }
        #expect(try supported(1, 1) == ["relocate"])
        #expect(try supported(1, 2) == ["relocate", "2-opt*"])
        #expect(try supported(2, 1) == ["relocate", "swap"])
        #expect(try supported(2, 3) == ["relocate", "swap", "2-opt*", "SWAP*"])
        #expect(try supported(3, 1) == ["relocate", "or-opt", "swap", "swap(2,1)", "2-opt"])
        #expect(try supported(4, 2) == NodeOperator.standard.map(\.name) + ["SWAP*"])
        let search = LocalSearch(
            problem: try Self.tinyProblem(clients: 3, vehicles: 1, timeWindows: false, seed: 2), neighbourCount: 3,
            seed: 1)
        #expect(search.nodeOperators == [.relocate, .orOpt, .swap, .swap21, .twoOpt])
        #expect(search.routeStartOperators == [.relocate, .orOpt])
        #expect(search.routeOperators.isEmpty)
    }

    /// What `supports` leaves out could never have changed anything: on every pair the search
    /// would try, an unsupported operator does not apply.
    @Test(arguments: [false, true]) func unsupportedOperatorsNeverApply(timeWindows: Bool) throws {
        var checked = 0
        for clients in 1...4 {
            for vehicles in 1...2 {
                for seed in UInt64(1)...4 {
                    let problem = try Self.tinyProblem(
                        clients: clients, vehicles: vehicles, timeWindows: timeWindows, seed: seed)
                    let unsupported = NodeOperator.allCases.filter { !$0.supports(problem) }
                    var search = LocalSearch(problem: problem, neighbourCount: clients, seed: seed)
                    search.loadPenalty = 5
                    search.timePenalty = 2
                    for round in UInt64(0)..<6 {
                        search.load(
                            TestSupport.randomSolution(search, seed: seed &* 10 &+ round), asLocalOptimum: false)
                        for u in 1...clients {
                            for v in 1...clients where v != u {
                                for move in unsupported {
                                    #expect(
                                        search.delta(move, u, v) == nil, "\(move) \(u) \(v) in \(problem.dimension)")
                                    let pv = search.prev[v]
                                    if move.triesRouteStart && search.isDepot(pv) {
                                        #expect(search.delta(move, u, pv) == nil, "\(move) \(u) start of \(v)")
                                    }
                                    checked += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    /// The search ends in a local optimum of its own list, whatever the list and its order.
    @Test(arguments: [
        NodeOperator.standard, [.relocate], [.twoOptStar, .swap, .relocate], Array(NodeOperator.standard.reversed()),
    ])
    func searchEndsInALocalOptimumOfItsList(operators: [NodeOperator]) throws {
        for variant in TestSupport.Variant.allCases {
            let problem = try TestSupport.randomProblem(variant, clients: 25, seed: 6)
            var search = LocalSearch(problem: problem, neighbourCount: 8, seed: 6)
            search.useOperators(operators, [])
            search.load(TestSupport.randomSolution(search, seed: 6), asLocalOptimum: false)
            let before = search.penalisedCost
            search.search()
            #expect(search.penalisedCost <= before)
            #expect(search.invariantViolations().isEmpty)
            let start = search.routeStartOperators
            for u in 1...search.n where search.isRouted(u) {
                for v in search.neighbours(of: u) where search.isRouted(v) {
                    #expect(search.firstImprovingMove(u, v, search.nodeOperators, start) == nil, "\(variant)")
                }
            }
        }
    }

    @Test func anEmptyListMovesNothing() throws {
        let problem = try TestSupport.randomProblem(.cvrp, clients: 20, seed: 4)
        var search = LocalSearch(problem: problem, neighbourCount: 8, seed: 4)
        search.useOperators([], [])
        let start = TestSupport.randomSolution(search, seed: 4)
        search.load(start, asLocalOptimum: false)
        let before = search.penalisedCost
        search.search()
        #expect(search.appliedMoves == 0)
        #expect(search.penalisedCost == before)
        #expect(!search.relocatesIntoEmptyRoutes)
    }

    @Test func solverRunsWithAnyOperatorList() throws {
        let problem = try TestSupport.randomProblem(.cvrp, clients: 20, seed: 8)
        var parameters = SolverParameters()
        parameters.nodeOperators = [.twoOptStar, .relocate, .swap]
        parameters.routeOperators = []
        let solver = Solver(problem: problem, parameters: parameters)
        let first = solver.solve(stop: .maxIterations(30), seed: 8)
        let second = solver.solve(stop: .maxIterations(30), seed: 8)
        #expect(first.report.isFeasible)
        #expect(first.report.cost == second.report.cost && first.solution == second.solution)
    }
}
