import Foundation
import Testing

@testable import Routing

/// Readers on the bundled fixtures and on malformed input.
@Suite struct ParserTests {
    @Test func cvrplibEuclidean() throws {
        let instance = try TSPLIBReader().read(path: TestSupport.fixture("A-n32-k5.vrp"))
        #expect(instance.kind == .cvrp)
        #expect(instance.problem.dimension == 32)
        #expect(instance.problem.vehicleTypes[0].capacity == 100)
        #expect(instance.labels.first == 1)
        // Nodes 1 (82, 76) and 2 (96, 44): √(14² + 32²) = 34.93 → 35.
        #expect(instance.problem.distance(0, 1) == 35)
        #expect(!instance.problem.hasTimeConstraints)
        let (solution, cost) = try SolutionFile.read(path: TestSupport.fixture("A-n32-k5.sol"))
        #expect(cost == 784)
        let report = FeasibilityChecker(problem: instance.problem).check(solution)
        #expect(report.isFeasible)
        #expect(report.cost == 784)
    }

    @Test func solomonCRLF() throws {
        let instance = try InstanceReader.read(path: TestSupport.fixture("C101.txt"))
        #expect(instance.kind == .vrptw)
        #expect(instance.name == "C101")
        #expect(instance.problem.dimension == 101)
        #expect(instance.problem.vehicleTypes[0].count == 25)
        #expect(instance.problem.vehicleTypes[0].capacity == 200)
        // Depot (40, 50) to customer 1 (45, 68): √349 = 18.68 → 186 tenths.
        #expect(instance.problem.distance(0, 1) == 186)
        #expect(instance.problem.earliest[1] == 9120)
        #expect(instance.problem.serviceTimes[1] == 900)
        #expect(instance.costScale == 10)
    }

    @Test func lkhPickupAndDelivery() throws {
        let instance = try InstanceReader.read(path: TestSupport.fixture("CON3-0.vrpspd"))
        #expect(instance.kind == .vrpspd)
        #expect(instance.problem.dimension == 51)
        #expect(instance.problem.vehicleTypes[0].count == 4)
        #expect(instance.problem.hasPickups)
        #expect(!instance.problem.hasTimeConstraints)
        #expect(instance.problem.distance(0, 1) == 174413)
        #expect(instance.problem.pickups[1] == 1_015_547)
        #expect(instance.problem.deliveries[1] == 109447)
        #expect(instance.costScale == 10_000)
    }

    @Test func explicitLowerRowAndDepotElsewhere() throws {
        let text = """
            NAME : tiny
            TYPE : CVRP
            DIMENSION : 3
            EDGE_WEIGHT_TYPE : EXPLICIT
            EDGE_WEIGHT_FORMAT : LOWER_ROW
            CAPACITY : 10
            EDGE_WEIGHT_SECTION
            5
            7 9
            DEMAND_SECTION
            1 4
            2 0
            3 6
            DEPOT_SECTION
            2
            -1
            EOF
            """
        let instance = try TSPLIBReader().parse(text, file: "tiny.vrp")
        // Depot is node 2; locations: 0 = node 2, 1 = node 1, 2 = node 3.
        #expect(instance.labels == [2, 1, 3])
        #expect(instance.problem.distance(0, 1) == 5)
        #expect(instance.problem.distance(0, 2) == 9)
        #expect(instance.problem.distance(1, 2) == 7)
        #expect(instance.problem.deliveries == [0, 4, 6])
    }

