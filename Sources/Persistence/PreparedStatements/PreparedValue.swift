import Foundation

/// One value for a prepared statement, with the type PostgreSQL receives it as.
public enum PreparedValue: Sendable {
    case uuid(UUID?)
    case text(String?)
    case integer(Int64)
    case date(Date)
    case uuids([UUID])
    case texts([String])
    case integers([Int64])

    public static func integer(_ value: Int) -> PreparedValue { .integer(Int64(value)) }
}
