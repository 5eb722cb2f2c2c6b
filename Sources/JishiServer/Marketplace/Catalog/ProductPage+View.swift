import JishiKit
import Marketplace
import Plot

extension ProductPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: model.title, context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    .h1(.safeText(model.title)),
                    gallery,
                    .p(
                        .class("meta"),
                        .span(.id("product-rating"), .safeText(RatingView.short(model.rating, context))),
                        .safeText(" · "),
                        .safeText(model.shopName),
                        .unwrap(model.village) { .safeText(" · " + $0.primary(context.language)) },
                        .if(!model.categoryName.isEmpty, .safeText(" · " + model.categoryName))
                    ),
                    .if(!model.listed, .p(.class("alert"), .safeText(context.text(.productUnlisted)))),
                    .if(
                        model.isStaff,
                        .p(
                            .a(
                                .id("edit-product"), .href(SitePath.editProduct.path(model.productID)),
                                .safeText(context.text(.productEditLink))))),
                    buyForm,
                    contact,
                    .if(
                        !model.description.isEmpty,
                        .group(
                            .h2(.safeText(context.text(.productDescription))),
                            .p(.class("desc"), .safeText(model.description)))),
                    .if(
                        !model.attributes.isEmpty,
                        .group(
                            .h2(.safeText(context.text(.productAttributes))),
                            Widgets.facts(model.attributes.map { ($0.name, $0.value) }))),
                    reviews,
                ])
        }

        /// "Contact the seller": opens (or finds) the buyer's conversation with the shop.
        private var contact: Node<HTML.BodyContext> {
            guard !model.isStaff, model.shopIsOpen else { return .empty }
            guard context.viewer != nil else {
                return .p(
                    .a(
                        .class("button secondary"), .id("contact-seller"),
                        .href(SitePath.logIn(returningTo: SitePath.product.path(model.productID))),
                        .safeText(context.text(.chatContactSeller))))
            }
            return .div(
                .class("actions"),
                Widgets.postButton(
                    SitePath.contactShop.path(model.shopID), context.text(.chatContactSeller), context: context,
                    id: "contact-seller", style: "button secondary"))
        }

        private var reviews: Node<HTML.BodyContext> {
            let path = SitePath.product.path(model.productID)
            return .section(
                .class("reviews"), .id("reviews"),
                .h2(.safeText(context.text(.reviewsTitle))),
                RatingView.summary(model.rating, context, id: "rating-summary"),
                .p(
                    .class("meta"), .id("shop-rating"),
                    .safeText(context.text(.ratingShop, RatingView.short(model.shopRating, context)))),
                .ul(
                    .class("rows"), .id("review-list"),
                    .group(
                        model.reviews.map { row in
                            RatingView.review(row, context, extra: reportForm(row))
                        })),
                Pager.links(
                    path: path, offset: model.reviewOffset, shown: model.reviews.count, total: model.reviewTotal,
                    pageSize: ProductPage.reviewPageSize, context: context)
            )
        }

        /// Anyone signed in (but the shop) may report a review that breaks the rules.
        private func reportForm(_ row: ReviewRow) -> [Node<HTML.BodyContext>] {
            guard let viewer = context.viewer, !model.isStaff else { return [] }
            let key = row.id.uuidString.lowercased()
            // The buyer's own review: add photos to it rather than report it.
            if viewer.accountID == row.buyerID {
                guard row.photos.count < ReviewService.maximumPhotos else { return [] }
                return [
                    .form(
                        .class("inline-form"), .method(.post), .action(SitePath.reviewPhoto.path(row.id)),
                        .enctype(.multipartData),
                        Layout.csrfField(context),
                        .label(.for("review-photo-\(key)"), .safeText(context.text(.reviewAddPhoto))),
                        .input(
                            .type(.file), .name("photo"), .id("review-photo-\(key)"), .class("in"),
                            .attribute(named: "accept", value: "image/jpeg,image/png")),
                        .button(
                            .type(.submit), .class("button secondary"), .id("upload-review-photo-\(key)"),
                            .safeText(context.text(.editProductUpload)))
                    )
                ]
            }
            return [
                Widgets.details(
                    open: false, summary: context.text(.reviewReport),
                    .form(
                        .class("inline-form"), .method(.post), .action(SitePath.reviewReport.path(row.id)),
                        Layout.csrfField(context),
                        .input(
                            .type(.hidden), .name("next"), .escaped("value", SitePath.product.path(model.productID))),
                        FormField(name: "reason", label: .reviewReportReason, id: "report-reason-\(key)").node(context),
                        .button(
                            .type(.submit), .class("button quiet"), .id("report-\(key)"),
                            .safeText(context.text(.reviewReport)))
                    ))
            ]
        }

        private var gallery: Node<HTML.BodyContext> {
            guard !model.photos.isEmpty else { return .empty }
            return .div(
                .class("gallery"),
                .group(
                    model.photos.enumerated().map { index, photo in
                        Widgets.photo(
                            photo, alt: context.text(.productPhotoAlt, model.title, String(index + 1)), size: 320)
                    }))
        }

        private var buyForm: Node<HTML.BodyContext> {
            .form(
                .class("card buy"), .id("buy-form"), .method(.post), .action(SitePath.cartItems.path),
                .novalidate(),
                .unwrap(model.failure) { Widgets.alert($0.text(context)) },
                .if(model.failure == nil && !model.errors.isEmpty, Widgets.alert(context.text(.formErrorSummary))),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("product"), .value(model.productID.uuidString.lowercased())),
                .fieldset(
                    .element(
                        named: "legend", nodes: [Node<HTML.BodyContext>.safeText(context.text(.productChooseVariant))]),
                    .unwrap(model.errors[.variant]) {
                        .p(.class("error"), .id("variant-error"), .safeText($0.text(context)))
                    },
                    .group(model.variants.map(variantChoice))
                ),
                .if(
                    model.canBeBought,
                    .group(
                        FormField(
                            name: "quantity", label: .fieldQuantity, kind: .number, value: model.quantity,
                            error: model.errors[.quantity]
                        ).node(context),
                        .if(
                            context.viewer == nil,
                            .p(
                                .a(
                                    .class("button"), .id("log-in-to-buy"),
                                    .href(SitePath.logIn(returningTo: SitePath.product.path(model.productID))),
                                    .safeText(context.text(.productLogInToBuy))))
                        ),
                        .if(
                            context.viewer != nil,
                            .div(
                                .class("actions"),
                                .button(
                                    .type(.submit), .class("button"), .name("then"), .value("cart"), .id("add-to-cart"),
                                    .safeText(context.text(.productAddToCart))),
                                .button(
                                    .type(.submit), .class("button secondary"), .name("then"), .value("buy"),
                                    .id("buy-now"), .safeText(context.text(.productBuyNow)))
                            ))
                    ),
                    else: .p(.class("status"), .id("not-for-sale"), .safeText(context.text(.productNotForSale)))
                )
            )
        }

        private func variantChoice(_ variant: VariantRow) -> Node<HTML.FormContext> {
            let id = "variant-\(variant.id.uuidString.lowercased())"
            var attributes: [Attribute<HTML.InputContext>] = [
                .type(.radio), .name("variant"), .id(id), .value(variant.id.uuidString.lowercased()),
                .checked(model.chosenVariant == variant.id),
            ]
            if variant.stock == 0 { attributes.append(.attribute(named: "disabled", value: "disabled")) }
            return .label(
                .class("choice variant"), .for(id),
                .selfClosedElement(named: "input", attributes: attributes),
                .span(.class("vn"), .safeText(variant.label)),
                .span(.class("price"), .safeText(context.money(variant.priceMinor))),
                .span(
                    .class(variant.stock > 0 ? "stock" : "stock out"),
                    .safeText(
                        variant.stock > 0
                            ? context.text(.stockLeft, context.number(variant.stock)) : context.text(.outOfStock)))
            )
        }
    }
}