    @Test func malformedFilesNameLineAndField() throws {
        let badCoordinate = """
            NAME : bad
            DIMENSION : 2
            CAPACITY : 10
            EDGE_WEIGHT_TYPE : EUC_2D
            NODE_COORD_SECTION
            1 0 0
            2 x 5
            DEMAND_SECTION
            1 0
            2 3
            """
        #expect(
            throws: RoutingParseError(
                file: "bad.vrp", line: 7, field: "NODE_COORD_SECTION x", message: "expected a number, found \"x\"")
        ) {
            try TSPLIBReader().parse(badCoordinate, file: "bad.vrp")
        }
        let missingCapacity = "NAME : m\nDIMENSION : 2\nNODE_COORD_SECTION\n1 0 0\n2 1 1\nDEMAND_SECTION\n1 0\n2 1\n"
        do {
            _ = try TSPLIBReader().parse(missingCapacity, file: "m.vrp")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "CAPACITY")
            #expect(error.description.contains("m.vrp"))
        }
        let shortMatrix =
            "NAME : s\nDIMENSION : 3\nCAPACITY : 5\nEDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : FULL_MATRIX\nEDGE_WEIGHT_SECTION\n0 1 2\n1 0\nDEMAND_SECTION\n1 0\n2 1\n3 1\n"
        do {
            _ = try TSPLIBReader().parse(shortMatrix, file: "s.vrp")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "EDGE_WEIGHT_SECTION")
            #expect(error.line == 6)
        }
        let badSolomon =
            "R1\r\n\r\nVEHICLE\r\nNUMBER CAPACITY\r\n 2 10\r\n\r\nCUSTOMER\r\nCUST NO. X\r\n 0 0 0 0 0 100 0\r\n 1 5 5 3 0 50\r\n"
        do {
            _ = try SolomonReader().parse(badSolomon, file: "r.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 10)
            #expect(error.field == "customer row")
        }
        let badSolution = "Route #1: 1 2\nRoute #2: 3 x\nCost 10\n"
        do {
            _ = try SolutionFile.parse(badSolution, file: "a.sol")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.field == "Route")
        }
        #expect(throws: RoutingParseError.self) { try InstanceReader.read(path: "/nonexistent/file.vrp") }
    }

    @Test func solutionFileRoundTrip() throws {
        let solution = Solution(routes: [SolutionRoute(clients: [3, 1]), SolutionRoute(clients: [2])])
        let text = SolutionFile.format(solution, cost: 42)
        #expect(text == "Route #1: 3 1\nRoute #2: 2\nCost 42\n")
        let (read, cost) = try SolutionFile.parse(text, file: "x.sol")
        #expect(read == solution)
        #expect(cost == 42)
    }

    @Test func invalidProblemDataIsRejected() {
        #expect(throws: ProblemDataError.matrixSize(name: "distance", expected: 4, actual: 3)) {
            try ProblemData(
                dimension: 2, distances: [0, 1, 1], deliveries: [0, 1],
                vehicleTypes: [VehicleType(capacity: 1, count: 1)])
        }
        #expect(throws: ProblemDataError.depotHasDemand(field: "delivery", value: 2)) {
            try ProblemData(
                dimension: 2, distances: [0, 1, 1, 0], deliveries: [2, 1],
                vehicleTypes: [VehicleType(capacity: 1, count: 1)])
        }
        #expect(throws: ProblemDataError.emptyTimeWindow(location: 1, earliest: 5, latest: 4)) {
            try ProblemData(
                dimension: 2, distances: [0, 1, 1, 0], deliveries: [0, 1], earliest: [0, 5], latest: [9, 4],
                vehicleTypes: [VehicleType(capacity: 1, count: 1)])
        }
        #expect(throws: ProblemDataError.noVehicleTypes) {
            try ProblemData(dimension: 2, distances: [0, 1, 1, 0], deliveries: [0, 1], vehicleTypes: [])
        }
        #expect(throws: ProblemDataError.negativeValue(field: "distance", index: 1, value: -1)) {
            try ProblemData(
                dimension: 2, distances: [0, -1, 1, 0], deliveries: [0, 1],
                vehicleTypes: [VehicleType(capacity: 1, count: 1)])
        }
    }

    /// Every CVRP `.sol` in the shared benchmarks prices, by the checker, at its stated cost.
    @Test(.enabled(if: TestSupport.hasBenchmarks, "needs ../shared/data/benchmarks"))
    func sharedBenchmarkSolutionsMatchTheirCosts() throws {
        let folder = TestSupport.benchmarks.appendingPathComponent("cvrp/X")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".vrp") }
            .sorted()
        #expect(files.count > 5)
        for file in files.prefix(6) {
            let instance = try TSPLIBReader().read(path: folder.appendingPathComponent(file).path)
            let (solution, cost) = try SolutionFile.read(
                path: folder.appendingPathComponent(file.replacingOccurrences(of: ".vrp", with: ".sol")).path)
            let report = FeasibilityChecker(problem: instance.problem).check(solution)
            #expect(report.isFeasible, "\(file)")
            #expect(report.cost == cost, "\(file)")
        }
    }
}
