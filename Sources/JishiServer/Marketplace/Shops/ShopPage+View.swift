import JishiKit
import Marketplace
import Plot

extension ShopPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: model.name, context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    model.adminView
                        ? Widgets.back(SitePath.moderatedShop.path(model.shopID), context.text(.adminViewBack))
                        : Widgets.back(SitePath.shops.path, context.text(.shopsTitle)),
                    .if(
                        model.adminView,
                        .p(.class("alert"), .id("admin-view-banner"), .safeText(context.text(.adminViewBanner)))),
                    .h1(.id("shop-name"), .safeText(model.name)),
                    .p(
                        .class("meta"),
                        .span(.class("tag"), .safeText(context.text(model.kind.l10nKey))),
                        .span(.class("tag"), .safeText(context.text(model.status.l10nKey))),
                        .unwrap(model.brandName) { .safeText($0 + " · ") },
                        .unwrap(model.village) { .safeText($0.primary(context.language)) }
                    ),
                    // The seller's tasks are the shop's own: not offered in the admin view.
                    .if(
                        !model.adminView,
                        .nav(
                            .class("tiles"), .attribute(named: "aria-label", value: context.text(.shopTasks)),
                            .a(
                                .class("tile"), .id("orders-to-ship"),
                                .href(SitePath.shopOrders.path(model.shopID) + "?status=paid"),
                                .strong(.safeText(context.number(model.toShip))),
                                .safeText(context.text(.shopToShip))),
                            .a(
                                .class("tile"), .id("all-orders"), .href(SitePath.shopOrders.path(model.shopID)),
                                .safeText(context.text(.shopOrdersTitle))),
                            .a(
                                .class("tile"), .id("statement"), .href(SitePath.statement.path(model.shopID)),
                                .safeText(context.text(.statementTitle))),
                            .a(
                                .class("tile"), .id("add-product"), .href(SitePath.newProduct.path(model.shopID)),
                                .safeText(context.text(.newProductTitle))),
                            .a(
                                .class("tile"), .id("import-products"),
                                .href(SitePath.catalogImport.path(model.shopID)),
                                .safeText(context.text(.catalogImportTitle))),
                            .a(
                                .class("tile"), .id("source-products"), .href(SitePath.sourcing.path(model.shopID)),
                                .safeText(context.text(.sourcingTitle))),
                            .a(
                                .class("tile"), .id("resellers"), .href(SitePath.resellers.path(model.shopID)),
                                .safeText(context.text(.resellersTitle))),
                            .a(
                                .class("tile"), .id("shop-designs"), .href(SitePath.designs.path),
                                .safeText(context.text(.designsTitle))),
                            .a(
                                .class("tile"), .id("platform-shops"), .href(SitePath.platformShops.path),
                                .safeText(context.text(.platformShopsTitle))),
                            .a(
                                .class("tile"), .id("shop-messages"), .href(SitePath.shopMessages.path(model.shopID)),
                                .strong(.safeText(context.number(model.unreadMessages))),
                                .safeText(context.text(.chatUnreadTile))),
                            .a(
                                .class("tile"), .id("shop-reviews"), .href(SitePath.shopReviews.path(model.shopID)),
                                .strong(.safeText(context.number(model.rating.count))),
                                .safeText(context.text(.reviewsTitle)))
                        )),
                    .section(
                        .class("box"), .id("shop-quality"),
                        .h2(.safeText(context.text(.ratingShopTitle))),
                        RatingView.summary(model.rating, context, id: "shop-rating"),
                        .p(
                            .class("meta"), .id("refund-rate"),
                            .safeText(
                                model.refundRate.map {
                                    context.text(
                                        .ratingRefundRate, RatingView.mean($0 * 100),
                                        context.number(model.refundedOrders),
                                        context.number(model.paidOrders))
                                } ?? context.text(.ratingNoPaidOrders)))
                    ),
                    .h2(.safeText(context.text(.shopProducts, context.number(model.productTotal)))),
                    .if(model.products.isEmpty, .p(.class("empty"), .safeText(context.text(.shopNoProducts)))),
                    .ul(.class("rows"), .id("product-list"), .group(model.products.map(product))),
                ])
        }

        private func product(_ product: ProductRow) -> Node<HTML.ListContext> {
            .li(
                .a(
                    .class("row"),
                    .href(model.adminView ? SitePath.product.path(product.id) : SitePath.editProduct.path(product.id)),
                    .span(.class("t"), .safeText(product.title)),
                    .if(!product.listed, .span(.class("tag"), .safeText(context.text(.productUnlistedTag)))),
                    .group(
                        product.variants.map { variant in
                            .span(
                                .class("when"),
                                .safeText(
                                    context.text(
                                        .shopVariantLine, variant.label, context.money(variant.priceMinor),
                                        context.number(variant.stock))))
                        })
                ))
        }
    }
}
