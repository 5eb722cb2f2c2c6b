/// The result of a maximal covering solve.
public struct MaximalCoveringSolution: Sendable, Equatable {
    /// Open sites, 0-based candidate indices, ascending.
    public var sites: [Int]
    /// Population within the radius of an open site (maximised).
    public var coveredPopulation: Int
    /// Population of all demand points.
    public var totalPopulation: Int
    /// A proven upper bound on the coverable population (Lagrangian), or `nil` if none computed.
    public var upperBound: Int?
    public var iterations: Int
    public var seconds: Double

    /// True when the bound proves the coverage optimal.
    public var isProvenOptimal: Bool { upperBound == coveredPopulation }
}
