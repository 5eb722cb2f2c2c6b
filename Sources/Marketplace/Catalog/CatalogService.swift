import Community
import FluentKit
import Foundation
import JishiKit
import Persistence

/// Lists products and their variants.
public struct CatalogService: Sendable {
    public let context: MarketplaceContext

    public init(context: MarketplaceContext) { self.context = context }

    public struct NewVariant: Sendable {
        public var sku: String
        public var name: String
        public var price: Money
        public var stock: Int
        public var weightGrams: Int

        public init(sku: String, name: String = "", price: Money, stock: Int, weightGrams: Int = 0) {
            self.sku = sku
            self.name = name
            self.price = price
            self.stock = stock
            self.weightGrams = weightGrams
        }
    }

    public struct NewProduct: Sendable {
        public var title: String
        public var description: String
        public var categoryID: UUID
        public var originVillageID: UUID?
        public var variants: [NewVariant]
        public var attributes: [Attribute]

        public init(
            title: String, description: String, categoryID: UUID, originVillageID: UUID? = nil, variants: [NewVariant],
            attributes: [Attribute] = []
        ) {
            self.title = title
            self.description = description
            self.categoryID = categoryID
            self.originVillageID = originVillageID
            self.variants = variants
            self.attributes = attributes
        }
    }

    /// A named property of a product, as the seller writes it.
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public static let maximumStock = 1_000_000
    public static let maximumPriceMinor: Int64 = 100_000_000  // CNY 1,000,000

    public func addProduct(
        _ new: NewProduct, to shopID: UUID, by principal: Principal, shops: ShopService, on database: any Database
    ) async throws -> (Product, [Variant]) {
        let shop = try await shops.requireStaff(of: shopID, principal, on: database)
        guard shop.status == .active else {
            throw Problem(type: .conflict, detail: "The shop is \(shop.status.rawValue).")
        }
        let title = try requireText(new.title, field: "title", length: FieldLimits.productTitle)
        let description = try requireText(
            new.description, field: "description", length: FieldLimits.productDescription, multiline: true)
        guard try await Category.find(new.categoryID, on: database) != nil else {
            throw Problem.notFound("The category", field: "categoryId")
        }
        guard (1...50).contains(new.variants.count) else {
            throw Problem.validation("variants", "Give 1 to 50 variants.")
        }
        let productID = context.dependencies.uuid()
        var skus = Set<String>()
        let variants = try Self.numbered(new.variants, taken: []).enumerated().map { index, variant in
            let checked = try validated(variant, field: "variants[\(index)]", productID: productID)
            guard skus.insert(checked.sku).inserted else {
                throw Problem.validation("variants[\(index)].sku", "SKUs must differ.")
            }
            return checked
        }
        let attributes = try validated(new.attributes, productID: productID)
        let product = Product(
            id: productID, shopID: shopID, categoryID: new.categoryID, title: title, description: description,
            originVillageID: new.originVillageID ?? shop.$village.id)
        try await context.transactions.transaction(on: database) { db in
            try await product.create(on: db)
            try await variants.create(on: db)
            try await attributes.create(on: db)
            try await SearchIndex.reindex(productID: productID, on: db)
            try await context.listingObserver?.listingChanged(productID, on: db)
        }
        return (product, variants)
    }

    /// A product with its variants; unlisted products and those of suspended or closed shops
    /// are visible to their shop only.
    public func product(_ id: UUID, viewer: Principal?, on database: any Database) async throws -> (Product, [Variant])
    {
        guard let product = try await Product.query(on: database).filter(\.$id == id).with(\.$shop).first() else {
            throw Problem.notFound("The product", field: "id")
        }
        if !product.listed || product.shop.status != .active {
            var isStaff = false
            if let viewer {
                isStaff = try await ShopStaff.exists(
                    accountID: viewer.accountID, shopID: product.$shop.id, on: database)
            }
            guard isStaff else { throw Problem.notFound("The product", field: "id") }
        }
        let variants = try await Variant.query(on: database).filter(\.$product.$id == id).sort(\.$sku).all()
        try await SourcingService.showSourceStock(of: variants, on: database)
        return (product, variants)
    }

    public static let maximumAttributes = 20

    /// `variants` with a stock code for each that has none: the first of 1, 2, 3 … that
    /// neither `taken` (the product's codes) nor another variant uses, so a seller who types
    /// none still gets codes that differ.
    static func numbered(_ variants: [NewVariant], taken: Set<String>) -> [NewVariant] {
        var used = taken.union(variants.map { $0.sku.trimmingCharacters(in: .whitespacesAndNewlines) })
        var next = 1
        return variants.map { variant in
            guard variant.sku.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return variant }
            while used.contains(String(next)) { next += 1 }
            var numbered = variant
            numbered.sku = String(next)
            used.insert(numbered.sku)
            return numbered
        }
    }

    /// One variant checked field by field, named as `field.sku`, `field.priceMinor` ….
    func validated(_ variant: NewVariant, field: String, productID: UUID) throws -> Variant {
        let sku = try requireText(variant.sku, field: field + ".sku", length: FieldLimits.sku)
        guard variant.price.currency == .cny else { throw Problem.validation(field + ".currency", "Only CNY.") }
        guard (1...Self.maximumPriceMinor).contains(variant.price.minorUnits) else {
            throw Problem.validation(field + ".priceMinor", "A price from 1 to \(Self.maximumPriceMinor) fen.")
        }
        guard (0...Self.maximumStock).contains(variant.stock) else {
            throw Problem.validation(field + ".stock", "Stock from 0 to \(Self.maximumStock).")
        }
        guard (0...1_000_000).contains(variant.weightGrams) else {
            throw Problem.validation(field + ".weightGrams", "Weight from 0 to 1,000,000 g.")
        }
        return Variant(
            id: context.dependencies.uuid(), productID: productID, sku: sku,
            name: try requireText(variant.name, field: field + ".name", length: FieldLimits.variantName),
            price: variant.price,
            stock: variant.stock, weightGrams: variant.weightGrams)
    }

    func validated(_ attributes: [Attribute], productID: UUID) throws -> [ProductAttribute] {
        guard attributes.count <= Self.maximumAttributes else {
            throw Problem.validation("attributes", "At most \(Self.maximumAttributes) attributes.")
        }
        var names = Set<String>()
        return try attributes.enumerated().map { index, attribute in
            let field = "attributes[\(index)]"
            let name = try requireText(attribute.name, field: field + ".name", length: FieldLimits.attributeName)
            let value = try requireText(attribute.value, field: field + ".value", length: FieldLimits.attributeValue)
            guard names.insert(name).inserted else { throw Problem.validation(field + ".name", "Names must differ.") }
            return ProductAttribute(
                id: context.dependencies.uuid(), productID: productID, position: index, name: name, value: value)
        }
    }
}
