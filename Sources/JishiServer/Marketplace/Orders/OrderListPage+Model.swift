import Foundation
import JishiKit
import Marketplace

/// The buyer's orders, newest first, a page at a time.
enum OrderListPage {
    static let pageSize = 20

    struct Row: Equatable, Sendable {
        var id: UUID
        var createdAt: Date
        var shopName: String
        var totalMinor: Int64
        var status: OrderStatus
    }

    struct Model: Equatable, Sendable {
        var rows: [Row]
        var total: Int
        var offset: Int
        var notice: Notice?
    }
}

extension OrderListPage.Model {
    init(page: JishiKit.Page<Order>, shops: [UUID: Shop]) {
        rows = page.items.compactMap { order in
            order.id.map {
                OrderListPage.Row(
                    id: $0, createdAt: order.createdAt, shopName: shops[order.$shop.id]?.name ?? "",
                    totalMinor: order.totalMinor, status: order.status)
            }
        }
        total = page.total
        offset = page.request.offset
    }
}
