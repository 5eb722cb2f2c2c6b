/// Why a ``SitingProblem`` or ``MaximalCoveringProblem`` could not be built from the given data.
public enum SitingProblemError: Error, Equatable, Sendable, CustomStringConvertible {
    case noDemandPoints
    case noCandidateSites
    case weightCount(expected: Int, actual: Int)
    case negativeWeight(demandPoint: Int, weight: Int)
    case rowLength(demandPoint: Int, expected: Int, actual: Int)
    case negativeDistance(demandPoint: Int, site: Int, distance: Int)
    case unreachable(demandPoint: Int, site: Int)
    case stationCount(p: Int, candidateSites: Int)
    case negativeRadius(Int)
    case costOverflow

    public var description: String {
        switch self {
        case .noDemandPoints: "there are no demand points"
        case .noCandidateSites: "there are no candidate sites"
        case let .weightCount(expected, actual): "expected \(expected) population weights, got \(actual)"
        case let .negativeWeight(point, weight): "demand point \(point) has negative population \(weight)"
        case let .rowLength(point, expected, actual):
            "distance row of demand point \(point) has \(actual) entries, expected \(expected)"
        case let .negativeDistance(point, site, distance):
            "distance from demand point \(point) to site \(site) is negative (\(distance))"
        case let .unreachable(point, site): "site \(site) cannot be reached from demand point \(point)"
        case let .stationCount(p, sites): "p = \(p) must be between 1 and the \(sites) candidate sites"
        case let .negativeRadius(radius): "coverage radius \(radius) is negative"
        case .costOverflow: "population × distance overflows a 64-bit cost"
        }
    }
}
