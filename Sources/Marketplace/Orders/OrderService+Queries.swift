import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

extension OrderService {
    /// The buyer's own orders, newest first.
    public func orders(
        ofBuyer principal: Principal, status: OrderStatus? = nil, page: JishiKit.PageRequest, on database: any Database
    )
        async throws -> JishiKit.Page<Order>
    {
        try await paged(where: "buyer_id", is: principal.accountID, status: status, page, on: database)
    }

    /// A shop's orders, newest first, for its staff (or an admin); `404` for anyone else.
    public func orders(
        ofShop shopID: UUID, status: OrderStatus? = nil, page: JishiKit.PageRequest, by principal: Principal,
        on database: any Database
    ) async throws -> JishiKit.Page<Order> {
        _ = try await ShopService(context: context).requireStaff(of: shopID, principal, on: database)
        return try await paged(where: "shop_id", is: shopID, status: status, page, on: database)
    }

    /// How far a list's total is counted: the last row the deepest page reaches. A county's
    /// biggest shop has millions of orders, and counting them all took seconds.
    public static let countedUpTo = JishiKit.PageRequest.maximumOffset + JishiKit.PageRequest.maximumLimit

    /// One page of the orders whose `column` is `value`, newest first (ties by id): its keys from
    /// the `(column, created_at DESC, id)` index alone, then those orders, in the months they
    /// span; the total counted up to `countedUpTo`.
    private func paged(
        where column: String, is value: UUID, status: OrderStatus?, _ page: JishiKit.PageRequest,
        on database: any Database
    ) async throws -> JishiKit.Page<Order> {
        let sql = try database.sql()
        let matching: SQLQueryString =
            if let status {
                "\(ident: column) = \(bind: value) AND status = \(bind: status.rawValue)"
            } else {
                "\(ident: column) = \(bind: value)"
            }
        let total =
            try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM (SELECT 1 FROM orders WHERE \(matching) LIMIT \(bind: Self.countedUpTo)) counted
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        let keys = try await sql.raw(
            """
            SELECT id, created_at FROM orders WHERE \(matching) ORDER BY created_at DESC, id \
            LIMIT \(bind: page.limit) OFFSET \(bind: page.offset)
            """
        ).all().map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "created_at", as: Date.self)) }
        guard let newest = keys.first?.1, let oldest = keys.last?.1 else {
            return JishiKit.Page(items: [], total: total, request: page)
        }
        let found = try await Order.query(on: database).filter(\.$id ~~ keys.map(\.0))
            .filter(\.$createdAt >= oldest.addingTimeInterval(-1)).filter(\.$createdAt <= newest.addingTimeInterval(1))
            .all()
        let byID = Dictionary(
            found.compactMap { order in order.id.map { ($0, order) } }, uniquingKeysWith: { a, _ in a })
        return JishiKit.Page(items: keys.compactMap { byID[$0.0] }, total: total, request: page)
    }

    /// The order with its lines (in SKU order), history (oldest first) and refunds, under the
    /// same visibility rule as `order(_:for:on:)`.
    public func detail(_ id: UUID, for principal: Principal, on database: any Database) async throws -> OrderDetail {
        let order = try await order(id, for: principal, on: database)
        return try await Self.detail(of: order, on: database)
    }

    /// Lines of many orders at once, keyed by order, for lists and packing slips.
    public func lines(of orderIDs: [UUID], on database: any Database) async throws -> [UUID: [OrderLine]] {
        guard !orderIDs.isEmpty else { return [:] }
        let lines = try await OrderLine.query(on: database).filter(\.$order.$id ~~ orderIDs).sort(\.$sku).all()
        return Dictionary(grouping: lines, by: { $0.$order.id })
    }

    /// The order's lines (in SKU order), history (oldest first, ties by id) and refunds, for
    /// whoever may already see the order: the one way the API and the pages load them.
    public static func detail(of order: Order, on database: any Database) async throws -> OrderDetail {
        let id = try order.requireID()
        guard let shop = try await Shop.find(order.$shop.id, on: database) else {
            throw Problem.notFound("The shop", field: "shopId")
        }
        // The order's time bounds its lines (filed under it) and its events (none before it, give
        // or take a day of servers' clocks), so PostgreSQL reads one month of lines and the
        // months since of events rather than every month's index.
        let lines = try await OrderLine.query(on: database).filter(\.$order.$id == id)
            .filter(\.$orderCreatedAt >= order.createdAt.addingTimeInterval(-1))
            .filter(\.$orderCreatedAt <= order.createdAt.addingTimeInterval(1)).sort(\.$sku).all()
        let events = try await OrderEvent.query(on: database).filter(\.$order.$id == id)
            .filter(\.$at >= order.createdAt.addingTimeInterval(-86_400)).sort(\.$at).sort(\.$id).all()
        let refunds = try await Refund.query(on: database).filter(\.$order.$id == id).sort(\.$requestedAt).all()
        return OrderDetail(order: order, shop: shop, lines: lines, events: events, refunds: refunds)
    }
}
