import Foundation
import JishiKit
import Marketplace

/// One row of variant fields: `<prefix>sku`, `<prefix>name`, `<prefix>price` (yuan) and
/// `<prefix>stock`.
struct VariantInput: Equatable, Sendable {
    var sku = ""
    var name = ""
    var price = ""
    var stock = ""

    var isBlank: Bool { sku.isEmpty && name.isEmpty && price.isEmpty && stock.isEmpty }

    init(sku: String = "", name: String = "", price: String = "", stock: String = "") {
        self.sku = sku
        self.name = name
        self.price = price
        self.stock = stock
    }

    init(_ form: FormValues, prefix: String) {
        sku = form.trimmed(prefix + "sku")
        name = form.trimmed(prefix + "name")
        price = form.trimmed(prefix + "price")
        stock = form.trimmed(prefix + "stock")
    }

    /// The variant, or `nil` with messages in `errors` under `<prefix><field>`.
    func validated(prefix: String, errors: inout [String: FormMessage]) -> CatalogService.NewVariant? {
        let before = errors.count
        if sku.count > FieldLimits.sku.upperBound {
            errors[prefix + "sku"] = FormMessage(.errorTooLong, String(FieldLimits.sku.upperBound))
        }
        if name.count > FieldLimits.variantName.upperBound {
            errors[prefix + "name"] = FormMessage(.errorTooLong, String(FieldLimits.variantName.upperBound))
        }
        let priceMinor = Self.price(price, prefix: prefix, errors: &errors)
        let count = Self.stock(stock, prefix: prefix, errors: &errors)
        guard errors.count == before, let priceMinor, let count else { return nil }
        return CatalogService.NewVariant(sku: sku, name: name, price: Money(minorUnits: priceMinor), stock: count)
    }

    /// A price in yuan within the catalog's bounds, in fen.
    static func price(_ text: String, prefix: String, errors: inout [String: FormMessage]) -> Int64? {
        guard !text.isEmpty else {
            errors[prefix + "price"] = FormMessage(.errorRequired)
            return nil
        }
        guard let fen = FormInput.yuan(text), (1...CatalogService.maximumPriceMinor).contains(fen) else {
            errors[prefix + "price"] = FormMessage(.errorPrice)
            return nil
        }
        return fen
    }

    /// A stock count within the catalog's bounds.
    static func stock(_ text: String, prefix: String, errors: inout [String: FormMessage]) -> Int? {
        guard !text.isEmpty else {
            errors[prefix + "stock"] = FormMessage(.errorRequired)
            return nil
        }
        guard let count = FormInput.count(text), (0...CatalogService.maximumStock).contains(count) else {
            errors[prefix + "stock"] = FormMessage(.errorStock, context(CatalogService.maximumStock))
            return nil
        }
        return count
    }

    private static func context(_ number: Int) -> String { String(number) }
}
