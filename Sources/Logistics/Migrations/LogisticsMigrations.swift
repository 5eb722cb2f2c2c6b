import Community
import FluentKit
import SQLKit

/// This module's migrations, in the order they must run. Never edit a shipped one; add a new one.
public enum LogisticsMigrations {
    public static let all: [any Migration] = [
        CreateNetwork(),
        CreateParcels(),
        CreateDispatch(),
        CreateRoads(),
        CreateCarrierKeys(),
        CreateParcelNotices(),
        CreateBookings(),
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

/// The fleet and the day's dispatch plans.
public struct CreateDispatch: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Vehicle.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("capacity_grams", .int, .required)
            .field("cost_per_km_minor", .int, .required)
            .field("fixed_cost_minor", .int, .required)
            .field("shift_minutes", .int, .required)
            .field("courier_id", .uuid, .references(Account.schema, .id, onDelete: .setNull))
            .field("active", .bool, .required)
            .unique(on: "code")
            .create()
        try await database.schema(DispatchPlan.schema)
            .id()
            .field("date", .string, .required)
            .field("status", .string, .required)
            .field("distance_meters", .int, .required)
            .field("cost_minor", .int, .required)
            .field("seed", .int64, .required)
            .field("time_limit_seconds", .double, .required)
            .field("planned_by", .uuid)
            .field("planned_at", .datetime, .required)
            .field("published_at", .datetime)
            .unique(on: "date")
            .create()
        try await database.schema(DispatchRun.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(DispatchPlan.schema, .id, onDelete: .cascade))
            .field("vehicle_id", .uuid, .required, .references(Vehicle.schema, .id, onDelete: .restrict))
            .field("courier_id", .uuid, .references(Account.schema, .id, onDelete: .setNull))
            .field("position", .int, .required)
            .field("distance_meters", .int, .required)
            .field("duration_seconds", .int, .required)
            .field("locked", .bool, .required)
            .field("progress", .string, .required)
            .unique(on: "plan_id", "vehicle_id")
            .create()
        try await database.schema(DispatchStop.schema)
            .id()
            .field("run_id", .uuid, .required, .references(DispatchRun.schema, .id, onDelete: .cascade))
            .field("node_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("position", .int, .required)
            .field("instance_index", .int, .required)
            .field("arrival_seconds", .int, .required)
            .field("deliver_grams", .int, .required)
            .field("pickup_grams", .int, .required)
            .field("outcome", .string, .required)
            .field("note", .string, .required)
            .field("finished_at", .datetime)
            .create()
        try await database.schema(PlannedParcel.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(DispatchPlan.schema, .id, onDelete: .cascade))
            .field("parcel_id", .uuid, .required, .references(Parcel.schema, .id, onDelete: .cascade))
            .field("stop_id", .uuid, .references(DispatchStop.schema, .id, onDelete: .cascade))
            .field("reason", .string, .required)
            .unique(on: "plan_id", "parcel_id")
            .create()
        try await AddLookupIndexes.create(
            [
                ("dispatch_runs_plan_idx", DispatchRun.schema, ["plan_id"]),
                ("dispatch_runs_courier_idx", DispatchRun.schema, ["courier_id"]),
                ("dispatch_stops_run_idx", DispatchStop.schema, ["run_id"]),
                ("dispatch_parcels_stop_idx", PlannedParcel.schema, ["stop_id"]),
            ], on: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(PlannedParcel.schema).delete()
        try await database.schema(DispatchStop.schema).delete()
        try await database.schema(DispatchRun.schema).delete()
        try await database.schema(DispatchPlan.schema).delete()
        try await database.schema(Vehicle.schema).delete()
    }
}

/// The county's road network, its settings and the cache of travel times between nodes.
public struct CreateRoads: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(RoadSegment.schema)
            .id()
            .field("county_id", .uuid, .required, .references(County.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("name", .string)
            .field("speed_class", .string)
            .field("speed_kmh", .double, .required)
            .field("multi", .bool, .required)
            .field("coordinates", .string, .required)
            .unique(on: "county_id", "position")
            .create()
        try await database.schema(RoadNetworkRecord.schema)
            .id()
            .field("county_id", .uuid, .required, .references(County.schema, .id, onDelete: .cascade))
            .field("version", .int, .required)
            .field("segment_count", .int, .required)
            .field("circuity", .double)
            .field("fallback_speed_kmh", .double)
            .field("updated_at", .datetime, .required)
            .unique(on: "county_id")
            .create()
        try await database.schema(RoadService.cacheTable)
            .field("from_node_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .cascade))
            .field("to_node_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .cascade))
            .field("fingerprint", .int64, .required)
            .field("meters", .int64, .required)
            .field("seconds", .int64, .required)
            .unique(on: "from_node_id", "to_node_id")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(RoadService.cacheTable).delete()
        try await database.schema(RoadNetworkRecord.schema).delete()
        try await database.schema(RoadSegment.schema).delete()
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

/// Booked collections, and what made a parcel: a marketplace order or a booking.
public struct CreateBookings: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Booking.schema)
            .id()
            .field("node_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("carrier_id", .uuid, .required, .references(Carrier.schema, .id, onDelete: .restrict))
            .field("due_date", .string, .required)
            .field("parcel_count", .int, .required)
            .field("weight_grams", .int, .required)
            .field("contents", .string, .required)
            .field("contact_name", .string, .required)
            .field("contact_phone", .string)
            .field("booked_by", .uuid, .required, .references(Account.schema, .id, onDelete: .restrict))
            .field("idempotency_key", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "booked_by", "idempotency_key")
            .create()
        try await database.schema(Parcel.schema).field("order_id", .uuid).update()
        try await database.schema(Parcel.schema).field("booking_id", .uuid).update()
        // One parcel per order: the ship step cannot make two.
        try await database.sql().create(index: "parcels_order_idx").unique().on(Parcel.schema).column("order_id").run()
        try await AddLookupIndexes.create(
            [
                ("parcels_booking_idx", Parcel.schema, ["booking_id"]),
                ("bookings_due_idx", Booking.schema, ["due_date"]),
            ],
            on: database)
    }

    public func revert(on database: any Database) async throws {
        // SQLite will not drop a column while an index names it.
        for index in ["parcels_order_idx", "parcels_booking_idx"] {
            try await database.sql().drop(index: SQLIdentifier(index)).run()
        }
        try await database.schema(Parcel.schema).deleteField("booking_id").update()
        try await database.schema(Parcel.schema).deleteField("order_id").update()
        try await database.schema(Booking.schema).delete()
    }
}
