/// Which family an instance file belongs to, which decides its reader and conventions.
public enum ProblemKind: String, Sendable, CaseIterable {
    /// CVRPLIB/TSPLIB `.vrp`: capacitated VRP.
    case cvrp
    /// LKH-3 VRPSPD format: simultaneous pickup and delivery.
    case vrpspd
    /// Solomon text format: VRP with time windows.
    case vrptw
}
