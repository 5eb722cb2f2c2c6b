import Crypto
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Slows password guessing without letting anyone lock others out, with its counts in the
/// database so that every server process of a cluster keeps the same ones.
///
/// Each failed login counts against three subjects: the pair of account and address (or of
/// account and device, when the browser holds a device token that signed in to that account
/// before), the account, and the address. A subject's first failures are free; after them,
/// each attempt must wait a delay that doubles with every further failure, up to a cap:
///
/// | subject | free failures | delay after them | cap |
/// | --- | --- | --- | --- |
/// | account and address, or account and device | 5 | 1 s, 2 s, 4 s … | 15 min |
/// | account, from any address | 20 | 1 s, 2 s, 4 s … | 1 min |
/// | address, for any account | 300 | 1 s, 2 s, 4 s … | 1 min |
///
/// A device that signed in to the account before is throttled only by its own pair, so a
/// guesser elsewhere, or behind the same NAT, cannot keep the account's owner out. A success
/// clears the pair's and the account's counts; counts fade a day after the last failure.
/// An attempt counts as a failure from the moment it starts, before the slow password check,
/// so a burst of parallel guesses cannot all slip past; a success takes its count back.
public struct LoginThrottle: Sendable {
    public struct Limit: Sendable, Hashable {
        public var free: Int
        public var cap: TimeInterval

        public init(free: Int, cap: TimeInterval) {
            self.free = free
            self.cap = cap
        }

        /// The wait after `failures` failures.
        public func delay(after failures: Int) -> TimeInterval {
            guard failures >= free else { return 0 }
            return min(cap, pow(2, Double(min(failures - free, 30))))
        }
    }

    public var pair: Limit
    public var account: Limit
    public var address: Limit
    /// How long after its last failure a subject's count is forgotten.
    public var memory: TimeInterval
    /// Where the throttle's transactions run: the app's runner, so that on SQLite they queue
    /// with every other write.
    public var transactions = TransactionRunner(serialized: false)

    public init(
        pair: Limit = Limit(free: 5, cap: 15 * 60), account: Limit = Limit(free: 20, cap: 60),
        address: Limit = Limit(free: 300, cap: 60), memory: TimeInterval = 24 * 3600
    ) {
        self.pair = pair
        self.account = account
        self.address = address
        self.memory = memory
    }

    /// One login attempt's subjects, as `begin` returned them; hand them back to `succeeded`.
    public struct Attempt: Sendable {
        var subjects: [(key: String, limit: Limit)]
        /// Whether the attempt came from a device that signed in to the account before.
        public let isKnownDevice: Bool
    }

    /// Starts an attempt: seconds to wait when a subject is still waiting out its delay (nothing
    /// is recorded then), or the attempt, recorded as a failure until `succeeded`.
    public func begin(
        username: String, address: String, deviceToken: String?, now: Date, on database: any Database
    ) async throws -> Result<Attempt, Wait> {
        let user = String(username.lowercased().prefix(64))
        let place = String(address.prefix(64))
        var subjects: [(key: String, limit: Limit)]
        var device = false
        if let deviceToken, try await Self.deviceUsername(deviceToken, on: database) == user {
            device = true
            subjects = [("device:\(TokenService.digest(deviceToken))|\(user)", pair)]
        } else {
            subjects = [
                ("pair:\(user)|\(place)", self.pair), ("account:\(user)", self.account),
                ("address:\(place)", self.address),
            ]
        }
        let attempt = Attempt(subjects: subjects, isKnownDevice: device)
        let chosen = subjects
        let clock = now.timeIntervalSince1970
        let forgotten = clock - memory
        // One transaction with the subjects' rows locked (in one order, so attempts sharing an
        // address cannot deadlock; on SQLite writes queue in the runner): parallel guesses are
        // counted one after another, and the one past the free failures waits.
        return try await transactions.transaction(on: database) { db in
            let sql = try db.sql()
            let keys = chosen.map(\.key).sorted()
            for key in keys {
                try await sql.raw(
                    """
                    INSERT INTO \(ident: Self.table) (subject, failures, last_failure_at, blocked_until)
                    VALUES (\(bind: key), 0, \(bind: clock), 0) ON CONFLICT (subject) DO NOTHING
                    """
                ).run()
            }
            let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
            let rows = try await sql.raw(
                """
                SELECT subject, failures, last_failure_at, blocked_until FROM \(ident: Self.table)
                WHERE subject IN (\(binds: keys)) ORDER BY subject\(lock)
                """
            ).all()
            var counts: [String: Int] = [:]
            var longest = 0.0
            for row in rows {
                let key = try row.decode(column: "subject", as: String.self)
                let last = try row.decode(column: "last_failure_at", as: Double.self)
                counts[key] = last < forgotten ? 0 : try row.decode(column: "failures", as: Int.self)
                if last >= forgotten {
                    longest = max(longest, try row.decode(column: "blocked_until", as: Double.self) - clock)
                }
            }
            if longest > 0 { return .failure(Wait(seconds: max(1, Int(longest.rounded(.up))))) }
            for subject in chosen {
                let failures = (counts[subject.key] ?? 0) + 1
                let delay = subject.limit.delay(after: failures)
                try await sql.update(Self.table)
                    .set("failures", to: failures)
                    .set("last_failure_at", to: clock)
                    .set("blocked_until", to: delay > 0 ? clock + delay : 0)
                    .where("subject", .equal, subject.key)
                    .run()
            }
            return .success(attempt)
        }
    }

