/// A prepared statement was asked of a store that has none.
struct PreparedStatementUnsupported: Error, CustomStringConvertible {
    var store: String
    var description: String { "\(store) cannot run prepared statements" }
}
