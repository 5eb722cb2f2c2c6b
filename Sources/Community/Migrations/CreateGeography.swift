import FluentKit

/// Counties, towns, villages and households.
public struct CreateGeography: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(County.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("name_en", .string, .required)
            .unique(on: "code")
            .create()
        try await database.schema(Town.schema)
            .id()
            .field("county_id", .uuid, .required, .references(County.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("name_en", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .create()
        try await database.schema(Village.schema)
            .id()
            .field("town_id", .uuid, .required, .references(Town.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("name_en", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("household_count", .int, .required)
            .field("specialty", .string, .required)
            .create()
        try await database.schema(Household.schema)
            .id()
            .field("village_id", .uuid, .required, .references(Village.schema, .id, onDelete: .cascade))
            .field("head_name", .string, .required)
            .field("members", .int, .required)
            .field("registered_at", .datetime)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Household.schema).delete()
        try await database.schema(Village.schema).delete()
        try await database.schema(Town.schema).delete()
        try await database.schema(County.schema).delete()
    }
}