    /// The attempt's password was right: its pair and account start again, the address gets
    /// its count back, and counts older than `memory` are dropped.
    public func succeeded(_ attempt: Attempt, now: Date, on database: any Database) async throws {
        let sql = try database.sql()
        for (index, subject) in attempt.subjects.enumerated() {
            if index < 2 {
                try await sql.delete(from: Self.table).where("subject", .equal, subject.key).run()
            } else {
                try await sql.update(Self.table)
                    .set(
                        "failures",
                        to: SQLBinaryExpression(SQLIdentifier("failures"), .subtract, SQLLiteral.numeric("1"))
                    )
                    .where("subject", .equal, subject.key).where("failures", .greaterThan, SQLLiteral.numeric("0"))
                    .run()
            }
        }
        try await sql.delete(from: Self.table)
            .where("last_failure_at", .lessThan, now.timeIntervalSince1970 - memory).run()
    }

    /// Seconds to wait before another attempt may go ahead.
    public struct Wait: Error, Sendable, Hashable {
        public var seconds: Int
    }

    static let table = "login_failures"
    static let devices = "login_devices"

    /// A new device token for a browser that just signed in as `username`: kept as its digest.
    public func issueDevice(
        username: String, accountID: UUID, now: Date, dependencies: Dependencies, on database: any Database
    ) async throws -> String {
        let token = dependencies.randomBytes(32).base64URLEncoded
        try await database.sql().insert(into: Self.devices)
            .columns("token_hash", "username", "account_id", "created_at")
            .values(
                SQLBind(TokenService.digest(token)), SQLBind(username.lowercased()), SQLBind(accountID),
                SQLBind(now.timeIntervalSince1970)
            )
            .run()
        return token
    }

    /// The username a device token signed in as, if it is one of ours.
    public static func deviceUsername(_ token: String, on database: any Database) async throws -> String? {
        guard token.utf8.count <= 64 else { return nil }
        let row = try await database.sql().select().column("username").from(devices)
            .where("token_hash", .equal, TokenService.digest(token)).first()
        return try row?.decode(column: "username", as: String.self)
    }

}

/// The throttle's tables: failures by subject, and the devices that have signed in.
public struct CreateLoginThrottle: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(LoginThrottle.table)
            .field("subject", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("last_failure_at", .double, .required)
            .field("blocked_until", .double, .required)
            .create()
        try await database.schema(LoginThrottle.devices)
            .field("token_hash", .string, .identifier(auto: false))
            .field("username", .string, .required)
            .field("account_id", .uuid, .required, .references("accounts", .id, onDelete: .cascade))
            .field("created_at", .double, .required)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(LoginThrottle.devices).delete()
        try await database.schema(LoginThrottle.table).delete()
    }
}
