import FluentPostgresDriver
import NIOCore
import SQLKit

/// Rows read at the driver's speed, for the few queries that read millions of them (a
/// province's import reads every shop it names and their last months). SQLKit's rows decode
/// each cell through `Decodable` and PostgresKit's translation, about 3 µs a cell; on
/// PostgreSQL this reads the same query on the same connection (the transaction's, inside one)
/// through PostgresNIO and decodes each row as one typed tuple, and on SQLite it reads the
/// columns one by one through SQLKit.
public enum FastRows {
    public struct UnsupportedBind: Error, CustomStringConvertible {
        public var type: String
        public var description: String { "FastRows cannot bind a value of type \(type) on PostgreSQL" }
    }

    /// The rows of `query` as tuples of `types`, whose columns are named `columns` in order.
    public static func all<each Column: PostgresDecodable & Decodable>(
        _ query: SQLQueryString, as types: (repeat each Column).Type, columns: [String], on sql: any SQLDatabase
    ) async throws -> [(repeat each Column)] {
        if let postgres = sql as? any PostgresDatabase {
            var serializer = SQLSerializer(database: sql)
            query.serialize(to: &serializer)
            var bindings = PostgresBindings()
            for bind in serializer.binds {
                guard let value = bind as? any PostgresThrowingDynamicTypeEncodable else {
                    throw UnsupportedBind(type: String(describing: Swift.type(of: bind)))
                }
                try bindings.append(value)
            }
            let statement = PostgresQuery(unsafeSQL: serializer.sql, binds: bindings)
            let logger = postgres.logger
            let rows = try await postgres.withConnection { connection in
                let promise = connection.eventLoop.makePromise(of: [PostgresRow].self)
                promise.completeWithTask {
                    var rows: [PostgresRow] = []
                    for try await row in try await connection.query(statement, logger: logger) { rows.append(row) }
                    return rows
                }
                return promise.futureResult
            }.get()
            return try rows.map { try $0.decode((repeat each Column).self) }
        }
        return try await sql.raw(query).all().map { row in
            var index = 0
            func next<Value: Decodable>(_ type: Value.Type) throws -> Value {
                defer { index += 1 }
                return try row.decode(column: columns[index], as: Value.self)
            }
            return (repeat try next((each Column).self))
        }
    }
}
