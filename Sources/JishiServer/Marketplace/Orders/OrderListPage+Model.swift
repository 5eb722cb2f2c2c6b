import Foundation
import JishiKit
import Marketplace

/// The buyer's orders, newest first, a page at a time.
enum OrderListPage {
    static let pageSize = 20

    struct Row: Sendable {
        var id: UUID
        var createdAt: Date
        var shopName: String
        /// What was bought: "明制马面裙 · 红色 L × 2", a line each.
        var lines: [(description: String, quantity: Int)]
        var totalMinor: Int64
        var status: OrderStatus
    }

    struct Model: Sendable {
        var rows: [Row]
        var total: Int
        var offset: Int
        var notice: Notice?
    }
}

extension OrderListPage.Model {
    init(page: JishiKit.Page<Order>, shops: [UUID: Shop], lines: [UUID: [OrderLine]]) {
        rows = page.items.compactMap { order in
            order.id.map {
                OrderListPage.Row(
                    id: $0, createdAt: order.createdAt, shopName: shops[order.$shop.id]?.name ?? "",
                    lines: (lines[$0] ?? []).map { ($0.description, $0.quantity) }, totalMinor: order.totalMinor,
                    status: order.status)
            }
        }
        total = page.total
        offset = page.request.offset
    }
}
