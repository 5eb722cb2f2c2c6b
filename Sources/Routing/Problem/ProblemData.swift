/// Immutable, validated description of a vehicle routing problem.
///
/// Location 0 is the depot, locations 1 ... `clientCount` are clients. Every measure is an
/// integer: distances and durations (flat row-major `dimension × dimension` matrices),
/// deliveries and pickups (simultaneous pickup and delivery, Dethloff 2001; a CVRP has
/// pickups all zero), service times and time windows bounding the start of service. The
/// depot's window is the planning horizon. Construction validates everything and throws a
/// `ProblemDataError` naming the offending field; afterwards the data never changes, so it
/// can be shared freely between searches. Memory: two `dimension²` integer matrices.
public struct ProblemData: Sendable {
    /// Number of locations, depot included.
    public let dimension: Int
    public let distances: [Int]
    public let durations: [Int]
    public let deliveries: [Int]
    public let pickups: [Int]
    public let serviceTimes: [Int]
    public let earliest: [Int]
    public let latest: [Int]
    public let vehicleTypes: [VehicleType]
    /// Planar positions, when known; used only to prune SWAP* route pairs by polar sectors.
    public let coordinates: [SIMD2<Double>]?

    /// Whether any time window, service time or duration limit can bind.
    public let hasTimeConstraints: Bool
    /// Whether any client picks up goods (simultaneous pickup and delivery).
    public let hasPickups: Bool
    /// Whether the distance matrix equals its transpose.
    public let isSymmetric: Bool

    public var clientCount: Int { dimension - 1 }
    /// Total number of vehicles in the fleet.
    public var fleetSize: Int { vehicleTypes.reduce(0) { $0 + $1.count } }

    @inline(__always) public func distance(_ from: Int, _ to: Int) -> Int {
        distances[from &* dimension &+ to]
    }

    @inline(__always) public func duration(_ from: Int, _ to: Int) -> Int {
        durations[from &* dimension &+ to]
    }

    /// - Parameters:
    ///   - distances: row-major `dimension × dimension` matrix.
    ///   - durations: travel times, same layout; `nil` means equal to `distances`.
    ///   - deliveries: per location, 0 for the depot.
    ///   - pickups: per location, `nil` for none.
    ///   - serviceTimes, earliest, latest: per location, `nil` for 0, 0 and `Int.max / 4`.
    public init(
        dimension: Int, distances: [Int], durations: [Int]? = nil, deliveries: [Int],
        pickups: [Int]? = nil, serviceTimes: [Int]? = nil, earliest: [Int]? = nil,
        latest: [Int]? = nil, vehicleTypes: [VehicleType], coordinates: [SIMD2<Double>]? = nil
    ) throws(ProblemDataError) {
        guard dimension >= 1 else { throw .noDepot }
        guard dimension <= 100_000 else { throw .tooManyLocations(dimension) }
        let cells = dimension * dimension
        guard distances.count == cells else {
            throw .matrixSize(name: "distance", expected: cells, actual: distances.count)
        }
        let durations = durations ?? distances
        guard durations.count == cells else {
            throw .matrixSize(name: "duration", expected: cells, actual: durations.count)
        }
        for (index, value) in distances.enumerated() where value < 0 {
            throw .negativeValue(field: "distance", index: index, value: value)
        }
        for (index, value) in durations.enumerated() where value < 0 {
            throw .negativeValue(field: "duration", index: index, value: value)
        }
        let horizon = Int.max / 4
        let pickups = pickups ?? Array(repeating: 0, count: dimension)
        let serviceTimes = serviceTimes ?? Array(repeating: 0, count: dimension)
        let earliest = earliest ?? Array(repeating: 0, count: dimension)
        let latest = latest ?? Array(repeating: horizon, count: dimension)
        for (field, array) in [
            ("deliveries", deliveries), ("pickups", pickups), ("serviceTimes", serviceTimes),
            ("earliest", earliest), ("latest", latest),
        ] {
            guard array.count == dimension else {
                throw .arrayLength(field: field, expected: dimension, actual: array.count)
            }
            for (index, value) in array.enumerated() where value < 0 {
                throw .negativeValue(field: field, index: index, value: value)
            }
        }
        if let coordinates, coordinates.count != dimension {
            throw .arrayLength(field: "coordinates", expected: dimension, actual: coordinates.count)
        }
        guard deliveries[0] == 0 else { throw .depotHasDemand(field: "delivery", value: deliveries[0]) }
        guard pickups[0] == 0 else { throw .depotHasDemand(field: "pickup", value: pickups[0]) }
        for location in 0..<dimension where earliest[location] > latest[location] {
            throw .emptyTimeWindow(
                location: location, earliest: earliest[location], latest: latest[location])
        }
        guard !vehicleTypes.isEmpty else { throw .noVehicleTypes }
        for (index, type) in vehicleTypes.enumerated() {
            if type.capacity < 0 { throw .invalidVehicleType(index: index, reason: "negative capacity") }
            if type.count < 1 { throw .invalidVehicleType(index: index, reason: "count must be at least 1") }
            if type.fixedCost < 0 { throw .invalidVehicleType(index: index, reason: "negative fixed cost") }
            if type.unitDistanceCost < 0 {
                throw .invalidVehicleType(index: index, reason: "negative unit distance cost")
            }
            if let limit = type.maxDuration, limit < 0 {
                throw .invalidVehicleType(index: index, reason: "negative maximum duration")
            }
        }
        self.dimension = dimension
        self.distances = distances
        self.durations = durations
        self.deliveries = deliveries
        self.pickups = pickups
        self.serviceTimes = serviceTimes
        self.earliest = earliest
        self.latest = latest
        self.vehicleTypes = vehicleTypes
        self.coordinates = coordinates
        self.hasPickups = pickups.contains { $0 > 0 }
        let windowBinds = (1..<dimension).contains {
            earliest[$0] > earliest[0] || latest[$0] < latest[0] || serviceTimes[$0] > 0
        }
        self.hasTimeConstraints =
            windowBinds || latest[0] < horizon || vehicleTypes.contains { $0.maxDuration != nil }
        var symmetric = true
        outer: for i in 0..<dimension {
            for j in (i + 1)..<max(i + 1, dimension) where distances[i * dimension + j] != distances[j * dimension + i]
            {
                symmetric = false
                break outer
            }
        }
        self.isSymmetric = symmetric
    }
}
