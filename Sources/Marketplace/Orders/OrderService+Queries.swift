import Community
import FluentKit
import Foundation
import JishiKit

extension OrderService {
    /// The buyer's own orders, newest first.
    public func orders(
        ofBuyer principal: Principal, status: OrderStatus? = nil, page: JishiKit.PageRequest, on database: any Database
    )
        async throws -> JishiKit.Page<Order>
    {
        var query = Order.query(on: database).filter(\.$buyer.$id == principal.accountID)
        if let status { query = query.filter(\.$status == status) }
        return try await paged(query, page)
    }

    /// A shop's orders, newest first, for its staff (or an admin); `404` for anyone else.
    public func orders(
        ofShop shopID: UUID, status: OrderStatus? = nil, page: JishiKit.PageRequest, by principal: Principal,
        on database: any Database
    ) async throws -> JishiKit.Page<Order> {
        _ = try await ShopService(context: context).requireStaff(of: shopID, principal, on: database)
        var query = Order.query(on: database).filter(\.$shop.$id == shopID)
        if let status { query = query.filter(\.$status == status) }
        return try await paged(query, page)
    }

    private func paged(_ query: QueryBuilder<Order>, _ page: JishiKit.PageRequest) async throws -> JishiKit.Page<Order>
    {
        let total = try await query.copy().count()
        let items = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(page.rows).all()
        return JishiKit.Page(items: items, total: total, request: page)
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
        let lines = try await OrderLine.query(on: database).filter(\.$order.$id == id).sort(\.$sku).all()
        let events = try await OrderEvent.query(on: database).filter(\.$order.$id == id).sort(\.$at).sort(\.$id)
            .all()
        let refunds = try await Refund.query(on: database).filter(\.$order.$id == id).sort(\.$requestedAt).all()
        return OrderDetail(order: order, shop: shop, lines: lines, events: events, refunds: refunds)
    }
}
