import Foundation
import JishiKit
import Marketplace

/// The form that lists a new product: its text, category, attributes and up to three
/// variants (fixed rows: the form works without JavaScript; more variants are added on the
/// product's edit page).
enum NewProductPage {
    static let variantRows = 3

    struct Model: Equatable, Sendable {
        var shopID: UUID
        var shopName: String
        var categories: [CategoryChoice]
        var text = ProductText()
        var variants = Array(repeating: VariantInput(), count: NewProductPage.variantRows)
        var errors: [String: FormMessage] = [:]
        var failure: FormMessage?
    }

    struct CategoryChoice: Equatable, Sendable {
        var id: UUID
        var name: String
    }
}

extension NewProductPage.Model {
    /// Takes the submitted form; `nil` (with messages) unless every field can be used.
    mutating func take(_ form: FormValues) -> CatalogService.NewProduct? {
        text = ProductText(
            form, rows: ProductText.newProductAttributeRows, categories: categories.map(\.id), errors: &errors)
        variants = (0..<NewProductPage.variantRows).map { VariantInput(form, prefix: "variant-\($0)-") }
        var checked: [CatalogService.NewVariant] = []
        var skus = Set<String>()
        for (row, input) in variants.enumerated() where !input.isBlank {
            let prefix = "variant-\(row)-"
            guard let variant = input.validated(prefix: prefix, errors: &errors) else { continue }
            if !variant.sku.isEmpty, !skus.insert(variant.sku).inserted {
                errors[prefix + "sku"] = FormMessage(.errorSKUTwice)
                continue
            }
            checked.append(variant)
        }
        if variants.allSatisfy(\.isBlank) { errors["variant-0-sku"] = FormMessage(.errorOneVariant) }
        guard errors.isEmpty, let categoryID = text.categoryID else { return nil }
        return CatalogService.NewProduct(
            title: text.title, description: text.description, categoryID: categoryID, variants: checked,
            attributes: text.givenAttributes)
    }
}
