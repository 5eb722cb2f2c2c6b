/// A set of routes for a `ProblemData`. Empty routes are dropped; use
/// `FeasibilityChecker` to price it and check it.
public struct Solution: Sendable, Hashable, Codable {
    public var routes: [SolutionRoute]

    public init(routes: [SolutionRoute]) {
        self.routes = routes.filter { !$0.clients.isEmpty }
    }
}
