import Foundation
import JishiKit
import Marketplace
import Vapor

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
        /// The largest photo the form takes, in KiB.
        var maxPhotoKiB = 0
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

extension NewProductPage.Model {
    /// The photos sent with the form, each with the type it claims (or, without one, the type
    /// its bytes are), checked as the catalog checks a photo; `nil` (with a message) when one is
    /// not fit to keep, so that nothing is written.
    mutating func takePhotos(_ files: [File], maximumCount: Int, maximumBytes: Int) -> [(Data, String?)]? {
        guard files.count <= maximumCount else {
            errors["photos"] = FormMessage(.newProductTooManyPhotos, String(maximumCount))
            return nil
        }
        var photos: [(Data, String?)] = []
        for file in files {
            let bytes = Data(buffer: file.data)
            let declared = file.contentType.map { "\($0.type)/\($0.subType)" } ?? PhotoFormat.sniff(bytes)?.contentType
            do {
                _ = try PhotoCheck.format(of: bytes, declaredType: declared, limit: maximumBytes)
            } catch let problem as Problem {
                errors["photos"] =
                    problem.type == ProblemType.payloadTooLarge.uri
                    ? FormMessage(.errorPhotoTooLarge, String(maxPhotoKiB)) : FormMessage(.errorPhotoNotImage)
                return nil
            } catch {
                errors["photos"] = FormMessage(.errorPhotoNotImage)
                return nil
            }
            photos.append((bytes, declared))
        }
        return photos
    }
}
