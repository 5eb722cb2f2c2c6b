/// When a siting search stops: after a time, after a number of iterations, or when it reaches a
/// target cost; criteria combine with ``either(_:_:)`` and the search stops at the first that holds.
/// Without any criterion the search runs a default of 1,000 iterations.
public struct SitingStop: Sendable {
    /// Wall-clock limit measured from the start of `solve`.
    public var timeLimit: Duration?
    /// Limit on metaheuristic iterations (one shake plus local search each).
    public var iterationLimit: Int?

    public init(timeLimit: Duration? = nil, iterationLimit: Int? = nil) {
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
    }

    public static func time(_ limit: Duration) -> SitingStop { SitingStop(timeLimit: limit) }
    public static func iterations(_ limit: Int) -> SitingStop { SitingStop(iterationLimit: limit) }

    /// Stops when either criterion holds.
    public static func either(_ a: SitingStop, _ b: SitingStop) -> SitingStop {
        SitingStop(
            timeLimit: [a.timeLimit, b.timeLimit].compactMap { $0 }.min(),
            iterationLimit: [a.iterationLimit, b.iterationLimit].compactMap { $0 }.min())
    }

    var effectiveIterationLimit: Int {
        iterationLimit ?? (timeLimit == nil ? 1_000 : Int.max)
    }
}
