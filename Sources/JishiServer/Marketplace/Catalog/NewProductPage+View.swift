import JishiKit
import Plot

extension NewProductPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.newProductTitle), context: context,
                main: [
                    Widgets.back(SitePath.shop.path(model.shopID), model.shopName),
                    .h1(.safeText(context.text(.newProductTitle))),
                    .form(
                        .class("card wide"), .id("new-product-form"), .method(.post),
                        .action(SitePath.newProduct.path(model.shopID)), .novalidate(),
                        .unwrap(model.failure) { Widgets.alert($0.text(context)) },
                        .if(
                            model.failure == nil && !model.errors.isEmpty,
                            Widgets.alert(context.text(.formErrorSummary))),
                        Layout.csrfField(context),
                        ProductFields.text(
                            model.text, rows: ProductText.newProductAttributeRows,
                            categories: model.categories.map { ($0.id, $0.name) }, errors: model.errors,
                            context: context),
                        .group(
                            model.variants.enumerated().map { row, input in
                                .fieldset(
                                    .class("variant-row"),
                                    .element(
                                        named: "legend",
                                        nodes: [
                                            Node<HTML.BodyContext>.safeText(
                                                context.text(.newProductVariant, String(row + 1)))
                                        ]),
                                    .if(
                                        row > 0, .p(.class("hint"), .safeText(context.text(.newProductVariantOptional)))
                                    ),
                                    ProductFields.variant(
                                        input, prefix: "variant-\(row)-", errors: model.errors, context: context)
                                )
                            }),
                        .button(
                            .type(.submit), .class("button"), .id("list-product"),
                            .safeText(context.text(.newProductSubmit)))
                    ),
                ])
        }
    }
}
