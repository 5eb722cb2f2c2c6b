import Foundation

extension SitePath {
    static let product = SitePath("/products/:product", page: true)
    static let newProduct = SitePath("/shops/:shop/products/new", page: true)
    static let editProduct = SitePath("/products/:product/edit", page: true)
    static let addVariant = SitePath("/products/:product/variants", page: false)
    static let updateVariant = SitePath("/products/:product/variants/:variant", page: false)
    static let variantStock = SitePath("/products/:product/variants/:variant/stock", page: false)
    static let addPhoto = SitePath("/products/:product/photos", page: false)
    static let removePhoto = SitePath("/products/:product/photos/:photo/delete", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let catalogPaths: [SitePath] = [
        .product, .newProduct, .editProduct, .addVariant, .updateVariant, .variantStock, .addPhoto, .removePhoto,
    ]
}
