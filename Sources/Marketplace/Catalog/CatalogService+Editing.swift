import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

extension CatalogService {
    /// What a seller may change about a product; `nil` leaves a field as it is.
    public struct ProductChanges: Sendable {
        public var title: String?
        public var description: String?
        public var categoryID: UUID?
        public var listed: Bool?
        public var attributes: [Attribute]?

        public init(
            title: String? = nil, description: String? = nil, categoryID: UUID? = nil, listed: Bool? = nil,
            attributes: [Attribute]? = nil
        ) {
            self.title = title
            self.description = description
            self.categoryID = categoryID
            self.listed = listed
            self.attributes = attributes
        }
    }

    /// The product with variants, photos and attributes, under the visibility rule of
    /// `product(_:viewer:on:)`.
    public func detail(_ id: UUID, viewer: Principal?, on database: any Database) async throws -> ProductDetail {
        let (product, variants) = try await product(id, viewer: viewer, on: database)
        // A linked product without photos of its own shows the producer's.
        var photos = try await ProductPhoto.query(on: database).filter(\.$product.$id == id).sort(\.$position)
            .sort(\.$createdAt).all()
        if photos.isEmpty, let sourceID = product.sourceProductID {
            photos = try await ProductPhoto.query(on: database).filter(\.$product.$id == sourceID).sort(\.$position)
                .sort(\.$createdAt).all()
        }
        let attributes = try await ProductAttribute.query(on: database).filter(\.$product.$id == id)
            .sort(\.$position).all()
        return ProductDetail(product: product, variants: variants, photos: photos, attributes: attributes)
    }

    /// A shop's products as its staff see them, listed or not, newest first, with variants.
    public func products(
        ofShop shopID: UUID, page: JishiKit.PageRequest, by principal: Principal, shops: ShopService,
        on database: any Database
    ) async throws -> JishiKit.Page<(Product, [Variant])> {
        _ = try await shops.requireStaff(of: shopID, principal, on: database)
        let query = Product.query(on: database).filter(\.$shop.$id == shopID)
        let total = try await query.copy().count()
        let products = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(page.rows).all()
        let ids = try products.map { try $0.requireID() }
        let variants =
            ids.isEmpty
            ? [] : try await Variant.query(on: database).filter(\.$product.$id ~~ ids).sort(\.$sku).all()
        try await SourcingService.showSourceStock(of: variants, on: database)
        let byProduct = Dictionary(grouping: variants, by: { $0.$product.id })
        return JishiKit.Page(
            items: try products.map { ($0, byProduct[try $0.requireID()] ?? []) }, total: total, request: page)
    }

    /// Changes a product (shop staff): text and category are re-indexed for search in the
    /// same transaction; unlisting takes it out of search and off sale at once.
    public func update(
        _ productID: UUID, _ changes: ProductChanges, by principal: Principal, shops: ShopService,
        on database: any Database
    ) async throws -> ProductDetail {
        let product = try await staffProduct(productID, principal, shops: shops, on: database)
        if let title = changes.title {
            product.title = try requireText(title, field: "title", length: FieldLimits.productTitle)
        }
        if let description = changes.description {
            product.description = try requireText(
                description, field: "description", length: FieldLimits.productDescription, multiline: true)
        }
        if let categoryID = changes.categoryID {
            guard try await Category.find(categoryID, on: database) != nil else {
                throw Problem.notFound("The category", field: "categoryId")
            }
            product.$category.id = categoryID
        }
        if let listed = changes.listed {
            if listed, !product.listed, let reason = product.heldReason {
                throw Problem(type: .conflict, detail: "The county office took this product off sale: \(reason)")
            }
            product.listed = listed
        }
        let attributes = try changes.attributes.map { try validated($0, productID: productID) }
        try await context.transactions.transaction(on: database) { db in
            try await product.save(on: db)
            if let attributes {
                try await ProductAttribute.query(on: db).filter(\.$product.$id == productID).delete()
                try await attributes.create(on: db)
            }
            try await SearchIndex.reindex(productID: productID, on: db)
            try await context.listingObserver?.listingChanged(productID, on: db)
        }
        return try await detail(productID, viewer: principal, on: database)
    }

    /// Adds a variant to a product (shop staff); its SKU must be new to the product.
    public func addVariant(
        _ new: NewVariant, to productID: UUID, by principal: Principal, shops: ShopService, on database: any Database
    ) async throws -> Variant {
        let product = try await staffProduct(productID, principal, shops: shops, on: database)
        guard product.sourceProductID == nil else {
            throw Problem(
                type: .conflict, detail: "A linked product's variants are the producer's; link it again to change them."
            )
        }
        let existing = try await Variant.query(on: database).filter(\.$product.$id == productID).all()
        let numbered = Self.numbered([new], taken: Set(existing.map(\.sku)))[0]
        let variant = try validated(numbered, field: "variant", productID: productID)
        let count = existing.count
        guard count < 50 else { throw Problem.validation("variant", "A product has at most 50 variants.") }
        do {
            try await context.transactions.transaction(on: database) { db in
                try await variant.create(on: db)
                // A first variant makes the product findable; any may lower its price.
                try await SearchIndex.reindex(productID: productID, on: db)
            }
        } catch let error where (error as? any DatabaseError)?.isConstraintFailure == true {
            throw Problem(type: .conflict, detail: "The product already has this SKU.", field: "sku")
        }
        return variant
    }

