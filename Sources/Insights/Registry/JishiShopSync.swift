import Community
import FluentKit
import Foundation
import Logistics
import Marketplace
import SQLKit

/// A value the insights module keeps between runs, by key.
final class InsightsState: Model, @unchecked Sendable {
    static let schema = "insights_state"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}

    init(key: String, value: String) {
        self.id = key
        self.value = value
    }
}

/// Keeps Jishi's own shops in the registry as platform `jishi`: each marketplace shop with its
/// village, kind, main category (the one most of its products are in), opening day (its
/// creation, Beijing time) and closing day (when it was closed),
/// and its orders and sales per month — the orders paid (pending and cancelled ones are not
/// sales), less what was refunded; an order refunded whole is not counted.
///
/// It rewrites the figures whole (and the village ledger's part of them, `VillageMonths`) when
/// the marketplace has changed since it last ran (a count and the latest times of shops, their
/// events, orders and refunds), so reading a report on an unchanged marketplace writes nothing.
public struct JishiShopSync: Sendable {
    public let context: InsightsContext

    public init(context: InsightsContext) {
        self.context = context
    }

    static let stateKey = "jishi_sync"

    /// Brings the `jishi` shops and their months up to date; returns whether anything was written.
    @discardableResult
    public func refresh(on database: any Database) async throws -> Bool {
        let database = context.syncDatabase ?? database
        let mark = try await fingerprint(on: database)
        if try await InsightsState.find(Self.stateKey, on: database)?.value == mark { return false }
        let shops = try await Shop.query(on: database).all()
        var closedAt: [UUID: Date] = [:]
        for event in try await ShopEvent.query(on: database).filter(\.$change ~~ "→ closed").all()
        where closedAt[event.$shop.id].map({ $0 < event.at }) ?? true {
            closedAt[event.$shop.id] = event.at
        }
        let sql = try database.sql()
        struct OrderRow: Decodable {
            var shop_id: UUID
            var created_at: Date
            var total_minor: Int64
            var refunded: Int64?
        }
        let sold = ["paid", "shipped", "delivered", "completed"].map { "'\($0)'" }.joined(separator: ",")
        let orders = try await sql.raw(
            """
            SELECT o.shop_id, o.created_at, o.total_minor,
              (SELECT SUM(r.amount_minor) FROM refunds r WHERE r.order_id = o.id AND r.status = 'refunded') AS refunded
            FROM orders o WHERE o.status IN (\(unsafeRaw: sold))
            """
        ).all(decoding: OrderRow.self)
        struct Month: Hashable {
            var shop: UUID
            var month: String
        }
        var months: [Month: (orders: Int64, sales: Int64)] = [:]
        for order in orders {
            let key = Month(shop: order.shop_id, month: Months.month(of: order.created_at))
            let sales = max(0, order.total_minor - (order.refunded ?? 0))
            months[key, default: (0, 0)].orders += 1
            months[key, default: (0, 0)].sales += sales
        }
        // A shop's main category: the one most of its products are in (the first code on a tie).
        struct CategoryCount: Decodable {
            var shop_id: UUID
            var code: String
            var n: Int64
        }
        var categories: [UUID: (code: String, n: Int64)] = [:]
        for row in try await sql.raw(
            """
            SELECT p.shop_id, c.code, COUNT(*) AS n FROM products p JOIN categories c ON c.id = p.category_id
            GROUP BY p.shop_id, c.code
            """
        ).all(decoding: CategoryCount.self) {
            if let best = categories[row.shop_id], (best.n, row.code) > (row.n, best.code) { continue }
            categories[row.shop_id] = (row.code, row.n)
        }
        let mainCategories = categories.mapValues(\.code)
        let now = context.dependencies.now()
        let dependencies = context.dependencies
        let figures = months
        let closings = closedAt
        return try await context.transactions.transaction(on: database) { db in
            // One sync at a time: the state row is locked (a write to it), and a sync that waited
            // for another finds the work done.
            let sql = try db.sql()
            try await sql.raw(
                """
                INSERT INTO insights_state (key, value) VALUES (\(bind: Self.stateKey), '')
                ON CONFLICT (key) DO NOTHING
                """
            ).run()
            try await sql.raw("UPDATE insights_state SET value = value WHERE key = \(bind: Self.stateKey)").run()
            if try await InsightsState.find(Self.stateKey, on: db)?.value == mark { return false }
            let existing = try await PlatformShop.query(on: db).filter(\.$platform == PlatformShop.jishi).all()
            let before = try await VillageMonths.states(of: existing.compactMap(\.id), on: sql)
            var byShop: [UUID: PlatformShop] = [:]
            for row in existing { if let id = row.jishiShopID { byShop[id] = row } }
            var rowIDs: [UUID: UUID] = [:]
            for shop in shops {
                guard let shopID = shop.id else { continue }
                let opened = PageDate.string(shop.createdAt ?? now)
                let closed = shop.status == .closed ? closings[shopID].map(PageDate.string) ?? opened : nil
                let kind: PlatformShop.Kind = shop.kind == .enterprise ? .enterprise : .individual
                let category = mainCategories[shopID]
                if let row = byShop[shopID] {
                    if row.kind != kind || row.$village.id != shop.$village.id || row.openedOn != opened
                        || row.closedOn != closed || row.mainCategory != category
                    {
                        row.kind = kind
                        row.$village.id = shop.$village.id
                        row.openedOn = opened
                        row.closedOn = closed
                        row.mainCategory = category
                        row.updatedAt = now
                        try await row.update(on: db)
                    }
                    rowIDs[shopID] = try row.requireID()
                } else {
                    let row = PlatformShop(
                        id: dependencies.uuid(), platform: PlatformShop.jishi, shopRef: shopID.uuidString.lowercased(),
                        kind: kind, villageID: shop.$village.id, openedOn: opened, closedOn: closed,
                        jishiShopID: shopID, updatedAt: now)
                    row.mainCategory = category
                    try await row.create(on: db)
                    rowIDs[shopID] = try row.requireID()
                }
            }
            try await sql.raw(
                """
                DELETE FROM platform_sales WHERE shop_id IN
                  (SELECT id FROM platform_shops WHERE platform = \(bind: PlatformShop.jishi))
                """
            ).run()
            let rows: [PlatformFigures.SaleRow] = figures.compactMap { key, value in
                guard let shop = rowIDs[key.shop] else { return nil }
                return PlatformFigures.SaleRow(
                    shop: shop, month: key.month, orders: value.orders, sales: value.sales)
            }
            try await PlatformFigures.insertSales(rows, on: sql)
            var ledger = VillageMonths.Ledger()
            for state in before.values { ledger.add(state, sign: -1) }
            let ids = Set(existing.compactMap(\.id)).union(rowIDs.values)
            for state in try await VillageMonths.states(of: Array(ids), on: sql).values { ledger.add(state, sign: 1) }
            try await ledger.write(on: sql)
            try await sql.raw("UPDATE insights_state SET value = \(bind: mark) WHERE key = \(bind: Self.stateKey)")
                .run()
            return true
        }
    }

    /// What changes when the marketplace's shops or sales change.
    func fingerprint(on database: any Database) async throws -> String {
        struct Mark: Decodable {
            var n: Int64?
            var at: Date?
        }
        let sql = try database.sql()
        var parts: [String] = []
        for query in [
            "SELECT COUNT(*) AS n, MAX(created_at) AS at FROM shops",
            "SELECT COUNT(*) AS n, MAX(created_at) AS at FROM products",
            "SELECT COUNT(*) AS n, MAX(at) AS at FROM shop_events",
            "SELECT COUNT(*) AS n, MAX(updated_at) AS at FROM orders",
            "SELECT COUNT(*) AS n, MAX(refunded_at) AS at FROM refunds WHERE status = 'refunded'",
        ] {
            let mark = try await sql.raw(SQLQueryString(query)).first(decoding: Mark.self)
            parts.append("\(mark?.n ?? 0)@\(mark?.at?.timeIntervalSince1970 ?? 0)")
        }
        return parts.joined(separator: ";")
    }
}
