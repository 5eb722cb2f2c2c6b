import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// A product's page: photos, attributes, variants with price and stock, and the form that
/// puts a variant in the cart or buys it at once.
enum ProductPage {
    /// Reviews shown a page at a time.
    static let reviewPageSize = 10

    enum Field: String, CaseIterable, Sendable {
        case variant, quantity
    }

    struct VariantRow: Equatable, Sendable {
        var id: UUID
        /// The variant's `label`.
        var label: String
        var priceMinor: Int64
        var stock: Int
    }

    struct Model: Sendable {
        var productID: UUID
        var title: String
        var description: String
        var listed: Bool
        var shopID: UUID
        var shopName: String
        var shopIsOpen: Bool
        var village: HomePage.Name?
        var categoryName: String
        var attributes: [(name: String, value: String)]
        var photos: [ProductPhoto]
        var variants: [VariantRow]
        /// Whether the viewer works for the shop (and may edit the product).
        var isStaff = false
        /// What was chosen, kept when the form comes back.
        var chosenVariant: UUID?
        var quantity = "1"
        var errors: [Field: FormMessage] = [:]
        var failure: FormMessage?
        var notice: Notice?
        /// The product's rating and one page of its visible reviews, newest first.
        var rating = RatingSummary()
        var reviews: [ReviewRow] = []
        var reviewTotal = 0
        var reviewOffset = 0
        var shopRating = RatingSummary()

        var canBeBought: Bool { listed && shopIsOpen && variants.contains { $0.stock > 0 } }
    }
}

extension ProductPage.Model {
    static func load(
        _ id: UUID, viewer: Principal?, language: JishiKit.Language, reviewOffset: Int = 0, services: JishiServices,
        on database: any Database
    ) async throws -> Self {
        let detail = try await services.catalog.detail(id, viewer: viewer, on: database)
        let product = detail.product
        let category = try await Marketplace.Category.find(product.$category.id, on: database)
        var village: HomePage.Name?
        if let villageID = product.$originVillage.id, let found = try await Village.find(villageID, on: database) {
            village = HomePage.Name(zhHans: found.name, en: found.nameEn)
        }
        var isStaff = false
        if let viewer {
            isStaff = try await ShopStaff.exists(accountID: viewer.accountID, shopID: product.$shop.id, on: database)
        }
        let variants = detail.variants.compactMap { variant in
            variant.id.map {
                ProductPage.VariantRow(
                    id: $0, label: variant.label, priceMinor: variant.priceMinor, stock: variant.stock)
            }
        }
        let reviews = services.reviews
        let page = try await reviews.reviews(
            ofProduct: id, page: JishiKit.PageRequest(limit: ProductPage.reviewPageSize, offset: reviewOffset),
            on: database)
        return Self(
            productID: id, title: product.title, description: product.description, listed: product.listed,
            shopID: product.$shop.id, shopName: product.shop.name, shopIsOpen: product.shop.status == .active,
            village: village, categoryName: category?.name(language) ?? "",
            attributes: detail.attributes.map { ($0.name, $0.value) }, photos: detail.photos, variants: variants,
            isStaff: isStaff, chosenVariant: variants.first { $0.stock > 0 }?.id,
            rating: try await reviews.rating(productID: id, on: database),
            reviews: try await ReviewRow.rows(page.items, on: database), reviewTotal: page.total,
            reviewOffset: page.request.offset,
            shopRating: try await reviews.rating(shopID: product.$shop.id, on: database))
    }
}
