import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// A shop's dashboard for its staff: its state, how many orders wait to be shipped, its
/// products with their variants' prices and stock, and the way to everything else.
enum ShopPage {
    static let productLimit = 100

    struct ProductRow: Equatable, Sendable {
        var id: UUID
        var title: String
        var listed: Bool
        var variants: [VariantRow]
    }

    struct VariantRow: Equatable, Sendable {
        var label: String
        var priceMinor: Int64
        var stock: Int
    }

    struct Model: Equatable, Sendable {
        var shopID: UUID
        var name: String
        var status: Shop.Status
        var kind: Shop.Kind
        var brandName: String?
        var village: HomePage.Name?
        var toShip: Int
        var products: [ProductRow]
        var productTotal: Int
        /// The last twelve months' rating and refund rate (see `ReviewService.quality`).
        var rating = RatingSummary()
        var paidOrders = 0
        var refundedOrders = 0
        /// Messages from buyers not yet read, over all the shop's conversations.
        var unreadMessages = 0
        var notice: Notice?
        /// An admin who is not the shop's staff, here through the admin view (`AdminView`):
        /// the dashboard read-only under a banner.
        var adminView = false

        var refundRate: Double? { paidOrders == 0 ? nil : Double(refundedOrders) / Double(paidOrders) }
    }
}

extension ShopPage.Model {
    static func load(_ shopID: UUID, principal: Principal, services: JishiServices, on database: any Database)
        async throws -> Self
    {
        let shop = try await services.shops.requireStaff(of: shopID, principal, on: database)
        let village = try await Village.find(shop.$village.id, on: database)
        let toShip = try await services.orders.orders(
            ofShop: shopID, status: .paid, page: JishiKit.PageRequest(limit: 1), by: principal, on: database
        ).total
        let products = try await services.catalog.products(
            ofShop: shopID, page: JishiKit.PageRequest(limit: ShopPage.productLimit), by: principal,
            shops: services.shops, on: database)
        let quality = try await services.reviews.quality(shopID: shopID, on: database)
        let conversations = try await services.chat.conversations(ofShop: shopID, by: principal, on: database)
        return Self(
            shopID: shopID, name: shop.name, status: shop.status, kind: shop.kind, brandName: shop.brandName,
            village: village.map { HomePage.Name(zhHans: $0.name, en: $0.nameEn) }, toShip: toShip,
            products: products.items.compactMap { product, variants in
                product.id.map {
                    ShopPage.ProductRow(
                        id: $0, title: product.title, listed: product.listed,
                        variants: variants.map {
                            ShopPage.VariantRow(
                                label: $0.label, priceMinor: $0.priceMinor, stock: $0.stock)
                        })
                }
            }, productTotal: products.total, rating: quality.rating, paidOrders: quality.paidOrders,
            refundedOrders: quality.refundedOrders, unreadMessages: conversations.reduce(0) { $0 + $1.unread })
    }
}
