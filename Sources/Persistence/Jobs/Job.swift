import FluentKit
import Foundation

/// A unit of background work kept in the database, so several server processes share the
/// work and nothing is lost when one stops.
public final class Job: Model, @unchecked Sendable {
    public static let schema = "jobs"

    @ID(key: .id) public var id: UUID?
    /// Which handler runs it, e.g. `marketplace.expire-checkout`.
    @Field(key: "kind") public var kind: String
    /// The handler's input, as the handler encoded it (usually an id).
    @Field(key: "payload") public var payload: String
    @Field(key: "status") public var status: Status
    @Field(key: "run_at") public var runAt: Date
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "max_attempts") public var maxAttempts: Int
    @OptionalField(key: "locked_by") public var lockedBy: String?
    @OptionalField(key: "locked_until") public var lockedUntil: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(id: UUID, kind: String, payload: String, runAt: Date, maxAttempts: Int = 5, createdAt: Date) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.status = .queued
        self.runAt = runAt
        self.attempts = 0
        self.maxAttempts = maxAttempts
        self.createdAt = createdAt
    }

    public enum Status: String, Codable, Sendable {
        case queued, running, done, failed
    }
}
