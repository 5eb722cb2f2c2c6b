import Fluent
import Foundation
import SQLKit
import Vapor

extension DatabaseID {
    /// The streaming replica read-only work is sent to (`DATABASE_READ_URL`).
    static let replica = DatabaseID(string: "replica")
}

/// How fresh the figures a page read are.
enum Freshness: Sendable, Equatable {
    /// Read from the primary: as they are now.
    case live
    /// Read from the replica, which held every change committed up to `asOf`, `lagSeconds`
    /// before it was read.
    case replica(asOf: Date, lagSeconds: Int)
}

/// Where a piece of read-only work reads, and how fresh that is.
struct ReadSource: Sendable {
    var database: any Database
    var freshness: Freshness
}

extension Request {
    /// The database for read-only work that may lag a little (search, the officials' dashboards
    /// and reports): the replica when one is configured and answers, with how far behind it is;
    /// else the primary, live. Work that writes, or must read what it has just written (the
    /// money path, a form's result), uses `db` instead.
    func readSource() async -> ReadSource {
        guard jishi.config.readStore != nil else { return ReadSource(database: db, freshness: .live) }
        let replica = db(.replica)
        do {
            return ReadSource(database: replica, freshness: try await Self.freshness(of: replica))
        } catch {
            logger.warning("The read replica did not answer; reading the primary: \(String(reflecting: error))")
            return ReadSource(database: db, freshness: .live)
        }
    }

    /// The replica's position, from `pg_last_xact_replay_timestamp()`: when it has replayed
    /// everything it received, it is as fresh as now; otherwise its figures are as of the last
    /// transaction it replayed. A server that is not in recovery (a promoted replica) is live.
    static func freshness(of replica: any Database) async throws -> Freshness {
        struct Row: Decodable {
            var recovering: Bool
            var caught_up: Bool
            var replayed: Double?
            var now: Double
        }
        let row = try await replica.sql().raw(
            """
            SELECT pg_is_in_recovery() AS recovering,
              COALESCE(pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(), false) AS caught_up,
              CAST(EXTRACT(EPOCH FROM pg_last_xact_replay_timestamp()) AS double precision) AS replayed,
              CAST(EXTRACT(EPOCH FROM now()) AS double precision) AS now
            """
        ).first(decoding: Row.self)
        guard let row, row.recovering else { return .live }
        let now = Date(timeIntervalSince1970: row.now)
        guard !row.caught_up, let replayed = row.replayed else { return .replica(asOf: now, lagSeconds: 0) }
        let asOf = Date(timeIntervalSince1970: min(replayed, row.now))
        return .replica(asOf: asOf, lagSeconds: Int((row.now - asOf.timeIntervalSince1970).rounded()))
    }
}
