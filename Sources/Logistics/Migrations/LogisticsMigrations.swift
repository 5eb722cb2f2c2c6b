import Community
import FluentKit
import SQLKit

/// This module's migrations, in the order they must run. Never edit a shipped one; add a new one.
public enum LogisticsMigrations {
    public static let all: [any Migration] = [
        CreateNetwork()
    ]
}

/// Carriers and the network's nodes.
public struct CreateNetwork: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Carrier.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("name_en", .string, .required)
            .field("kind", .string, .required)
            .unique(on: "code")
            .create()
        try await database.schema(NetworkNode.schema)
            .id()
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("village_id", .uuid, .references(Village.schema, .id, onDelete: .restrict))
            .field("town_id", .uuid, .required, .references(Town.schema, .id, onDelete: .restrict))
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("opens_at", .int, .required)
            .field("closes_at", .int, .required)
            .field("shelf_capacity", .int, .required)
            .field("operator_name", .string, .required)
            .field("active", .bool, .required)
            .unique(on: "code")
            .create()
        try await AddLookupIndexes.create(
            [
                ("network_nodes_village_idx", NetworkNode.schema, ["village_id"]),
                ("network_nodes_town_idx", NetworkNode.schema, ["town_id"]),
            ], on: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(NetworkNode.schema).delete()
        try await database.schema(Carrier.schema).delete()
    }
}
