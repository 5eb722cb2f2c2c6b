import Community
import FluentKit
import Marketplace
import SQLKit

/// This module's migrations, in the order they must run. Never edit a shipped one; add a new one.
public enum InsightsMigrations {
    public static let all: [any Migration] = [
        CreatePlatformShops(),
        AddShopRegistry(),
        CreateInsightsAlerts(),
        CreateDesignRegistry(),
        AddShopReporters(),
        CreateVillageMonths(),
        KeySalesByShopMonth(),
        ForgetMiscountedListings(),
    ]
}

/// The shops of every platform with their monthly figures, and what the Jishi sync last saw.
public struct CreatePlatformShops: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(PlatformShop.schema)
            .id()
            .field("platform", .string, .required)
            .field("shop_ref", .string, .required)
            .field("kind", .string, .required)
            .field("village_id", .uuid, .required, .references(Village.schema, .id, onDelete: .restrict))
            .field("opened_on", .string, .required)
            .field("closed_on", .string)
            .field("jishi_shop_id", .uuid)
            .field("updated_at", .datetime, .required)
            .unique(on: "platform", "shop_ref")
            .create()
        try await database.schema(PlatformSale.schema)
            .id()
            .field("shop_id", .uuid, .required, .references(PlatformShop.schema, .id, onDelete: .cascade))
            .field("month", .string, .required)
            .field("orders", .int64, .required)
            .field("sales_minor", .int64, .required)
            .unique(on: "shop_id", "month")
            .create()
        try await database.schema(InsightsState.schema)
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
        try await AddLookupIndexes.create(
            [
                ("platform_shops_village_idx", PlatformShop.schema, ["village_id", "opened_on"]),
                ("platform_sales_month_idx", PlatformSale.schema, ["month", "shop_id"]),
            ], on: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(InsightsState.schema).delete()
        try await database.schema(PlatformSale.schema).delete()
        try await database.schema(PlatformShop.schema).delete()
    }
}

/// Shops' main categories, and the registry's monthly snapshots.
public struct AddShopRegistry: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(PlatformShop.schema).field("main_category", .string).update()
        try await database.schema(RegistrySnapshot.schema)
            .id()
            .field("month", .string, .required)
            .field("shops", .int, .required)
            .field("taken_at", .datetime, .required)
            .field("taken_by", .uuid)
            .unique(on: "month")
            .create()
        try await database.schema("registry_snapshot_shops")
            .field("snapshot_id", .uuid, .required, .references(RegistrySnapshot.schema, .id, onDelete: .cascade))
            .field("platform", .string, .required)
            .field("shop_ref", .string, .required)
            .field("kind", .string, .required)
            .field("village_id", .uuid, .required)
            .field("main_category", .string)
            .field("opened_on", .string, .required)
            .field("closed_on", .string)
            .unique(on: "snapshot_id", "platform", "shop_ref")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("registry_snapshot_shops").delete()
        try await database.schema(RegistrySnapshot.schema).delete()
        try await database.schema(PlatformShop.schema).deleteField("main_category").update()
    }
}

/// The design registry's tables.
public struct CreateDesignRegistry: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(DesignFiling.schema)
            .id()
            .field("number", .string, .required)
            .field("shop_id", .uuid, .required, .references(Shop.schema, .id, onDelete: .restrict))
            .field("filed_by", .uuid, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("category_id", .uuid, .required, .references(Marketplace.Category.schema, .id, onDelete: .restrict))
            .field("filed_at", .datetime, .required)
            .field("withdrawn_at", .datetime)
            .unique(on: "number")
            .create()
        try await database.schema(DesignPhoto.schema)
            .id()
            .field("filing_id", .uuid, .required, .references(DesignFiling.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("format", .string, .required)
            .field("byte_count", .int, .required)
            .field("hashes", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(CopyAlert.schema)
            .id()
            .field("filing_id", .uuid, .required, .references(DesignFiling.schema, .id, onDelete: .cascade))
            .field("product_id", .uuid, .required, .references(Product.schema, .id, onDelete: .cascade))
            .field("image_distance", .int)
            .field("text_permille", .int, .required)
            .field("raised_at", .datetime, .required)
            .field("status", .string, .required)
            .field("filer_statement", .string)
            .field("seller_statement", .string)
            .field("decision", .string)
            .field("decision_note", .string)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .field("unlisted_at", .datetime)
            .unique(on: "filing_id", "product_id")
            .create()
        try await database.schema(ListingPhotoHash.schema)
            .field(.id, .uuid, .identifier(auto: false))
            .field("product_id", .uuid, .required)
            .field("hash", .string)
            .create()
        try await database.schema(CheckedListing.schema)
            .field(.id, .uuid, .identifier(auto: false))
            .field("photo_count", .int, .required)
            .field("checked_at", .datetime, .required)
            .create()
        try await database.schema(DesignRegistry.counterTable)
            .field("day", .string, .identifier(auto: false))
            .field("last", .int, .required)
            .create()
        try await AddLookupIndexes.create(
            [
                ("design_filings_shop_idx", DesignFiling.schema, ["shop_id"]),
                ("design_photos_filing_idx", DesignPhoto.schema, ["filing_id"]),
                ("design_listing_hashes_product_idx", ListingPhotoHash.schema, ["product_id"]),
                ("design_copy_alerts_product_idx", CopyAlert.schema, ["product_id"]),
            ], on: database)
    }

    public func revert(on database: any Database) async throws {
        for schema in [
            DesignRegistry.counterTable, CheckedListing.schema, ListingPhotoHash.schema, CopyAlert.schema,
            DesignPhoto.schema, DesignFiling.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}

/// Who reported a shop of another platform themselves (a seller), so that they may change it.
public struct AddShopReporters: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(PlatformShop.schema).field("reported_by", .uuid).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(PlatformShop.schema).deleteField("reported_by").update()
    }
}

/// Each village's figures per month (`VillageMonths`), computed from the shops and sales
/// already in the registry.
public struct CreateVillageMonths: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(VillageMonths.schema)
            .field("village_id", .uuid, .required)
            .field("month", .string, .required)
            .field("opened", .int64, .required)
            .field("closed", .int64, .required)
            .field("active", .int64, .required)
            .field("orders", .int64, .required)
            .field("sales_minor", .int64, .required)
            .unique(on: "village_id", "month")
            .create()
        try await VillageMonths.rebuild(on: database)
        // Months are read by shop now (the ledger's states, a seller's months); the index by
        // month served the reports that read the ledger instead, and slowed every import.
        try await database.sql().raw("DROP INDEX platform_sales_month_idx").run()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(VillageMonths.schema).delete()
        try await AddLookupIndexes.create(
            [("platform_sales_month_idx", PlatformSale.schema, ["month", "shop_id"])], on: database)
    }
}

