/// A problem read from a file, with what is needed to report in the file's own terms.
public struct RoutingInstance: Sendable {
    public var name: String
    public var kind: ProblemKind
    public var problem: ProblemData
    /// The file's node number for each location (index 0 is the depot).
    public var labels: [Int]
    /// Integer costs are the file's costs times this factor: 1 for CVRPLIB (rounded
    /// distances), 10 for Solomon (distances truncated to one decimal, times ten), 10⁴ for
    /// the LKH-3 VRPSPD matrices. Divide a cost by it to compare with published values.
    public var costScale: Int

    public init(name: String, kind: ProblemKind, problem: ProblemData, labels: [Int], costScale: Int) {
        self.name = name
        self.kind = kind
        self.problem = problem
        self.labels = labels
        self.costScale = costScale
    }
}
