import Community
import FluentKit
import Logistics
import Marketplace
import SQLKit

/// This module's migrations, in the order they must run. Never edit a shipped one; add a new one.
public enum StationsMigrations {
    public static let all: [any Migration] = [
        CreateStationCounters(),
        CreateCounterHandouts(),
        CreateCommissions(),
        CreateServiceRequests(),
        CreateTraining(),
        CreateCounterArrivals(),
        CreateConsignments(),
        CreateCounterReturns(),
    ]
}

/// Villagers, assisted orders, and the cash ledger with its closes.
public struct CreateStationCounters: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Villager.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("name", .string, .required)
            .field("household_id", .uuid, .references(Household.schema, .id, onDelete: .restrict))
            .field("phone", .string)
            .field("id_digits", .string)
            .field("consent_at", .datetime, .required)
            .field("consent_witness_id", .uuid, .required, .references(Account.schema, .id, onDelete: .restrict))
            .field("idempotency_key", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "station_id", "idempotency_key")
            .create()
        try await database.schema(AssistedOrder.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("villager_id", .uuid, .required, .references(Villager.schema, .id, onDelete: .restrict))
            .field("agent_id", .uuid, .required, .references(Account.schema, .id, onDelete: .restrict))
            .field("checkout_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "checkout_id")
            .create()
        try await database.schema(StationDrawer.schema)
            .id()
            .field("version", .int64, .required)
            .create()
        try await database.schema(CashEntry.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("kind", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("debit_account", .string, .required)
            .field("credit_account", .string, .required)
            .field("actor_id", .uuid, .references(Account.schema, .id, onDelete: .restrict))
            .field("reason", .string, .required)
            .field("idempotency_key", .string, .required)
            .field("request_digest", .string, .required)
            .field("reference_id", .uuid)
            .field("villager_id", .uuid, .references(Villager.schema, .id, onDelete: .restrict))
            .field("reverses_id", .uuid)
            .field("at", .datetime, .required)
            .unique(on: "station_id", "idempotency_key")
            .unique(on: "reverses_id")
            .create()
        try await database.schema(CashPosting.schema)
            .id()
            .field("entry_id", .uuid, .required, .references(CashEntry.schema, .id, onDelete: .restrict))
            .field("station_id", .uuid, .required)
            .field("account", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema(CashClose.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("business_day", .string, .required)
            .field("expected_minor", .int64, .required)
            .field("counted_minor", .int64, .required)
            .field("difference_minor", .int64, .required)
            .field("kept_minor", .int64, .required)
            .field("explanation", .string)
            .field("closed_by", .uuid, .required, .references(Account.schema, .id, onDelete: .restrict))
            .field("closed_at", .datetime, .required)
            .field("idempotency_key", .string, .required)
            .field("request_digest", .string, .required)
            .field("confirmed_by", .uuid, .references(Account.schema, .id, onDelete: .restrict))
            .field("confirmed_at", .datetime)
            .unique(on: "station_id", "business_day")
            .unique(on: "station_id", "idempotency_key")
            .create()
        try await AddLookupIndexes.create(
            [
                ("villagers_station_idx", Villager.schema, ["station_id", "name"]),
                ("assisted_orders_station_idx", AssistedOrder.schema, ["station_id", "created_at"]),
                ("cash_entries_station_at_idx", CashEntry.schema, ["station_id", "at"]),
                ("cash_entries_reference_idx", CashEntry.schema, ["reference_id"]),
                ("cash_postings_account_idx", CashPosting.schema, ["station_id", "account"]),
                ("cash_postings_entry_idx", CashPosting.schema, ["entry_id"]),
            ], on: database)
    }

    public func revert(on database: any Database) async throws {
        for schema in [
            CashClose.schema, CashPosting.schema, CashEntry.schema, StationDrawer.schema, AssistedOrder.schema,
            Villager.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}

/// Parcels handed out at the counter.
public struct CreateCounterHandouts: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(CounterHandout.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("parcel_id", .uuid, .required, .references(Parcel.schema, .id, onDelete: .restrict))
            .field("proof", .string, .required)
            .field("signature", .string, .required)
            .field("villager_id", .uuid, .references(Villager.schema, .id, onDelete: .restrict))
            .field("cod_minor", .int64)
            .field("idempotency_key", .string, .required)
            .field("handed_out_by", .uuid, .required, .references(Account.schema, .id, onDelete: .restrict))
            .field("at", .datetime, .required)
            .unique(on: "parcel_id")
            .unique(on: "station_id", "idempotency_key")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(CounterHandout.schema).delete()
    }
}

/// Agents' commission lines and the counties' rates.
public struct CreateCommissions: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(AgentCommission.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("agent_id", .uuid, .references(Account.schema, .id, onDelete: .restrict))
            .field("source", .string, .required)
            .field("reference_id", .uuid, .required)
            .field("base_minor", .int64, .required)
            .field("basis_points", .int, .required)
            .field("amount_minor", .int64, .required)
            .field("month", .string, .required)
            .field("idempotency_key", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "idempotency_key")
            .create()
        try await database.schema(CommissionRate.schema)
            .id()
            .field("county_id", .uuid, .required, .references(County.schema, .id, onDelete: .restrict))
            .field("basis_points", .int, .required)
            .field("set_by", .uuid, .required, .references(Account.schema, .id, onDelete: .restrict))
            .field("set_at", .datetime, .required)
            .create()
        try await AddLookupIndexes.create(
            [
                ("agent_commissions_station_month_idx", AgentCommission.schema, ["station_id", "month"]),
                ("agent_commissions_reference_idx", AgentCommission.schema, ["reference_id"]),
                ("commission_rates_county_idx", CommissionRate.schema, ["county_id", "set_at"]),
            ], on: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(CommissionRate.schema).delete()
        try await database.schema(AgentCommission.schema).delete()
    }
}

/// The services desk's requests.
public struct CreateServiceRequests: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(ServiceRequest.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("villager_id", .uuid, .references(Villager.schema, .id, onDelete: .restrict))
            .field("kind", .string, .required)
            .field("details", .string, .required)
            .field("fee_minor", .int64, .required)
            .field("provider", .string, .required)
            .field("status", .string, .required)
            .field("receipt", .string)
            .field("failure", .string)
            .field("idempotency_key", .string, .required)
            .field("created_by", .uuid, .required, .references(Account.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime, .required)
            .field("finished_by", .uuid, .references(Account.schema, .id, onDelete: .restrict))
            .field("finished_at", .datetime)
            .unique(on: "station_id", "idempotency_key")
            .create()
        try await AddLookupIndexes.create(
            [("service_requests_station_idx", ServiceRequest.schema, ["station_id", "created_at"])], on: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ServiceRequest.schema).delete()
    }
}

/// Courses, sessions and attendance with its certificates.
public struct CreateTraining: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(TrainingCourse.schema)
            .id()
            .field("title", .string, .required)
            .field("hours", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "title")
            .create()
        try await database.schema(TrainingSession.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("course_id", .uuid, .required, .references(TrainingCourse.schema, .id, onDelete: .restrict))
            .field("day", .string, .required)
            .field("place", .string, .required)
            .field("trainer", .string, .required)
            .field("created_by", .uuid, .required, .references(Account.schema, .id, onDelete: .restrict))
            .field("idempotency_key", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "station_id", "idempotency_key")
            .create()
        try await database.schema(TrainingAttendance.schema)
            .id()
            .field("session_id", .uuid, .required, .references(TrainingSession.schema, .id, onDelete: .restrict))
            .field("villager_id", .uuid, .references(Villager.schema, .id, onDelete: .restrict))
            .field("account_id", .uuid, .references(Account.schema, .id, onDelete: .restrict))
            .field("name", .string, .required)
            .field("certificate_code", .string, .required)
            .field("recorded_by", .uuid, .required, .references(Account.schema, .id, onDelete: .restrict))
            .field("at", .datetime, .required)
            .unique(on: "certificate_code")
            .unique(on: "session_id", "villager_id")
            .unique(on: "session_id", "account_id")
            .create()
        try await AddLookupIndexes.create(
            [
                ("training_sessions_station_day_idx", TrainingSession.schema, ["station_id", "day"]),
                ("training_sessions_day_idx", TrainingSession.schema, ["day"]),
            ], on: database)
    }

    public func revert(on database: any Database) async throws {
        for schema in [TrainingAttendance.schema, TrainingSession.schema, TrainingCourse.schema] {
            try await database.schema(schema).delete()
        }
    }
}

/// The agents' confirmations of parcels' arrivals, with their shelf places.
public struct CreateCounterArrivals: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(CounterArrival.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("parcel_id", .uuid, .required, .references(Parcel.schema, .id, onDelete: .restrict))
            .field("shelf", .string, .required)
            .field("confirmed_by", .uuid, .required, .references(Account.schema, .id, onDelete: .restrict))
            .field("confirmed_at", .datetime, .required)
            .unique(on: "parcel_id")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(CounterArrival.schema).delete()
    }
}

/// The stations' consignment shops, their consented listings and the consignors' accounts.
public struct CreateConsignments: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(ConsignmentShop.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("shop_id", .uuid, .required, .references(Shop.schema, .id, onDelete: .restrict))
            .field("opened_at", .datetime, .required)
            .unique(on: "station_id")
            .unique(on: "shop_id")
            .create()
        try await database.schema(ConsignmentListing.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("product_id", .uuid, .required, .references(Product.schema, .id, onDelete: .restrict))
            .field("villager_id", .uuid, .required, .references(Villager.schema, .id, onDelete: .restrict))
            .field("agreed_price_minor", .int64, .required)
            .field("consignor_share_bps", .int, .required)
            .field("witness", .string, .required)
            .field("consent_at", .datetime, .required)
            .field("recorded_by", .uuid, .required, .references(Account.schema, .id, onDelete: .restrict))
            .field("idempotency_key", .string, .required)
            .unique(on: "product_id")
            .unique(on: "station_id", "idempotency_key")
            .create()
        try await database.schema(ConsignorLine.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("villager_id", .uuid, .required, .references(Villager.schema, .id, onDelete: .restrict))
            .field("kind", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("base_minor", .int64, .required)
            .field("order_id", .uuid)
            .field("listing_id", .uuid, .references(ConsignmentListing.schema, .id, onDelete: .restrict))
            .field("sale_id", .uuid)
            .field("receipt", .string)
            .field("actor_id", .uuid, .references(Account.schema, .id, onDelete: .restrict))
            .field("idempotency_key", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "station_id", "idempotency_key")
            .create()
        try await database.sql().raw(
            "CREATE INDEX consignor_lines_villager ON consignor_lines (station_id, villager_id, at)"
        ).run()
        try await database.sql().raw("CREATE INDEX consignor_lines_order ON consignor_lines (order_id)").run()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ConsignorLine.schema).delete()
        try await database.schema(ConsignmentListing.schema).delete()
        try await database.schema(ConsignmentShop.schema).delete()
    }
}

/// Goods villagers brought back to the counter, with their refunds and return parcels.
public struct CreateCounterReturns: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(CounterReturn.schema)
            .id()
            .field("station_id", .uuid, .required, .references(NetworkNode.schema, .id, onDelete: .restrict))
            .field("order_id", .uuid, .required, .references(Order.schema, .id, onDelete: .restrict))
            .field("villager_id", .uuid, .references(Villager.schema, .id, onDelete: .restrict))
            .field("refund_id", .uuid, .required, .references(Refund.schema, .id, onDelete: .restrict))
            .field("parcel_id", .uuid, .references(Parcel.schema, .id, onDelete: .restrict))
            .field("taken_by", .uuid, .required, .references(Account.schema, .id, onDelete: .restrict))
            .field("idempotency_key", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "station_id", "idempotency_key")
            .unique(on: "refund_id")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(CounterReturn.schema).delete()
    }
}
