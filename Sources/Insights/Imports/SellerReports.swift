import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace
import SQLKit

/// A seller's own report of the shops they run on other platforms and of their monthly orders
/// and sales, by form rather than by file: the same rules as the county office's imports
/// (`ShopsImport`, `SalesImport`), upserted by `(platform, shop_ref)` and by the month. A seller
/// sees and changes only the shops they reported; a shop the office (or another seller) put in
/// the registry answers `409`.
public struct SellerReports: Sendable {
    public let context: InsightsContext

    public init(context: InsightsContext) {
        self.context = context
    }

    public struct Report: Sendable {
        public var platform: String
        public var shopRef: String
        public var kind: String
        public var villageCode: String
        public var openedOn: String
        public var closedOn: String?
        public var mainCategory: String?

        public init(
            platform: String, shopRef: String, kind: String, villageCode: String, openedOn: String,
            closedOn: String? = nil, mainCategory: String? = nil
        ) {
            self.platform = platform
            self.shopRef = shopRef
            self.kind = kind
            self.villageCode = villageCode
            self.openedOn = openedOn
            self.closedOn = closedOn
            self.mainCategory = mainCategory
        }
    }

    /// A reported shop with its months, newest first.
    public struct Shop: Sendable {
        public var shop: PlatformShop
        public var villageCode: String
        public var sales: [PlatformSale]
    }

    static func requireSeller(_ principal: Principal) throws {
        guard principal.has(.seller) || principal.has(.admin) else {
            throw Problem.forbidden("Sellers report the shops they run on other platforms.")
        }
    }

    /// The shops `principal` reported, by platform and reference.
    public func shops(by principal: Principal, on database: any Database) async throws -> [Shop] {
        try Self.requireSeller(principal)
        let shops = try await PlatformShop.query(on: database).filter(\.$reportedBy == principal.accountID)
            .with(\.$village).sort(\.$platform).sort(\.$shopRef).all()
        let ids = shops.compactMap(\.id)
        let byShop = Dictionary(grouping: try await PlatformSale.months(of: ids, on: database), by: \.shopID)
        return shops.map { Shop(shop: $0, villageCode: $0.village.code, sales: byShop[$0.id ?? UUID()] ?? []) }
    }

    /// Adds or changes a shop the seller runs on another platform; the changed shop.
    public func report(_ report: Report, by principal: Principal, on database: any Database) async throws -> Shop {
        try Self.requireSeller(principal)
        var problem: Problem?
        func fail(_ field: String, _ message: String) {
            if problem == nil { problem = Problem.validation(Self.field(field), message) }
        }
        let platform = PlatformCodes.platform(report.platform, fail: fail)
        let ref = PlatformCodes.shopRef(report.shopRef, fail: fail)
        let kind = PlatformShop.Kind(rawValue: report.kind.lowercased())
        if kind == nil { fail("kind", "Write individual or enterprise.") }
        if PageDate.day(report.openedOn) == nil { fail("opened_on", "A date such as 2019-04-01.") }
        let closed = report.closedOn.flatMap { $0.isEmpty ? nil : $0 }
        if let closed {
            if PageDate.day(closed) == nil {
                fail("closed_on", "A date such as 2021-10-31, or none while the shop is open.")
            } else if closed < report.openedOn {
                fail("closed_on", "A shop closes on or after the day it opened.")
            }
        }
        let category = report.mainCategory.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        if let category, try await Marketplace.Category.query(on: database).filter(\.$code == category).first() == nil {
            fail("main_category", "No category has the code \"\(category)\".")
        }
        if let problem { throw problem }
        guard let platform, let ref, let kind,
            let village = try await Village.query(on: database).filter(\.$code == report.villageCode).first()
        else { throw Problem.notFound("The village", field: "villageCode") }
        let villageID = try village.requireID()
        let now = context.dependencies.now()
        let owner = principal.accountID
        let id = context.dependencies.uuid()
        let shopID = try await context.transactions.transaction(on: database) { db -> UUID in
            let known = try await PlatformShop.query(on: db).filter(\.$platform == platform)
                .filter(\.$shopRef == ref).first()
            return try await VillageMonths.tracking([known?.id ?? id], on: db) {
                if let shop = known {
                    guard shop.reportedBy == owner else {
                        throw Problem(
                            type: .conflict,
                            detail: "\(platform) \(ref) is in the registry already; ask the county office to change it."
                        )
                    }
                    shop.kind = kind
                    shop.$village.id = villageID
                    shop.openedOn = report.openedOn
                    shop.closedOn = closed
                    shop.mainCategory = category
                    shop.updatedAt = now
                    try await shop.update(on: db)
                    return try shop.requireID()
                }
                let shop = PlatformShop(
                    id: id, platform: platform, shopRef: ref, kind: kind, villageID: villageID,
                    openedOn: report.openedOn, closedOn: closed, updatedAt: now)
                shop.mainCategory = category
                shop.reportedBy = owner
                try await shop.create(on: db)
                return id
            }
        }
        return try await self.shop(shopID, by: principal, on: database)
    }

    /// A month's orders and sales of one of the seller's shops; the month may not be in the
    /// future.
    public func reportSales(
        _ shopID: UUID, month: String, orders: Int64, salesMinor: Int64, by principal: Principal,
        on database: any Database
    ) async throws -> Shop {
        _ = try await shop(shopID, by: principal, on: database)
        guard PlatformCodes.isMonth(month) else { throw Problem.validation("month", "A month such as 2019-06.") }
        guard month <= Months.month(of: context.dependencies.now()) else {
            throw Problem.validation("month", "Sales are reported for months that have begun.")
        }
        guard SalesImport.orderCounts.contains(orders) else {
            throw Problem.validation("orders", "From 0 to \(SalesImport.orderCounts.upperBound) orders.")
        }
        guard SalesImport.salesAmounts.contains(salesMinor) else {
            throw Problem.validation("salesMinor", "From 0 to \(SalesImport.salesAmounts.upperBound) fen.")
        }
        try await context.transactions.transaction(on: database) { db in
            try await PlatformFigures.writeSales(
                [PlatformFigures.SaleRow(shop: shopID, month: month, orders: orders, sales: salesMinor)],
                on: try db.sql())
        }
        return try await shop(shopID, by: principal, on: database)
    }

    /// One of the seller's shops; a `404` for any other.
    public func shop(_ id: UUID, by principal: Principal, on database: any Database) async throws -> Shop {
        try Self.requireSeller(principal)
        guard let shop = try await PlatformShop.query(on: database).filter(\.$id == id).with(\.$village).first(),
            shop.reportedBy == principal.accountID
        else { throw Problem.notFound("The shop", field: "shopId") }
        return Shop(
            shop: shop, villageCode: shop.village.code, sales: try await PlatformSale.months(of: [id], on: database))
    }

    /// The API's name of an import column.
    static func field(_ column: String) -> String {
        switch column {
        case "shop_ref": "shopRef"
        case "opened_on": "openedOn"
        case "closed_on": "closedOn"
        case "main_category": "mainCategory"
        default: column
        }
    }
}
