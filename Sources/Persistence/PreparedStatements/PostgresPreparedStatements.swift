import FluentKit
import FluentPostgresDriver
import Foundation

/// Runs the domain's prepared statements through PostgresNIO, which prepares each one once per
/// connection (named after its type) and from then on sends only its values.
public struct PostgresPreparedStatements: PreparedStatementRunner {
    public init() {}

    public func rows<Statement: Persistence.PreparedStatement>(
        _ statement: Statement.Type, _ values: [PreparedValue], on database: any Database
    ) async throws -> [any SQLRow] {
        guard let postgres = database as? any PostgresDatabase else {
            throw PreparedStatementUnsupported(store: String(describing: type(of: database)))
        }
        var bindings = PostgresBindings(capacity: values.count)
        for value in values { bindings.append(value) }
        let prepared = Prepared<Statement>(bindings: bindings)
        database.logger.debug("Executing prepared statement", metadata: ["sql": .string(Statement.sql)])
        let rows = try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                do {
                    var rows: [PostgresRow] = []
                    for try await row in try await connection.execute(prepared, logger: connection.logger) {
                        rows.append(row)
                    }
                    return rows
                } catch let error as PSQLError where Self.refusedToPrepare(error) {
                    // PostgresNIO keeps a statement that failed to prepare failed on this
                    // connection for good; closed, the pool replaces the connection, and the
                    // next one prepares afresh (after the migration that was missing, say).
                    try? await connection.close()
                    throw error
                }
            }
        }.get()
        return rows.map { $0.sql() }
    }

    /// Whether PostgreSQL refused the statement itself or the schema it names (SQLSTATE classes
    /// 42, 0A and 26: a table or column not there yet, for instance): what makes preparing fail.
    static func refusedToPrepare(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return ["42", "0A", "26"].contains(String(state.prefix(2)))
    }
}

/// A domain statement as PostgresNIO's prepared statement: its name is the type's.
private struct Prepared<Statement: Persistence.PreparedStatement>: PostgresPreparedStatement {
    typealias Row = PostgresRow
    static var name: String { "jishi." + String(reflecting: Statement.self) }
    static var sql: String { Statement.sql }

    let bindings: PostgresBindings
    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

extension PostgresBindings {
    fileprivate mutating func append(_ value: PreparedValue) {
        switch value {
        case .uuid(let value): append(value)
        case .text(let value): append(value)
        case .integer(let value): append(value)
        case .date(let value): append(value)
        case .uuids(let value): append(value)
        case .texts(let value): append(value)
        case .integers(let value): append(value)
        }
    }
}
