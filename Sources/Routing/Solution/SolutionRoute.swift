/// One vehicle's trip: depot → `clients` in order → depot.
public struct SolutionRoute: Sendable, Hashable, Codable {
    /// Index into `ProblemData.vehicleTypes`.
    public var vehicleType: Int
    /// Client locations (1 ... clientCount) in visiting order.
    public var clients: [Int]

    public init(vehicleType: Int = 0, clients: [Int]) {
        self.vehicleType = vehicleType
        self.clients = clients
    }
}
