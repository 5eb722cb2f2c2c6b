/// A report sent to the progress callback whenever the best solution or the bound improves.
public struct SitingProgress: Sendable {
    /// Best objective so far: cost for p-median, covered population for maximal covering.
    public var best: Int
    /// Best proven bound so far (lower for p-median, upper for covering), if any.
    public var bound: Int?
    public var iterations: Int
    public var seconds: Double
}
