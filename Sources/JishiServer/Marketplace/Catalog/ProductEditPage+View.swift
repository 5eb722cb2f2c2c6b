import JishiKit
import Plot

extension ProductEditPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.editProductTitle), context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    Widgets.back(SitePath.shop.path(model.shopID), model.shopName),
                    .h1(.safeText(model.text.title)),
                    .p(
                        .a(
                            .id("view-product"), .href(SitePath.product.path(model.productID)),
                            .safeText(context.text(.editProductView)))),
                    variants,
                    newVariant,
                    photos,
                    productForm,
                ])
        }

        private func alert(_ section: Section) -> Node<HTML.FormContext> {
            .unwrap(model.alerts[section]) { Widgets.alert($0.text(context)) }
        }

        private var productForm: Node<HTML.BodyContext> {
            .form(
                .class("card wide"), .id("product-form"), .method(.post),
                .action(SitePath.editProduct.path(model.productID)), .novalidate(),
                .h2(.safeText(context.text(.editProductText))),
                alert(.product),
                Layout.csrfField(context),
                ProductFields.text(
                    model.text, rows: model.attributeRows, categories: model.categories.map { ($0.id, $0.name) },
                    errors: model.errors, context: context),
                .label(
                    .class("check"),
                    .input(.type(.checkbox), .name("listed"), .value("1"), .id("listed"), .checked(model.listed)),
                    .safeText(context.text(.fieldListed))),
                .button(
                    .type(.submit), .class("button"), .id("save-product"), .safeText(context.text(.editProductSave)))
            )
        }

        private var variants: Node<HTML.BodyContext> {
            .section(
                .class("box"),
                .h2(.safeText(context.text(.editProductVariants))),
                .ul(.class("variants"), .group(model.variants.map(variant)))
            )
        }

        private func variant(_ row: VariantRow) -> Node<HTML.ListContext> {
            let key = row.id.uuidString.lowercased()
            return .li(
                .id("variant-\(key)"),
                .h3(.safeText(row.sku)),
                .form(
                    .class("inline-form"), .method(.post),
                    .action(SitePath.updateVariant.path(model.productID, row.id)), .novalidate(),
                    alert(.variant(row.id)),
                    Layout.csrfField(context),
                    .div(
                        .class("pair"),
                        .div(
                            FormField(
                                name: "name", label: .fieldVariantName, value: row.name,
                                error: model.errors["name-\(key)"], id: "name-\(key)"
                            ).node(context)),
                        .div(
                            FormField(
                                name: "price", label: .fieldPrice, kind: .decimal, value: row.price,
                                error: model.errors["price-\(key)"], id: "price-\(key)"
                            ).node(context))
                    ),
                    .button(
                        .type(.submit), .class("button secondary"), .id("save-price-\(key)"),
                        .safeText(context.text(.editProductSavePrice)))
                ),
                .form(
                    .class("inline-form"), .method(.post),
                    .action(SitePath.variantStock.path(model.productID, row.id)), .novalidate(),
                    Layout.csrfField(context),
                    .input(.type(.hidden), .name("expected"), .value(String(row.storedStock))),
                    FormField(
                        name: "stock", label: .fieldStockOnShelf, kind: .number, value: row.stock,
                        hint: .fieldStockHint, error: model.errors["stock-\(key)"], id: "stock-\(key)"
                    ).node(context),
                    .button(
                        .type(.submit), .class("button secondary"), .id("save-stock-\(key)"),
                        .safeText(context.text(.editProductSaveStock)))
                )
            )
        }

        private var newVariant: Node<HTML.BodyContext> {
            Widgets.details(
                open: model.alerts[.newVariant] != nil, summary: context.text(.editProductAddVariant),
                .form(
                    .class("card wide"), .id("add-variant-form"), .method(.post),
                    .action(SitePath.addVariant.path(model.productID)), .novalidate(),
                    alert(.newVariant),
                    Layout.csrfField(context),
                    ProductFields.variant(model.newVariant, prefix: "new-", errors: model.errors, context: context),
                    .button(
                        .type(.submit), .class("button"), .id("add-variant"),
                        .safeText(context.text(.editProductAddVariant)))
                )
            )
        }

        private var photos: Node<HTML.BodyContext> {
            .section(
                .class("box"), .id("photos"),
                .h2(.safeText(context.text(.editProductPhotos))),
                .ul(
                    .class("thumbs"),
                    .group(
                        model.photos.enumerated().map { index, photo in
                            .li(
                                .img(
                                    .class("ph"), .src(photo.url),
                                    .escaped(
                                        "alt", context.text(.productPhotoAlt, model.text.title, String(index + 1))),
                                    .attribute(named: "width", value: "120"), .attribute(named: "height", value: "120"),
                                    .attribute(named: "loading", value: "lazy")),
                                Widgets.postButton(
                                    SitePath.removePhoto.path(model.productID, photo.id),
                                    context.text(.editProductRemovePhoto), context: context,
                                    id: "remove-photo-\(index)", style: "button quiet")
                            )
                        })),
                .form(
                    .class("inline-form"), .id("photo-form"), .method(.post),
                    .action(SitePath.addPhoto.path(model.productID)),
                    .enctype(.multipartData),
                    alert(.photos),
                    Layout.csrfField(context),
                    .label(.for("photo"), .safeText(context.text(.fieldPhoto))),
                    .p(
                        .class("hint"), .id("photo-hint"),
                        .safeText(context.text(.fieldPhotoHint, context.number(model.maxPhotoKiB)))),
                    .unwrap(model.errors["photo"]) {
                        .p(.class("error"), .id("photo-error"), .safeText($0.text(context)))
                    },
                    .input(
                        .type(.file), .name("photo"), .id("photo"), .class("in"),
                        .attribute(named: "accept", value: "image/jpeg,image/png"),
                        .attribute(named: "aria-describedby", value: "photo-hint")),
                    .button(
                        .type(.submit), .class("button secondary"), .id("upload-photo"),
                        .safeText(context.text(.editProductUpload)))
                )
            )
        }
    }
}
