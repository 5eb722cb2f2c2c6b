/// Why a `ProblemData` could not be constructed.
public enum ProblemDataError: Error, Equatable, Sendable, CustomStringConvertible {
    case noDepot
    case matrixSize(name: String, expected: Int, actual: Int)
    case negativeValue(field: String, index: Int, value: Int)
    case arrayLength(field: String, expected: Int, actual: Int)
    case depotHasDemand(field: String, value: Int)
    case emptyTimeWindow(location: Int, earliest: Int, latest: Int)
    case noVehicleTypes
    case invalidVehicleType(index: Int, reason: String)
    case tooManyLocations(Int)

    public var description: String {
        switch self {
        case .noDepot:
            return "problem has no locations: location 0 must be the depot"
        case .matrixSize(let name, let expected, let actual):
            return "\(name) matrix has \(actual) entries, expected \(expected)"
        case .negativeValue(let field, let index, let value):
            return "\(field)[\(index)] is negative (\(value))"
        case .arrayLength(let field, let expected, let actual):
            return "\(field) has \(actual) entries, expected one per location (\(expected))"
        case .depotHasDemand(let field, let value):
            return "the depot (location 0) has \(field) \(value), expected 0"
        case .emptyTimeWindow(let location, let earliest, let latest):
            return "location \(location) has an empty time window [\(earliest), \(latest)]"
        case .noVehicleTypes:
            return "the fleet has no vehicle types"
        case .invalidVehicleType(let index, let reason):
            return "vehicle type \(index): \(reason)"
        case .tooManyLocations(let count):
            return "\(count) locations is more than this solver supports"
        }
    }
}
