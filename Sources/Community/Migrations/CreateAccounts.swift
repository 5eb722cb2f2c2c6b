import FluentKit

/// Accounts, their role grants and their bearer tokens.
public struct CreateAccounts: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Account.schema)
            .id()
            .field("username", .string, .required)
            .field("password_hash", .string, .required)
            .field("display_name", .string, .required)
            .field("preferred_language", .string, .required)
            .field("household_id", .uuid, .references(Household.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.schema(RoleGrantRecord.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .field("role", .string, .required)
            .field("scope_kind", .string, .required)
            .field("scope_id", .uuid)
            .field("granted_at", .datetime)
            .create()
        try await database.schema(AccessToken.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(AccessToken.schema).delete()
        try await database.schema(RoleGrantRecord.schema).delete()
        try await database.schema(Account.schema).delete()
    }
}
