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
                        .action(SitePath.newProduct.path(model.shopID)), .enctype(.multipartData), .novalidate(),
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
                        photos,
                        .button(
                            .type(.submit), .class("button"), .id("list-product"),
                            .safeText(context.text(.newProductSubmit)))
                    ),
                ])
        }

        /// Photos from the phone's gallery or camera, up to three; more on the edit page.
        private var photos: Node<HTML.FormContext> {
            .group(
                .label(.for("photos"), .safeText(context.text(.newProductPhotos))),
                .p(
                    .class("hint"), .id("photos-hint"),
                    .safeText(
                        context.text(
                            .newProductPhotosHint, String(ProductEditingController.newProductPhotos),
                            context.number(model.maxPhotoKiB)))),
                .unwrap(model.errors["photos"]) {
                    .p(.class("error"), .id("photos-error"), .safeText($0.text(context)))
                },
                .input(
                    .type(.file), .name("photos[]"), .id("photos"), .class("in"),
                    .attribute(named: "accept", value: "image/jpeg,image/png"),
                    .attribute(named: "multiple", value: "multiple"),
                    .attribute(named: "aria-describedby", value: "photos-hint"))
            )
        }
    }
}
