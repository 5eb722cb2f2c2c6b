import FluentKit
import Foundation
import Persistence
import SQLKit

/// What a shop's catalogue holds now, read in one pass for an import to compare its file with:
/// plain values, not Fluent models (a province's shop has a million variants).
struct ShopCatalogue {
    struct Product {
        var id: UUID
        var title: String
        var description: String
        var categoryID: UUID
        var listed: Bool
        var linked: Bool
        var heldReason: String?
        var variants: [Variant] = []
        /// Its photos' file names (`<id>.jpg`), in their order.
        var photos: [String] = []
    }

    struct Variant {
        var id: UUID
        var sku: String
        var name: String
        var priceMinor: Int64
        var stock: Int
        var weightGrams: Int
        var linked: Bool
    }

    var products: [UUID: Product] = [:]
    /// The products holding each stock code (a shop whose codes were numbered 1, 2 … per product
    /// has a code in many).
    var owners: [String: [UUID]] = [:]

    static func read(shopID: UUID, on database: any Database) async throws -> ShopCatalogue {
        let sql = try database.sql()
        var catalogue = ShopCatalogue()
        let products = try await FastRows.all(
            """
            SELECT id, title, description, category_id, listed, source_product_id, held_reason FROM products
            WHERE shop_id = \(bind: shopID)
            """,
            as: (UUID, String, String, UUID, Bool, UUID?, String?).self,
            columns: ["id", "title", "description", "category_id", "listed", "source_product_id", "held_reason"],
            on: sql)
        guard !products.isEmpty else { return catalogue }
        catalogue.products.reserveCapacity(products.count)
        for (id, title, description, categoryID, listed, source, held) in products {
            catalogue.products[id] = Product(
                id: id, title: title, description: description, categoryID: categoryID, listed: listed,
                linked: source != nil, heldReason: held)
        }
        let variants = try await FastRows.all(
            """
            SELECT v.id, v.product_id, v.sku, v.name, v.price_minor, v.stock, v.weight_grams, v.source_variant_id
            FROM variants v JOIN products p ON p.id = v.product_id WHERE p.shop_id = \(bind: shopID)
            """,
            as: (UUID, UUID, String, String, Int64, Int, Int, UUID?).self,
            columns: ["id", "product_id", "sku", "name", "price_minor", "stock", "weight_grams", "source_variant_id"],
            on: sql)
        for (id, productID, sku, name, price, stock, weight, source) in variants {
            catalogue.products[productID]?.variants.append(
                Variant(
                    id: id, sku: sku, name: name, priceMinor: price, stock: stock, weightGrams: weight,
                    linked: source != nil))
            catalogue.owners[sku, default: []].append(productID)
        }
        let photos = try await FastRows.all(
            """
            SELECT ph.id, ph.product_id, ph.format FROM product_photos ph JOIN products p ON p.id = ph.product_id
            WHERE p.shop_id = \(bind: shopID) ORDER BY ph.product_id, ph.position, ph.created_at
            """,
            as: (UUID, UUID, String).self, columns: ["id", "product_id", "format"], on: sql)
        for (id, productID, format) in photos {
            catalogue.products[productID]?.photos.append(PhotoFormat.stored(format).fileName(of: id))
        }
        return catalogue
    }
}