    /// Changes a variant's name or price (shop staff). Orders already placed keep the price
    /// they were placed at.
    public func updateVariant(
        _ variantID: UUID, name: String?, price: Money?, by principal: Principal, shops: ShopService,
        on database: any Database
    ) async throws -> Variant {
        let variant = try await staffVariant(variantID, principal, shops: shops, on: database)
        if let name { variant.name = try requireText(name, field: "name", length: FieldLimits.variantName) }
        if let price {
            guard price.currency == .cny else { throw Problem.validation("currency", "Only CNY.") }
            guard (1...Self.maximumPriceMinor).contains(price.minorUnits) else {
                throw Problem.validation("priceMinor", "A price from 1 to \(Self.maximumPriceMinor) fen.")
            }
            try await SourcingService(context: context).checkRetailPrice(price.minorUnits, of: variant, on: database)
            variant.priceMinor = price.minorUnits
        }
        let productID = variant.$product.id
        try await context.transactions.transaction(on: database) { db in
            try await variant.save(on: db)
            if price != nil { try await SearchIndex.reindex(productID: productID, on: db) }
        }
        return variant
    }

    /// Sets a variant's stock to what is on the shelf (shop staff). With `expected`, the
    /// change only happens if the stock is still `expected` — so a count taken before a sale
    /// cannot silently undo that sale; a `409` says to count again.
    public func setStock(
        _ variantID: UUID, to stock: Int, expected: Int?, by principal: Principal, shops: ShopService,
        on database: any Database
    ) async throws -> Variant {
        let variant = try await staffVariant(variantID, principal, shops: shops, on: database)
        guard variant.sourceVariantID == nil else {
            throw Problem(type: .conflict, detail: "A linked variant's stock is the producer's.", field: "variantId")
        }
        guard (0...Self.maximumStock).contains(stock) else {
            throw Problem.validation("stock", "Stock from 0 to \(Self.maximumStock).")
        }
        try await context.transactions.transaction(on: database) { db in
            var update = try db.sql().update(Variant.schema).set(SQLIdentifier("stock"), to: SQLBind(stock))
                .where(SQLIdentifier("id"), .equal, SQLBind(variantID))
            if let expected { update = update.where(SQLIdentifier("stock"), .equal, SQLBind(expected)) }
            let rows = try await update.returning(SQLIdentifier("id")).all()
            guard !rows.isEmpty else {
                throw Problem(
                    type: .conflict, detail: "The stock changed since it was read (a sale?); read it again.",
                    field: "expectedStock")
            }
        }
        guard let variant = try await Variant.find(variantID, on: database) else {
            throw Problem.notFound("The variant", field: "variantId")
        }
        return variant
    }

    public static let maximumPhotos = 9

    /// Stores a JPEG or PNG photo for a product (shop staff). The bytes must be what
    /// `declaredType` says and at most the store's limit; the file is written before the row,
    /// and removed again if the row cannot be written.
    public func addPhoto(
        _ bytes: Data, declaredType: String?, to productID: UUID, by principal: Principal, shops: ShopService,
        store: PhotoStore, on database: any Database
    ) async throws -> ProductPhoto {
        _ = try await staffProduct(productID, principal, shops: shops, on: database)
        let declared = try PhotoCheck.format(of: bytes, declaredType: declaredType, limit: store.maximumBytes)
        let photo = ProductPhoto(
            id: context.dependencies.uuid(), productID: productID, position: 0, format: declared,
            byteCount: bytes.count, at: context.dependencies.now())
        try await store.save(
            bytes, as: photo.fileName, thenCreate: photo, transactions: context.transactions, on: database
        ) { db in
            photo.position = try await PhotoStore.count(
                ProductPhoto.query(on: db).filter(\.$product.$id == productID), of: productID, in: Product.schema,
                limit: Self.maximumPhotos, what: "A product", on: db)
            try await context.listingObserver?.listingChanged(productID, on: db)
        }
        return photo
    }

    /// Removes a photo (shop staff): the row first (the listing changed, for its observer), then
    /// the file.
    public func removePhoto(
        _ photoID: UUID, by principal: Principal, shops: ShopService, store: PhotoStore, on database: any Database
    ) async throws {
        guard let photo = try await ProductPhoto.find(photoID, on: database) else {
            throw Problem.notFound("The photo", field: "photoId")
        }
        _ = try await staffProduct(photo.$product.id, principal, shops: shops, on: database)
        try await context.transactions.transaction(on: database) { db in
            try await photo.delete(on: db)
            try await context.listingObserver?.listingChanged(photo.$product.id, on: db)
        }
        store.remove(photo.fileName)
    }

    private func staffProduct(_ id: UUID, _ principal: Principal, shops: ShopService, on database: any Database)
        async throws -> Product
    {
        guard let product = try await Product.find(id, on: database),
            try await ShopAccess.actsFor(shopID: product.$shop.id, principal, on: database)
        else { throw Problem.notFound("The product", field: "productId") }
        return product
    }

    private func staffVariant(_ id: UUID, _ principal: Principal, shops: ShopService, on database: any Database)
        async throws -> Variant
    {
        guard let variant = try await Variant.find(id, on: database) else {
            throw Problem.notFound("The variant", field: "variantId")
        }
        _ = try await staffProduct(variant.$product.id, principal, shops: shops, on: database)
        return variant
    }
}
