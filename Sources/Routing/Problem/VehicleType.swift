/// One kind of vehicle in a (possibly heterogeneous) fleet.
///
/// A route driven by a vehicle of this type costs `fixedCost + unitDistanceCost × distance`
/// when it serves at least one client; an unused vehicle costs nothing.
public struct VehicleType: Sendable, Hashable {
    /// Largest load on board at any point of the route.
    public let capacity: Int
    /// How many vehicles of this type are available.
    public let count: Int
    /// Cost of using one vehicle of this type, paid once per non-empty route.
    public let fixedCost: Int
    /// Cost per unit of distance driven.
    public let unitDistanceCost: Int
    /// Optional limit on a route's duration (travel, service and waiting), or `nil`.
    public let maxDuration: Int?

    public init(
        capacity: Int, count: Int, fixedCost: Int = 0, unitDistanceCost: Int = 1,
        maxDuration: Int? = nil
    ) {
        self.capacity = capacity
        self.count = count
        self.fixedCost = fixedCost
        self.unitDistanceCost = unitDistanceCost
        self.maxDuration = maxDuration
    }
}
