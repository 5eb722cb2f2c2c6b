import Community
import FluentKit
import Foundation
import Persistence
import SQLKit

/// A shop of the county on some platform: one its seller (or the county office) reported from
/// another platform, or one of Jishi's own (platform `jishi`, kept in step with the
/// marketplace by `JishiShopSync`). Every shop belongs to exactly one village.
public final class PlatformShop: Model, @unchecked Sendable {
    public static let schema = "platform_shops"

    @ID(key: .id) public var id: UUID?
    /// `jishi`, or another platform's code (`taobao`, `pinduoduo`, `douyin` …).
    @Field(key: "platform") public var platform: String
    /// The shop's own reference on its platform; for Jishi's shops, the shop's id.
    @Field(key: "shop_ref") public var shopRef: String
    @Field(key: "kind") public var kind: Kind
    @Parent(key: "village_id") public var village: Village
    /// YYYY-MM-DD.
    @Field(key: "opened_on") public var openedOn: String
    /// YYYY-MM-DD, the day it closed; nil while open.
    @OptionalField(key: "closed_on") public var closedOn: String?
    /// The marketplace's shop, for platform `jishi`.
    @OptionalField(key: "jishi_shop_id") public var jishiShopID: UUID?
    /// The category code most of its products are in (Jishi's shops), or as reported.
    @OptionalField(key: "main_category") public var mainCategory: String?
    /// The seller who reported it themselves (`SellerReports`); nil for the office's imports.
    @OptionalField(key: "reported_by") public var reportedBy: UUID?
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(
        id: UUID? = nil, platform: String, shopRef: String, kind: Kind, villageID: UUID, openedOn: String,
        closedOn: String?, jishiShopID: UUID? = nil, updatedAt: Date
    ) {
        self.id = id
        self.platform = platform
        self.shopRef = shopRef
        self.kind = kind
        self.$village.id = villageID
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.jishiShopID = jishiShopID
        self.updatedAt = updatedAt
    }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case individual, enterprise
    }

    /// Jishi's own platform code.
    public static let jishi = "jishi"

    /// A registered shop as an import compares it.
    struct Registered {
        var id: UUID
        var ref: String
        var kind: String
        var village: UUID
        var openedOn: String
        var closedOn: String?
        var mainCategory: String?
    }

    /// The shops of `platform` among `refs`, as they are registered.
    static func registered(_ refs: [String], of platform: String, on sql: any SQLDatabase) async throws -> [Registered]
    {
        var found: [Registered] = []
        for query in lookups(
            "SELECT p.id, p.shop_ref, p.kind, p.village_id, p.opened_on, p.closed_on, p.main_category FROM platform_shops p",
            refs, of: platform, on: sql)
        {
            for (id, ref, kind, village, openedOn, closedOn, mainCategory) in try await FastRows.all(
                query, as: (UUID, String, String, UUID, String, String?, String?).self,
                columns: ["id", "shop_ref", "kind", "village_id", "opened_on", "closed_on", "main_category"], on: sql)
            {
                found.append(
                    Registered(
                        id: id, ref: ref, kind: kind, village: village, openedOn: openedOn, closedOn: closedOn,
                        mainCategory: mainCategory))
            }
        }
        return found
    }

    /// The shops of `platform` among `refs`: id, reference and (`withCounty`) county.
    static func find(_ refs: [String], of platform: String, withCounty: Bool, on sql: any SQLDatabase) async throws
        -> [(id: UUID, ref: String, county: UUID?)]
    {
        var found: [(id: UUID, ref: String, county: UUID?)] = []
        found.reserveCapacity(refs.count)
        if withCounty {
            for query in lookups(
                """
                SELECT p.id, p.shop_ref, t.county_id FROM platform_shops p
                JOIN villages v ON v.id = p.village_id JOIN towns t ON t.id = v.town_id
                """, refs, of: platform, on: sql)
            {
                for (id, ref, county) in try await FastRows.all(
                    query, as: (UUID, String, UUID).self, columns: ["id", "shop_ref", "county_id"], on: sql)
                {
                    found.append((id, ref, county))
                }
            }
        } else {
            for query in lookups("SELECT p.id, p.shop_ref FROM platform_shops p", refs, of: platform, on: sql) {
                for (id, ref) in try await FastRows.all(
                    query, as: (UUID, String).self, columns: ["id", "shop_ref"], on: sql)
                {
                    found.append((id, ref, nil))
                }
            }
        }
        return found
    }

    /// `select` limited to `platform`'s shops among `refs`, as queries to run: read at the
    /// driver's speed (`FastRows`), and in one scan of the platform when the file names many of
    /// its shops (a province's month names a million) rather than through the index a run at a
    /// time.
    private static func lookups(
        _ select: SQLQueryString, _ refs: [String], of platform: String, on sql: any SQLDatabase
    )
        -> [SQLQueryString]
    {
        let scanFrom = 20_000
        let runs: [[String]?] = refs.count >= scanFrom ? [nil] : BulkWrite.chunks(refs, on: sql)
        return runs.map { run in
            var query = select
            query.appendLiteral(" WHERE p.platform = ")
            query.appendInterpolation(bind: platform)
            if let run {
                query.appendLiteral(" AND ")
                query.appendInterpolation(BulkWrite.among("p.shop_ref", run, on: sql))
            }
            return query
        }
    }
}

/// A shop's orders and sales in one calendar month (Beijing time), keyed by the shop and the
/// month. A province holds tens of millions of these, so they are written in bulk
/// (`BulkWrite`) and read with SQL, without a Fluent model's random key of their own.
public struct PlatformSale: Hashable, Sendable {
    public static let schema = "platform_sales"

    public var shopID: UUID
    /// YYYY-MM.
    public var month: String
    public var orders: Int64
    /// Sales in fen: paid and not refunded.
    public var salesMinor: Int64

    public init(shopID: UUID, month: String, orders: Int64, salesMinor: Int64) {
        self.shopID = shopID
        self.month = month
        self.orders = orders
        self.salesMinor = salesMinor
    }

    /// The months of `shops`, each shop's newest first.
    public static func months(of shops: [UUID], on database: any Database) async throws -> [PlatformSale] {
        guard !shops.isEmpty else { return [] }
        let sql = try database.sql()
        var sales: [PlatformSale] = []
        for chunk in BulkWrite.chunks(shops, on: sql) {
            for (shop, month, orders, amount) in try await FastRows.all(
                """
                SELECT shop_id, month, orders, sales_minor FROM \(unsafeRaw: schema)
                WHERE \(BulkWrite.among("shop_id", chunk, on: sql)) ORDER BY shop_id, month DESC
                """, as: (UUID, String, Int64, Int64).self, columns: ["shop_id", "month", "orders", "sales_minor"],
                on: sql)
            {
                sales.append(PlatformSale(shopID: shop, month: month, orders: orders, salesMinor: amount))
            }
        }
        return sales
    }
}
