import FluentKit
import Foundation
import JishiKit
import SQLKit

/// Enqueues and runs background jobs kept in the database.
///
/// A worker claims a due job with one guarded update
/// (`… SET status = 'running', locked_by = me WHERE id = ? AND (status = 'queued' OR lease expired)`),
/// so of several workers — in one process or many — exactly one runs each attempt. A worker
/// that dies leaves its lease to expire and the job is claimed again. Failed attempts are
/// retried with exponential backoff up to `maxAttempts`, then the job is marked failed.
public struct JobQueue: Sendable {
    public typealias Handler = @Sendable (_ payload: String, _ database: any Database) async throws -> Void

    public let dependencies: Dependencies
    public let workerID: String
    /// How long a claim holds before another worker may take the job over.
    public let lease: TimeInterval
    private let handlers: [String: Handler]

    public init(
        dependencies: Dependencies, workerID: String, lease: TimeInterval = 60, handlers: [String: Handler] = [:]
    ) {
        self.dependencies = dependencies
        self.workerID = workerID
        self.lease = lease
        self.handlers = handlers
    }

    /// A queue with one more handler.
    public func handling(_ kind: String, _ handler: @escaping Handler) -> JobQueue {
        var all = handlers
        all[kind] = handler
        return JobQueue(dependencies: dependencies, workerID: workerID, lease: lease, handlers: all)
    }

    /// Adds a job; call it inside the transaction that makes the work necessary, so the job
    /// exists exactly when that work's reason does.
    @discardableResult
    public func enqueue(
        _ kind: String, payload: String, runAt: Date? = nil, maxAttempts: Int = 5, on database: any Database
    ) async throws -> Job {
        let (job, statement) = insertion(kind, payload: payload, runAt: runAt, maxAttempts: maxAttempts)
        try await database.sql().raw(statement).run()
        job.$id.exists = true
        return job
    }

    /// The job `enqueue` would add and the one plain `INSERT` that adds it, for a caller that
    /// runs it together with its own writes (in the same transaction, as `enqueue` asks).
    /// A plain `INSERT` rather than Fluent's create, which reflects over the model each time: a
    /// checkout queues its expiry on the hot path.
    public func insertion(_ kind: String, payload: String, runAt: Date? = nil, maxAttempts: Int = 5) -> (
        job: Job, statement: SQLQueryString
    ) {
        let now = dependencies.now()
        let id = dependencies.uuid()
        let job = Job(
            id: id, kind: kind, payload: payload, runAt: runAt ?? now, maxAttempts: maxAttempts, createdAt: now)
        let statement: SQLQueryString = """
            INSERT INTO "jobs" ("id", "kind", "payload", "status", "run_at", "attempts", "max_attempts", \
            "created_at") VALUES (\(bind: id), \(bind: kind), \(bind: payload), \
            \(bind: Job.Status.queued.rawValue), \(bind: job.runAt), 0, \(bind: maxAttempts), \(bind: now))
            """
        return (job, statement)
    }

    /// Claims and runs up to `limit` due jobs, one at a time; returns how many it ran.
    @discardableResult
    public func runDue(limit: Int = 20, on database: any Database) async throws -> Int {
        guard database is any SQLDatabase else { return 0 }
        let now = dependencies.now()
        let candidates = try await Job.query(on: database)
            .group(.or) { group in
                group.group(.and) { $0.filter(\.$status == .queued).filter(\.$runAt <= now) }
                group.group(.and) { $0.filter(\.$status == .running).filter(\.$lockedUntil < now) }
            }
            .sort(\.$runAt).sort(\.$id).limit(limit).all()
        var ran = 0
        for candidate in candidates {
            let id = try candidate.requireID()
            let claimed = try await GuardedTransition(Job.schema, id: id)
                .setting("status", to: Job.Status.running.rawValue)
                .setting("locked_by", to: workerID)
                .setting("locked_until", to: now.addingTimeInterval(lease))
                .setting("attempts", to: SQLBinaryExpression(SQLIdentifier("attempts"), .add, SQLLiteral.numeric("1")))
                .when(Self.claimable(at: now))
                .run(on: database)
            guard claimed else { continue }  // another worker took it
            try await run(id: id, on: database)
            ran += 1
        }
        return ran
    }

    /// Queued, or running under a lease that has run out (its worker died).
    private static func claimable(at now: Date) -> any SQLExpression {
        let queued = SQLBinaryExpression(SQLIdentifier("status"), .equal, SQLBind(Job.Status.queued.rawValue))
        let expired = SQLBinaryExpression(
            SQLBinaryExpression(SQLIdentifier("status"), .equal, SQLBind(Job.Status.running.rawValue)), .and,
            SQLBinaryExpression(SQLIdentifier("locked_until"), .lessThan, SQLBind(now)))
        return SQLGroupExpression(SQLBinaryExpression(queued, .or, SQLGroupExpression(expired)))
    }

    private func run(id: UUID, on database: any Database) async throws {
        guard let job = try await Job.find(id, on: database), job.lockedBy == workerID else { return }
        do {
            guard let handler = handlers[job.kind] else {
                throw JobError(message: "No handler for job kind \(job.kind).")
            }
            try await handler(job.payload, database)
            job.status = .done
            job.lastError = nil
        } catch {
            job.lastError = String(String(describing: error).prefix(500))
            if job.attempts >= job.maxAttempts {
                job.status = .failed
            } else {
                job.status = .queued
                job.runAt = dependencies.now().addingTimeInterval(Self.backoff(attempt: job.attempts))
            }
        }
        job.lockedBy = nil
        job.lockedUntil = nil
        try await job.save(on: database)
    }

    /// 2, 4, 8 … seconds, at most an hour.
    public static func backoff(attempt: Int) -> TimeInterval {
        min(3600, pow(2, Double(max(1, attempt))))
    }
}
