import Foundation
import JishiKit
import Logistics
import Routing
import Testing

/// The planner on days built in memory: every parcel on exactly one run or listed with the
/// reason, and every run checked here, independently of the planner's own check, against
/// the van's capacity at every point, the nodes' opening hours, the shift and the hub's hours.
@Suite("Logistics: planning a day")
struct DispatchPlannerTests {
    /// A random day: `count` nodes within 20 km of the hub, parcels both ways, a mixed fleet.
    static func day(seed: UInt64, count: Int, trucks: [DayProblem.Truck]? = nil) -> DayProblem {
        var random = SeededGenerator(seed: seed)
        let centre = GeoPoint(latitude: 34.8, longitude: 115.5)
        var sites = [DayProblem.Site(nodeID: UUID(), code: "HUB", opens: 6 * 60, closes: 22 * 60)]
        var serial = 0
        func loads(_ number: Int, _ grams: ClosedRange<Int>) -> [DayProblem.Load] {
            (0..<number).map { _ in
                serial += 1
                return DayProblem.Load(
                    parcelID: UUID(), tracking: String(format: "T%06d", serial),
                    grams: Int.random(in: grams, using: &random))
            }
        }
        var points = [centre]
        for index in 0..<count {
            let opens = [7, 8, 9, 13][Int.random(in: 0..<4, using: &random)] * 60
            sites.append(
                DayProblem.Site(
                    nodeID: UUID(), code: String(format: "STA-%03d", index), opens: opens,
                    closes: opens + Int.random(in: 3...10, using: &random) * 60,
                    deliver: loads(Int.random(in: 0...12, using: &random), 200...8_000),
                    pickup: loads(Int.random(in: 0...8, using: &random), 500...20_000)))
            points.append(
                centre.offset(
                    northMetres: Double(Int.random(in: -20_000...20_000, using: &random)),
                    eastMetres: Double(Int.random(in: -20_000...20_000, using: &random))))
        }
        let fleet =
            trucks ?? [
                DayProblem.Truck(
                    vehicleID: UUID(), code: "VAN-1", capacityGrams: 200_000, costPerKmMinor: 250,
                    fixedCostMinor: 15_000, shiftMinutes: 540),
                DayProblem.Truck(
                    vehicleID: UUID(), code: "VAN-2", capacityGrams: 200_000, costPerKmMinor: 250,
                    fixedCostMinor: 15_000, shiftMinutes: 540),
                DayProblem.Truck(
                    vehicleID: UUID(), code: "TRI-1", capacityGrams: 60_000, costPerKmMinor: 60,
                    fixedCostMinor: 8_000, shiftMinutes: 300),
            ]
        return DayProblem(
            date: "2026-12-03", sites: sites, trucks: fleet, matrix: RoadService().straightLine(points))
    }

