import Fluent
import JishiKit
import Logging
import Persistence
import SQLKit

/// How an SQLite file keeps what it answered for: a write-ahead log (`journal_mode=WAL`, kept in
/// the file, so one statement sets it for every later connection) with `synchronous=FULL`
/// (SQLite's compiled default, checked here): every commit is on disk, the log synced, before
/// the statement returns, so a checkout or payment answered `2xx` survives a crash of the
/// process or of the machine's power. `NORMAL` would sync only at checkpoints, and a power cut
/// could then take back the last commits (money already confirmed to a buyer). The log also lets
/// the pages read while a checkout writes. An in-memory store has neither.
enum SQLiteDurability {
    /// Sets the log and checks the sync. A file that cannot be opened yet is only logged: the
    /// server still starts and says so (`/healthz` answers 503) rather than failing to start.
    static func apply(on database: any Database, logger: Logger) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let synchronous: Int?
        do {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            synchronous = try await sql.raw("PRAGMA synchronous").first()
                .map { try $0.decode(column: "synchronous", as: Int.self) }
        } catch {
            logger.error("SQLite: cannot set the write-ahead log: \(String(describing: error))")
            return
        }
        if synchronous != 2 {
            // Not the build Jishi ships with; say so rather than run the money path unsynced.
            throw Problem(
                type: .internalError,
                detail: "SQLite's synchronous setting is \(synchronous.map(String.init) ?? "unknown"), not FULL (2).")
        }
    }
}
