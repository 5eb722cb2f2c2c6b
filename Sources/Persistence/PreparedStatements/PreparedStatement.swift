import FluentKit
import Foundation
import SQLKit

/// A statement written for PostgreSQL (`$1`, `$2`, … for its values, each cast where its type
/// is not plain from the text) that each connection parses and plans once and then runs by
/// name. On the checkout path parsing and planning cost PostgreSQL more than running the
/// statements (`bench/checkout/README.md`).
///
/// A hot path that has such a statement asks a `PreparedStatementRunner` for it and keeps its
/// portable SQLKit statements for every other store (the capability check of the design).
public protocol PreparedStatement: Sendable {
    /// The statement, in PostgreSQL's dialect.
    static var sql: String { get }
}
