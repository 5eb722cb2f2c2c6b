import Foundation
import JishiKit
import Plot

/// The fields the new-product and edit-product forms share: text, category and attributes,
/// and rows of variant fields.
enum ProductFields {
    static func text(
        _ text: ProductText, rows: Int, categories: [(id: UUID, name: String)], errors: [String: FormMessage],
        context: PageContext
    ) -> Node<HTML.FormContext> {
        .group(
            FormField(name: "title", label: .fieldProductTitle, value: text.title, error: errors["title"]).node(
                context),
            FormField(
                name: "description", label: .fieldProductDescription, kind: .textArea(rows: 5),
                value: text.description, hint: .fieldProductDescriptionHint, error: errors["description"]
            ).node(context),
            FormField(
                name: "category", label: .fieldCategory,
                kind: .menu([
                    FormField.MenuGroup(
                        heading: nil,
                        choices: [("", context.text(.chooseOne))]
                            + categories.map { ($0.id.uuidString.lowercased(), $0.name) })
                ]),
                value: text.categoryID?.uuidString.lowercased() ?? "", error: errors["category"]
            ).node(context),
            .fieldset(
                .element(named: "legend", nodes: [Node<HTML.BodyContext>.safeText(context.text(.fieldAttributes))]),
                .p(.class("hint"), .safeText(context.text(.fieldAttributesHint))),
                .group(
                    text.attributeRows(rows).enumerated().map { row, attribute in
                        .div(
                            .class("pair"),
                            .div(
                                FormField(
                                    name: "attr-\(row)-name", label: .fieldAttributeName, value: attribute.name,
                                    error: errors["attr-\(row)-name"]
                                ).node(context)),
                            .div(
                                FormField(
                                    name: "attr-\(row)-value", label: .fieldAttributeValue, value: attribute.value,
                                    error: errors["attr-\(row)-value"]
                                ).node(context))
                        )
                    })
            )
        )
    }

    /// One row of variant fields named `<prefix>sku` …
    static func variant(
        _ input: VariantInput, prefix: String, errors: [String: FormMessage], context: PageContext
    ) -> Node<HTML.FormContext> {
        .group(
            .div(
                .class("pair"),
                .div(
                    FormField(
                        name: prefix + "sku", label: .fieldSKU, kind: .identifier, value: input.sku,
                        hint: .fieldSKUHint,
                        error: errors[prefix + "sku"]
                    ).node(context)),
                .div(
                    FormField(
                        name: prefix + "name", label: .fieldVariantName, value: input.name,
                        hint: .fieldVariantNameHint, error: errors[prefix + "name"]
                    ).node(context))
            ),
            .div(
                .class("pair"),
                .div(
                    FormField(
                        name: prefix + "price", label: .fieldPrice, kind: .decimal, value: input.price,
                        error: errors[prefix + "price"]
                    ).node(context)),
                .div(
                    FormField(
                        name: prefix + "stock", label: .fieldStock, kind: .number, value: input.stock,
                        error: errors[prefix + "stock"]
                    ).node(context))
            )
        )
    }
}
