import Community
import FluentKit
import Foundation

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
}

/// A shop's orders and sales in one calendar month (Beijing time).
public final class PlatformSale: Model, @unchecked Sendable {
    public static let schema = "platform_sales"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "shop_id") public var shop: PlatformShop
    /// YYYY-MM.
    @Field(key: "month") public var month: String
    @Field(key: "orders") public var orders: Int64
    /// Sales in fen: paid and not refunded.
    @Field(key: "sales_minor") public var salesMinor: Int64

    public init() {}

    public init(id: UUID? = nil, shopID: UUID, month: String, orders: Int64, salesMinor: Int64) {
        self.id = id
        self.$shop.id = shopID
        self.month = month
        self.orders = orders
        self.salesMinor = salesMinor
    }
}
