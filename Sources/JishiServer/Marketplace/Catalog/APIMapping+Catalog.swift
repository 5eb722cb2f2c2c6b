import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIMapping {
    static func product(
        _ product: Product, _ variants: [Variant], photos: [ProductPhoto]? = nil,
        attributes: [ProductAttribute]? = nil
    ) throws -> Components.Schemas.Product {
        Components.Schemas.Product(
            id: try product.requireID().uuidString, shopId: product.$shop.id.uuidString,
            categoryId: product.$category.id.uuidString, title: product.title, description: product.description,
            originVillageId: product.$originVillage.id?.uuidString, listed: product.listed,
            sourceProductId: product.sourceProductID?.uuidString,
            variants: try variants.map(variant),
            photos: try photos?.map(photo),
            attributes: attributes?.map { .init(name: $0.name, value: $0.value) })
    }

    static func product(_ detail: ProductDetail) throws -> Components.Schemas.Product {
        try product(detail.product, detail.variants, photos: detail.photos, attributes: detail.attributes)
    }

    static func variant(_ variant: Variant) throws -> Components.Schemas.Variant {
        Components.Schemas.Variant(
            id: try variant.requireID().uuidString, sku: variant.sku, name: variant.name,
            priceMinor: variant.priceMinor, currency: .cny, stock: variant.stock)
    }

    /// Where a photo is served: its name never changes, so it is cached for a year.
    static func photoURL(_ photo: ProductPhoto) -> String { PhotoRoutes.path(photo.fileName) }

    static func photo(_ photo: ProductPhoto) throws -> Components.Schemas.Photo {
        Components.Schemas.Photo(
            id: try photo.requireID().uuidString, url: photoURL(photo),
            contentType: photo.format == .jpeg ? .imageJpeg : .imagePng, byteCount: photo.byteCount)
    }

    static func category(_ category: Marketplace.Category) throws -> Components.Schemas.CategoryInfo {
        Components.Schemas.CategoryInfo(
            id: try category.requireID().uuidString, code: category.code, name: category.name,
            nameEn: category.nameEn, commissionBps: category.commissionBasisPoints)
    }
}
