import FluentKit

/// The background job table.
public struct CreateJobs: AsyncMigration {
    public init() {}

    /// The name it shipped with, in module Community: a store that ran it then has it recorded
    /// under this name.
    public var name: String { "Community.CreateJobs" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Job.schema)
            .id()
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("run_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("locked_by", .string)
            .field("locked_until", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Job.schema).delete()
    }
}
