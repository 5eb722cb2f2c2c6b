import Community
import DomainTesting
import FluentKit
import Foundation
import Insights
import JishiKit
import Logistics
import Marketplace
import SQLKit

/// Runs `body` on a fresh database with the tables up to insights (no demo data).
func withInsights<T>(on store: TestStore, _ body: (TestCounty, InsightsContext) async throws -> T) async throws -> T {
    try await withTestCounty(
        on: store,
        migrations: CommunityMigrations.all + MarketplaceMigrations.all + LogisticsMigrations.all
            + InsightsMigrations.all
    ) { county in
        try await body(
            county, InsightsContext(dependencies: county.dependencies, transactions: county.database.transactions))
    }
}

/// Places and shops written straight into the tables, in batches, for the recognition tests.
struct InsightsWorld {
    struct Shop {
        var village: String
        var openedOn: String
        var closedOn: String?
        /// Month (YYYY-MM) → (orders, sales in fen).
        var months: [String: (orders: Int64, sales: Int64)]
    }

    var counties: [(code: String, name: String)] = []
    var towns: [(code: String, county: String, kind: Town.Kind)] = []
    var villages: [(code: String, town: String, kind: Village.Kind, households: Int, location: GeoPoint)] = []
    var shops: [Shop] = []

    mutating func county(_ code: String) { counties.append((code, "县" + code)) }

    mutating func town(_ code: String, kind: Town.Kind = .town) {
        towns.append((code, String(code.prefix(6)), kind))
    }

    mutating func village(
        _ code: String, kind: Village.Kind = .administrative, households: Int,
        at location: GeoPoint = GeoPoint(latitude: 35, longitude: 115)
    ) {
        villages.append((code, String(code.prefix(9)), kind, households, location))
    }

    mutating func shop(
        _ village: String, opened: String, closed: String? = nil, months: [String: (orders: Int64, sales: Int64)]
    ) {
        shops.append(Shop(village: village, openedOn: opened, closedOn: closed, months: months))
    }

    /// Writes everything; returns the villages' ids by code.
    @discardableResult
    func write(on database: any Database) async throws -> [String: UUID] {
        var countyIDs: [String: UUID] = [:]
        for county in counties {
            let row = County(code: county.code, name: county.name, nameEn: "County " + county.code)
            try await row.create(on: database)
            countyIDs[county.code] = try row.requireID()
        }
        var townIDs: [String: UUID] = [:]
        for town in towns {
            let row = Town(
                countyID: countyIDs[town.county]!, code: town.code, kind: town.kind, name: "镇" + town.code,
                nameEn: "Town " + town.code, latitude: 35, longitude: 115)
            try await row.create(on: database)
            townIDs[town.code] = try row.requireID()
        }
        var villageIDs: [String: UUID] = [:]
        for village in villages {
            let row = Village(
                townID: townIDs[village.town]!, code: village.code, kind: village.kind, name: "村" + village.code,
                nameEn: "Village " + village.code, location: village.location,
                householdCount: village.households, specialty: .mixed)
            try await row.create(on: database)
            villageIDs[village.code] = try row.requireID()
        }
        let sql = try database.sql()
        var shopRows: [[any Encodable & Sendable]] = []
        var saleRows: [[any Encodable & Sendable]] = []
        for (index, shop) in shops.enumerated() {
            let id = UUID()
            shopRows.append([
                id, "taobao", "s\(index)", "individual", villageIDs[shop.village]!, shop.openedOn, shop.closedOn,
                Date(),
            ])
            for (month, figure) in shop.months { saleRows.append([id, month, figure.orders, figure.sales]) }
        }
        for start in stride(from: 0, to: shopRows.count, by: 300) {
            var insert = sql.insert(into: PlatformShop.schema)
                .columns("id", "platform", "shop_ref", "kind", "village_id", "opened_on", "closed_on", "updated_at")
            for row in shopRows[start..<min(start + 300, shopRows.count)] {
                insert = insert.values(row.map { SQLBind($0) })
            }
            try await insert.run()
        }
        for start in stride(from: 0, to: saleRows.count, by: 300) {
            var insert = sql.insert(into: PlatformSale.schema).columns(
                "shop_id", "month", "orders", "sales_minor")
            for row in saleRows[start..<min(start + 300, saleRows.count)] {
                insert = insert.values(row.map { SQLBind($0) })
            }
            try await insert.run()
        }
        try await VillageMonths.rebuild(on: database)
        return villageIDs
    }
}
