import FluentKit
import Foundation
import JishiKit
import Marketplace

/// The cart: its lines grouped by shop (each shop becomes one order), with totals.
enum CartPage {
    struct Line: Equatable, Sendable {
        var variantID: UUID
        var productID: UUID
        var title: String
        var variantName: String
        var priceMinor: Int64
        var quantity: Int
        var stock: Int
        var isForSale: Bool

        var totalMinor: Int64 { priceMinor * Int64(quantity) }
    }

    struct ShopGroup: Equatable, Sendable {
        var shopName: String
        var lines: [Line]

        var totalMinor: Int64 { lines.reduce(0) { $0 + $1.totalMinor } }
    }

    struct Model: Equatable, Sendable {
        var groups: [ShopGroup] = []
        /// A message about one line, by variant (a quantity that could not be used).
        var lineErrors: [UUID: FormMessage] = [:]
        var notice: Notice?

        var totalMinor: Int64 { groups.reduce(0) { $0 + $1.totalMinor } }
        var isEmpty: Bool { groups.isEmpty }
        /// Checkout is possible when every line can be bought.
        var canCheckOut: Bool { !isEmpty && groups.allSatisfy { $0.lines.allSatisfy(\.isForSale) } }
    }
}

extension CartPage.Model {
    static func load(_ lines: [CartLine]) -> Self {
        var order: [UUID] = []
        var byShop: [UUID: CartPage.ShopGroup] = [:]
        for line in lines {
            guard let shopID = line.shop.id, let variantID = line.variant.id, let productID = line.product.id else {
                continue
            }
            if byShop[shopID] == nil {
                order.append(shopID)
                byShop[shopID] = CartPage.ShopGroup(shopName: line.shop.name, lines: [])
            }
            byShop[shopID]?.lines.append(
                CartPage.Line(
                    variantID: variantID, productID: productID, title: line.product.title,
                    variantName: line.variant.label,
                    priceMinor: line.variant.priceMinor, quantity: line.item.quantity, stock: line.variant.stock,
                    isForSale: line.isForSale))
        }
        return Self(groups: order.compactMap { byShop[$0] })
    }
}
