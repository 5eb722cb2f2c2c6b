import Foundation
import JishiKit
import Marketplace

/// What the product forms send, field by field, with a localised message for each field that
/// cannot be used. The catalog service checks the same rules again; these only explain them.
struct ProductText: Equatable, Sendable {
    /// Rows of attributes the form offers beyond those already given.
    static let spareAttributeRows = 2
    static let newProductAttributeRows = 4

    var title = ""
    var description = ""
    var categoryID: UUID?
    var attributes: [Attribute] = []

    struct Attribute: Equatable, Sendable {
        var name = ""
        var value = ""
    }

    /// Reads `title`, `description`, `category` and the rows `attr-<n>-name`, `attr-<n>-value`.
    init(_ form: FormValues, rows: Int, categories: [UUID], errors: inout [String: FormMessage]) {
        title = form.trimmed("title")
        description = form.trimmed("description")
        if title.isEmpty {
            errors["title"] = FormMessage(.errorRequired)
        } else if title.count > FieldLimits.productTitle.upperBound {
            errors["title"] = FormMessage(.errorTooLong, String(FieldLimits.productTitle.upperBound))
        }
        if description.count > FieldLimits.productDescription.upperBound {
            errors["description"] = FormMessage(.errorTooLong, String(FieldLimits.productDescription.upperBound))
        }
        categoryID = UUID(uuidString: form.trimmed("category"))
        if categoryID.map({ !categories.contains($0) }) ?? true { errors["category"] = FormMessage(.errorChooseOne) }
        var names = Set<String>()
        for row in 0..<min(rows, CatalogService.maximumAttributes) {
            let attribute = Attribute(name: form.trimmed("attr-\(row)-name"), value: form.trimmed("attr-\(row)-value"))
            attributes.append(attribute)
            guard !attribute.name.isEmpty || !attribute.value.isEmpty else { continue }
            if attribute.name.isEmpty {
                errors["attr-\(row)-name"] = FormMessage(.errorRequired)
            } else if attribute.name.count > FieldLimits.attributeName.upperBound {
                errors["attr-\(row)-name"] = FormMessage(.errorTooLong, String(FieldLimits.attributeName.upperBound))
            } else if !names.insert(attribute.name).inserted {
                errors["attr-\(row)-name"] = FormMessage(.errorAttributeTwice)
            }
            if attribute.value.isEmpty {
                errors["attr-\(row)-value"] = FormMessage(.errorRequired)
            } else if attribute.value.count > FieldLimits.attributeValue.upperBound {
                errors["attr-\(row)-value"] = FormMessage(.errorTooLong, String(FieldLimits.attributeValue.upperBound))
            }
        }
    }

    init(title: String = "", description: String = "", categoryID: UUID? = nil, attributes: [Attribute] = []) {
        self.title = title
        self.description = description
        self.categoryID = categoryID
        self.attributes = attributes
    }

    /// The attributes the seller filled in, in order.
    var givenAttributes: [CatalogService.Attribute] {
        attributes.filter { !$0.name.isEmpty }.map { CatalogService.Attribute(name: $0.name, value: $0.value) }
    }

    /// The given attributes followed by empty rows, `rows` in all (at least the given ones).
    func attributeRows(_ rows: Int) -> [Attribute] {
        let given = attributes.filter { !$0.name.isEmpty || !$0.value.isEmpty }
        return given + Array(repeating: Attribute(), count: max(rows - given.count, 0))
    }
}
