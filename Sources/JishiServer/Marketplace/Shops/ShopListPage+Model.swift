import Foundation
import JishiKit
import Marketplace

/// The shops the seller works for, and the way to open another.
enum ShopListPage {
    struct Row: Equatable, Sendable {
        var id: UUID
        var name: String
        var status: Shop.Status
        var kind: Shop.Kind
        var isOwner: Bool
    }

    struct Model: Equatable, Sendable {
        var rows: [Row]
    }
}

extension ShopListPage.Model {
    init(_ shops: [StaffedShop]) {
        rows = shops.compactMap { entry in
            entry.shop.id.map {
                ShopListPage.Row(
                    id: $0, name: entry.shop.name, status: entry.shop.status, kind: entry.shop.kind,
                    isOwner: entry.role == .owner)
            }
        }
    }
}
