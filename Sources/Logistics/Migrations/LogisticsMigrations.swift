import Community
import FluentKit
import SQLKit

/// This module's migrations, in the order they must run. Never edit a shipped one; add a new one.
public enum LogisticsMigrations {
    public static let all: [any Migration] = [
        CreateNetwork(),
        CreateParcels(),
        CreateCarrierKeys(),
        CreateParcelNotices(),
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

/// Parcels and their custody events.
public struct CreateParcels: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Parcel.schema)
            .id()
            .field("carrier_id", .uuid, .required, .references(Carrier.schema, .id, onDelete: .restrict))
            .field("tracking_number", .string, .required)
            .field("direction", .string, .required)
            .field("weight_grams", .int, .required)
            .field("cod_minor", .int64)
            .field("contact_name", .string, .required)
            .field("contact_phone", .string)
            .field("village_id", .uuid, .required, .references(Village.schema, .id, onDelete: .restrict))
            .field("origin_node_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("destination_node_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("due_date", .string, .required)
            .field("holder", .string, .required)
            .field("custody_version", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "carrier_id", "tracking_number")
            .create()
        try await database.schema(ParcelEvent.schema)
            .id()
            .field("parcel_id", .uuid, .required, .references(Parcel.schema, .id, onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("kind", .string, .required)
            .field("from_holder", .string)
            .field("to_holder", .string, .required)
            .field("actor_id", .uuid)
            .field("node_id", .uuid)
            .field("note", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "parcel_id", "sequence")
            .create()
        try await AddLookupIndexes.create(
            [
                ("parcels_due_date_idx", Parcel.schema, ["due_date", "direction"]),
                ("parcels_holder_idx", Parcel.schema, ["holder"]),
            ], on: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ParcelEvent.schema).delete()
        try await database.schema(Parcel.schema).delete()
    }
}

/// Carriers' keys for adding their parcels through the API.
public struct CreateCarrierKeys: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(CarrierKey.schema)
            .id()
            .field("carrier_id", .uuid, .required, .references(Carrier.schema, .id, onDelete: .cascade))
            .field("key_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "key_hash")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(CarrierKey.schema).delete()
    }
}

/// Arrival notices: the record that a parcel's arrival was told, and accounts' in-app notices.
public struct CreateParcelNotices: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(ParcelNotice.schema)
            .id()
            .field("parcel_id", .uuid, .required, .references(Parcel.schema, .id, onDelete: .cascade))
            .field("custody_version", .int, .required)
            .field("node_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("sms_to", .string)
            .field("account_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "parcel_id", "custody_version")
            .create()
        try await database.schema(AccountNotification.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("body", .string, .required)
            .field("link", .string)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await AddLookupIndexes.create(
            [("notifications_account_idx", AccountNotification.schema, ["account_id", "created_at"])], on: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(AccountNotification.schema).delete()
        try await database.schema(ParcelNotice.schema).delete()
    }
}
