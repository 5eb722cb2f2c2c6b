import FluentKit
import JishiKit
import SQLKit

extension Database {
    /// This database as SQL, for the guarded single statements that move stock and money.
    /// Both stores Jishi runs on are SQL databases, so failing here is a wiring bug.
    public func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            throw Problem(type: .internalError, detail: "An SQL database is required.")
        }
        return sql
    }
}
