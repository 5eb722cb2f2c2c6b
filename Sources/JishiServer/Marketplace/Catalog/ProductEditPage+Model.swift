import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// A product as its shop edits it: text and listing, each variant's name, price and stock
/// (with the count the page was drawn from, so a sale meanwhile is not silently undone), a new
/// variant, and photos.
enum ProductEditPage {
    /// The parts of the page, each its own form.
    enum Section: Hashable, Sendable {
        case product, newVariant, photos
        case variant(UUID)
    }

    struct VariantRow: Equatable, Sendable {
        var id: UUID
        var sku: String
        var name: String
        var price: String
        /// What the stock field shows.
        var stock: String
        /// The stock as it was read when the page was drawn (the form's `expected`).
        var storedStock: Int
    }

    struct Model: Equatable, Sendable {
        var productID: UUID
        var shopID: UUID
        var shopName: String
        var categories: [NewProductPage.CategoryChoice]
        var text: ProductText
        var listed: Bool
        var variants: [VariantRow]
        var newVariant = VariantInput()
        var photos: [PhotoRow]
        var maxPhotoKiB: Int
        var errors: [String: FormMessage] = [:]
        var alerts: [Section: FormMessage] = [:]
        var notice: Notice?
    }

    struct PhotoRow: Equatable, Sendable {
        var id: UUID
        var url: String
    }
}

extension ProductEditPage.Model {
    static func load(
        _ id: UUID, principal: Principal, language: JishiKit.Language, services: JishiServices,
        on database: any Database
    ) async throws -> Self {
        let detail = try await services.catalog.detail(id, viewer: principal, on: database)
        let shop = try await services.shops.requireStaff(of: detail.product.$shop.id, principal, on: database)
        let categories = try await services.catalog.categories(on: database).compactMap { category in
            category.id.map { NewProductPage.CategoryChoice(id: $0, name: category.name(language)) }
        }
        let product = detail.product
        return Self(
            productID: id, shopID: product.$shop.id, shopName: shop.name, categories: categories,
            text: ProductText(
                title: product.title, description: product.description, categoryID: product.$category.id,
                attributes: detail.attributes.map { ProductText.Attribute(name: $0.name, value: $0.value) }),
            listed: product.listed,
            variants: detail.variants.compactMap { variant in
                variant.id.map {
                    ProductEditPage.VariantRow(
                        id: $0, sku: variant.sku, name: variant.name, price: FormInput.yuanText(variant.priceMinor),
                        stock: String(variant.stock), storedStock: variant.stock)
                }
            },
            photos: detail.photos.compactMap { photo in
                photo.id.map { ProductEditPage.PhotoRow(id: $0, url: Widgets.photoURL(photo)) }
            },
            maxPhotoKiB: services.photos.maximumBytes / 1024)
    }

    var attributeRows: Int { text.attributes.count + ProductText.spareAttributeRows }
}
