import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// A shop's orders, filtered by status ("to ship" is `paid`), with what each contains and
/// where it goes; orders can be ticked for a packing list and marked shipped or delivered.
enum ShopOrdersPage {
    static let pageSize = 30
    /// The filters offered, in order; `nil` is every order.
    static let filters: [OrderStatus?] = [
        .paid, .shipped, .delivered, .pendingPayment, .completed, .cancelled, .refunded, nil,
    ]

    struct Row: Equatable, Sendable {
        var id: UUID
        var createdAt: Date
        var recipient: String
        var village: HomePage.Name?
        var address: String
        var totalMinor: Int64
        var status: OrderStatus
        var lines: [(title: String, quantity: Int)]
        /// Sent by the producer of its linked products, which ships and delivers it.
        var dropShipped = false

        static func == (lhs: Row, rhs: Row) -> Bool {
            lhs.id == rhs.id && lhs.status == rhs.status && lhs.totalMinor == rhs.totalMinor
        }
    }

    struct Model: Equatable, Sendable {
        var shopID: UUID
        var shopName: String
        var filter: OrderStatus?
        var rows: [Row]
        var total: Int
        var offset: Int
        var notice: Notice?

        /// This list's own address, for the forms to come back to.
        var path: String {
            SitePath.shopOrders.path(shopID) + (filter.map { "?status=\($0.rawValue)" } ?? "")
        }
    }
}

extension ShopOrdersPage.Model {
    static func load(
        _ shopID: UUID, filter: OrderStatus?, offset: Int, principal: Principal, services: JishiServices,
        on database: any Database
    ) async throws -> Self {
        let shop = try await services.shops.requireStaff(of: shopID, principal, on: database)
        let page = try await services.orders.orders(
            ofShop: shopID, status: filter,
            page: JishiKit.PageRequest(limit: ShopOrdersPage.pageSize, offset: offset), by: principal, on: database)
        let ids = page.items.compactMap(\.id)
        let lines = try await services.orders.lines(of: ids, on: database)
        let villages = try await PackingListPage.villageNames(page.items, on: database)
        let dropShipped = Set(
            ids.isEmpty
                ? []
                : try await SupplyOrder.query(on: database).filter(\.$retailOrder.$id ~~ ids).all().compactMap(
                    \.$retailOrder.id))
        return Self(
            shopID: shopID, shopName: shop.name, filter: filter,
            rows: page.items.compactMap { order in
                order.id.map { id in
                    ShopOrdersPage.Row(
                        id: id, createdAt: order.createdAt, recipient: order.deliveryName,
                        village: order.deliveryVillageID.flatMap { villages[$0] }, address: order.deliveryAddress,
                        totalMinor: order.totalMinor, status: order.status,
                        lines: (lines[id] ?? []).map { ($0.description, $0.quantity) },
                        dropShipped: dropShipped.contains(id))
                }
            }, total: page.total, offset: page.request.offset)
    }
}
