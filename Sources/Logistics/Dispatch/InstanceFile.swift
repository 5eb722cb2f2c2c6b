import Routing

/// The problem the engine solved, as a VRPLIB text file (the CVRPLIB conventions, with the
/// sections PyVRP reads for pickups, time windows and a mixed fleet), so that a county can
/// audit a plan with any solver. Location 1 is the hub; location `i + 1` is the engine's client
/// `i`, which a plan's stops name as `instanceIndex`. Distances in metres, times in seconds
/// from the start of the shift, weights in grams, costs as the engine uses them (a thousand
/// times fen for fixed costs, fen per km for distance).
public enum InstanceFile {
    public static func text(_ instance: DispatchInstance) -> String {
        let problem = instance.problem
        let n = problem.dimension
        let vehicles = instance.trucksOfType.flatMap { $0 }
        let types = problem.vehicleTypes.enumerated().flatMap { index, type in
            Array(repeating: type, count: instance.trucksOfType[index].count)
        }
        var lines: [String] = [
            "NAME : \(instance.name)",
            "COMMENT : Jishi daily dispatch; vehicles \(vehicles.map(\.code).joined(separator: " "))",
            "TYPE : VRPSPD",
            "DIMENSION : \(n)",
            "VEHICLES : \(vehicles.count)",
        ]
        func fleetField(_ name: String, _ value: (VehicleType) -> Int) {
            let values = types.map(value)
            if Set(values).count == 1 {
                lines.append("\(name) : \(values[0])")
            } else {
                lines.append("\(name)_SECTION")
                for (index, value) in values.enumerated() { lines.append("\(index + 1) \(value)") }
            }
        }
        fleetField("CAPACITY") { $0.capacity }
        lines += ["EDGE_WEIGHT_TYPE : EXPLICIT", "EDGE_WEIGHT_FORMAT : FULL_MATRIX", "EDGE_WEIGHT_SECTION"]
        for i in 0..<n {
            lines.append((0..<n).map { String(problem.distance(i, $0)) }.joined(separator: " "))
        }
        lines.append("DEMAND_SECTION")
        for i in 0..<n { lines.append("\(i + 1) \(problem.deliveries[i])") }
        lines.append("BACKHAUL_SECTION")
        for i in 0..<n { lines.append("\(i + 1) \(problem.pickups[i])") }
        if problem.hasTimeConstraints {
            lines.append("TRAVEL_TIME_SECTION")
            for i in 0..<n {
                lines.append((0..<n).map { String(problem.duration(i, $0)) }.joined(separator: " "))
            }
            lines.append("SERVICE_TIME_SECTION")
            for i in 0..<n { lines.append("\(i + 1) \(problem.serviceTimes[i])") }
            lines.append("TIME_WINDOW_SECTION")
            for i in 0..<n { lines.append("\(i + 1) \(problem.earliest[i]) \(problem.latest[i])") }
            fleetField("VEHICLES_MAX_DURATION") { $0.maxDuration ?? problem.latest[0] }
        }
        fleetField("VEHICLES_FIXED_COST") { $0.fixedCost }
        fleetField("VEHICLES_UNIT_DISTANCE_COST") { $0.unitDistanceCost }
        lines += ["DEPOT_SECTION", "1", "-1", "EOF"]
        return lines.joined(separator: "\n") + "\n"
    }
}