/// Monthly sales keyed by `(shop_id, month)`, without a random UUID of their own or a foreign
/// key to the shop. A province's month is a million rows in one import, and each row paid for
/// a second index in random order and PostgreSQL's per-row foreign-key check (a third of the
/// write, measured). The key is safe to drop: registry shops are never deleted (a closing is a
/// date), and every writer of sales finds its shops in the same transaction first.
public struct KeySalesByShopMonth: AsyncMigration {
    public init() {}

    static let keyed = "platform_sales_keyed"

    public func prepare(on database: any Database) async throws {
        try await database.schema(Self.keyed)
            .field("shop_id", .uuid, .required)
            .field("month", .string, .required)
            .field("orders", .int64, .required)
            .field("sales_minor", .int64, .required)
            .compositeIdentifier(over: "shop_id", "month")
            .create()
        let sql = try database.sql()
        try await sql.raw(
            """
            INSERT INTO \(unsafeRaw: Self.keyed) (shop_id, month, orders, sales_minor)
            SELECT shop_id, month, orders, sales_minor FROM \(unsafeRaw: PlatformSale.schema)
            """
        ).run()
        try await database.schema(PlatformSale.schema).delete()
        try await sql.raw("ALTER TABLE \(unsafeRaw: Self.keyed) RENAME TO \(unsafeRaw: PlatformSale.schema)").run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                "ALTER INDEX \(unsafeRaw: Self.keyed)_pkey RENAME TO \(unsafeRaw: PlatformSale.schema)_pkey"
            )
            .run()
        }
    }

    public func revert(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.raw("ALTER TABLE \(unsafeRaw: PlatformSale.schema) RENAME TO \(unsafeRaw: Self.keyed)").run()
        try await database.schema(PlatformSale.schema)
            .id()
            .field("shop_id", .uuid, .required, .references(PlatformShop.schema, .id, onDelete: .cascade))
            .field("month", .string, .required)
            .field("orders", .int64, .required)
            .field("sales_minor", .int64, .required)
            .unique(on: "shop_id", "month")
            .create()
        let newID: SQLQueryString = sql.dialect.name == "postgresql" ? "gen_random_uuid()" : "randomblob(16)"
        try await sql.raw(
            """
            INSERT INTO \(unsafeRaw: PlatformSale.schema) (id, shop_id, month, orders, sales_minor)
            SELECT \(newID), shop_id, month, orders, sales_minor FROM \(unsafeRaw: Self.keyed)
            """
        ).run()
        try await database.schema(Self.keyed).delete()
    }
}

/// A scan used to find a listing due again by counting its hashed photos against the count at
/// its comparison, a subquery per listing; now a changed listing's comparison is forgotten when
/// it changes. This forgets, once, the comparisons whose count no longer holds (a photo removed,
/// or hashed after the comparison, before the change), so that those listings are compared again.
public struct ForgetMiscountedListings: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.sql().raw(
            """
            DELETE FROM \(ident: CheckedListing.schema) WHERE photo_count <> (SELECT COUNT(*) FROM \
            \(ident: ListingPhotoHash.schema) h JOIN product_photos pp ON pp.id = h.id \
            WHERE h.product_id = \(ident: CheckedListing.schema).id)
            """
        ).run()
    }

    public func revert(on database: any Database) async throws {}
}