    /// Checks `plan` against `day` without the planner: returns what is wrong, nothing if all is well.
    static func violations(of plan: DayPlan, in day: DayProblem) -> [String] {
        var problems: [String] = []
        let hub = day.sites[0]
        var seen: [UUID: Int] = [:]
        for run in plan.runs {
            // Load: the van leaves with every delivery; each stop unloads its deliveries and loads its collections.
            var load = run.stops.reduce(0) { $0 + $1.deliver.reduce(0) { $0 + $1.grams } }
            if load > run.truck.capacityGrams { problems.append("\(run.truck.code) overloaded leaving the hub") }
            var time = run.departureSeconds
            var previous = 0
            var distance = 0
            for stop in run.stops {
                for parcel in stop.deliver + stop.pickup { seen[parcel.parcelID, default: 0] += 1 }
                let site = day.sites[stop.siteIndex]
                load += stop.pickup.reduce(0) { $0 + $1.grams } - stop.deliver.reduce(0) { $0 + $1.grams }
                if load > run.truck.capacityGrams { problems.append("\(run.truck.code) overloaded after \(site.code)") }
                time += day.matrix.seconds(previous, stop.siteIndex)
                distance += day.matrix.meters(previous, stop.siteIndex)
                time = max(time, (site.opens - hub.opens) * 60)
                if time > (site.closes - hub.opens) * 60 { problems.append("\(site.code) reached after closing") }
                if time != stop.arrivalSeconds {
                    problems.append("\(site.code) arrival \(stop.arrivalSeconds) ≠ \(time)")
                }
                time += day.stopSeconds + day.secondsPerParcel * (stop.deliver.count + stop.pickup.count)
                previous = stop.siteIndex
            }
            time += day.matrix.seconds(previous, 0)
            distance += day.matrix.meters(previous, 0)
            if time > (hub.closes - hub.opens) * 60 { problems.append("\(run.truck.code) back after the hub closes") }
            if time - run.departureSeconds > run.truck.shiftMinutes * 60 {
                problems.append("\(run.truck.code) over its shift")
            }
            if time - run.departureSeconds != run.durationSeconds { problems.append("\(run.truck.code) duration") }
            if distance != run.distanceMeters { problems.append("\(run.truck.code) distance") }
        }
        for item in plan.unassigned { seen[item.load.parcelID, default: 0] += 1 }
        for site in day.sites {
            for parcel in site.deliver + site.pickup where seen[parcel.parcelID] != 1 {
                problems.append("\(parcel.tracking) planned \(seen[parcel.parcelID] ?? 0) times")
            }
        }
        if Set(plan.runs.map(\.truck.code)).count != plan.runs.count { problems.append("a van with two runs") }
        return problems
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func everyRunIsFeasibleAndEveryParcelIsPlannedOnceOrListed(seed: UInt64) {
        let day = Self.day(seed: seed, count: 30)
        let (plan, instance) = DispatchPlanner().plan(day, stop: .maxIterations(300), seed: seed)
        #expect(Self.violations(of: plan, in: day) == [])
        #expect(instance != nil)
        #expect(!plan.runs.isEmpty)
    }

    @Test func aTightFleetListsWhatDoesNotFitWithTheReasonAndDropsNothingSilently() {
        let small = [
            DayProblem.Truck(
                vehicleID: UUID(), code: "TRI-1", capacityGrams: 40_000, costPerKmMinor: 60, fixedCostMinor: 8_000,
                shiftMinutes: 240)
        ]
        let day = Self.day(seed: 9, count: 25, trucks: small)
        let (plan, _) = DispatchPlanner().plan(day, stop: .maxIterations(200), seed: 9)
        #expect(Self.violations(of: plan, in: day) == [])
        #expect(plan.runs.count == 1)
        #expect(!plan.unassigned.isEmpty)
        let reasons = Set(plan.unassigned.map(\.reason))
        #expect(reasons.isSubset(of: [.fleetFull, .outOfHours]))
    }

    @Test func heavyParcelsClosedNodesLateNodesAndNoFleetEachSayWhy() {
        let hubPoint = GeoPoint(latitude: 34.8, longitude: 115.5)
        let load = { (tracking: String, grams: Int) in
            DayProblem.Load(parcelID: UUID(), tracking: tracking, grams: grams)
        }
        let sites = [
            DayProblem.Site(nodeID: UUID(), code: "HUB", opens: 360, closes: 1_320),
            DayProblem.Site(
                nodeID: UUID(), code: "OPEN", opens: 480, closes: 1_140,
                deliver: [load("A1", 1_000), load("HEAVY", 900_000)]),
            DayProblem.Site(
                nodeID: UUID(), code: "SHUT", opens: 480, closes: 1_140, active: false, deliver: [load("C1", 1_000)]),
            // Closes at 06:10, ten minutes after the shift starts, 30 km away.
            DayProblem.Site(nodeID: UUID(), code: "EARLY", opens: 300, closes: 370, pickup: [load("E1", 2_000)]),
        ]
        let points = [
            hubPoint, hubPoint.offset(northMetres: 5_000, eastMetres: 0),
            hubPoint.offset(northMetres: 0, eastMetres: 3_000),
            hubPoint.offset(northMetres: 30_000, eastMetres: 0),
        ]
        let van = DayProblem.Truck(
            vehicleID: UUID(), code: "VAN-1", capacityGrams: 500_000, costPerKmMinor: 250, fixedCostMinor: 15_000,
            shiftMinutes: 540)
        let day = DayProblem(
            date: "2026-12-03", sites: sites, trucks: [van], matrix: RoadService().straightLine(points))
        let (plan, _) = DispatchPlanner().plan(day, stop: .maxIterations(50), seed: 1)
        #expect(Self.violations(of: plan, in: day) == [])
        let reasons = Dictionary(uniqueKeysWithValues: plan.unassigned.map { ($0.load.tracking, $0.reason) })
        #expect(reasons == ["HEAVY": .tooHeavy, "C1": .nodeClosed, "E1": .outOfHours])
        #expect(plan.runs.flatMap(\.stops).flatMap(\.deliver).map(\.tracking) == ["A1"])

        let noFleet = DayProblem(
            date: "2026-12-03", sites: sites, trucks: [], matrix: RoadService().straightLine(points))
        let (empty, instance) = DispatchPlanner().plan(noFleet, stop: .maxIterations(10), seed: 1)
        #expect(instance == nil && empty.runs.isEmpty)
        #expect(Set(empty.unassigned.map(\.reason)) == [.noVehicle])
        #expect(empty.unassigned.count == 4)
    }

    @Test func aNodeHeavierThanAVanIsVisitedSeveralTimes() {
        let hubPoint = GeoPoint(latitude: 34.8, longitude: 115.5)
        let parcels = (0..<50).map {
            DayProblem.Load(parcelID: UUID(), tracking: String(format: "P%03d", $0), grams: 10_000)
        }
        let sites = [
            DayProblem.Site(nodeID: UUID(), code: "HUB", opens: 360, closes: 1_320),
            DayProblem.Site(nodeID: UUID(), code: "SELLER", opens: 480, closes: 1_140, pickup: parcels),
        ]
        let trucks = (1...3).map {
            DayProblem.Truck(
                vehicleID: UUID(), code: "VAN-\($0)", capacityGrams: 200_000, costPerKmMinor: 250,
                fixedCostMinor: 15_000, shiftMinutes: 540)
        }
        let day = DayProblem(
            date: "2026-12-03", sites: sites, trucks: trucks,
            matrix: RoadService().straightLine([hubPoint, hubPoint.offset(northMetres: 8_000, eastMetres: 2_000)]))
        let (plan, instance) = DispatchPlanner().plan(day, stop: .maxIterations(100), seed: 1)
        #expect(Self.violations(of: plan, in: day) == [])
        #expect(plan.unassigned.isEmpty)
        #expect(instance?.visits.count == 3)
        #expect(plan.runs.flatMap(\.stops).map { $0.pickup.count }.sorted() == [10, 20, 20])
    }

    @Test func theInstanceFileIsVRPLIBWithTheStopsAtTheirIndices() throws {
        let day = Self.day(seed: 4, count: 12)
        let (plan, instance) = DispatchPlanner().plan(day, stop: .maxIterations(100), seed: 4)
        let text = InstanceFile.text(try #require(instance))
        let lines = text.split(separator: "\n").map(String.init)
        let dimension = try #require(instance?.problem.dimension)
        #expect(lines.contains("TYPE : VRPSPD") && lines.contains("DIMENSION : \(dimension)"))
        #expect(lines.contains("EDGE_WEIGHT_TYPE : EXPLICIT") && lines.contains("EDGE_WEIGHT_FORMAT : FULL_MATRIX"))
        #expect(lines.contains("CAPACITY_SECTION"), "a mixed fleet has one capacity per vehicle")
        #expect(lines.suffix(4) == ["DEPOT_SECTION", "1", "-1", "EOF"])
        func section(_ name: String) -> [[Int]] {
            guard let start = lines.firstIndex(of: name) else { return [] }
            return lines[(start + 1)...].prefix { $0.first?.isNumber ?? false }.map {
                $0.split(separator: " ").compactMap { Int($0) }
            }
        }
        let matrix = section("EDGE_WEIGHT_SECTION")
        #expect(matrix.count == dimension && matrix.allSatisfy { $0.count == dimension })
        let demand = Dictionary(uniqueKeysWithValues: section("DEMAND_SECTION").map { ($0[0], $0[1]) })
        let backhaul = Dictionary(uniqueKeysWithValues: section("BACKHAUL_SECTION").map { ($0[0], $0[1]) })
        #expect(section("TIME_WINDOW_SECTION").count == dimension)
        #expect(section("CAPACITY_SECTION").map { $0[1] } == [60_000, 200_000, 200_000])
        for stop in plan.runs.flatMap(\.stops) {
            #expect(demand[stop.instanceIndex] == stop.deliver.reduce(0) { $0 + $1.grams })
            #expect(backhaul[stop.instanceIndex] == stop.pickup.reduce(0) { $0 + $1.grams })
            let row = matrix[0]
            #expect(row[stop.instanceIndex - 1] == day.matrix.meters(0, stop.siteIndex))
        }
    }
}
