import JishiKit
import Plot

extension CartPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.cartTitle), context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    .h1(.safeText(context.text(.cartTitle))),
                    .if(!model.lineErrors.isEmpty, Widgets.alert(context.text(.formErrorSummary))),
                    .if(
                        model.isEmpty,
                        .p(
                            .class("empty"), .id("cart-empty"), .safeText(context.text(.cartEmpty)), .text(" "),
                            .a(.href(SitePath.search.path), .safeText(context.text(.cartGoShopping))))),
                    .group(model.groups.map(group)),
                    .if(!model.isEmpty, checkoutBar),
                ])
        }

        private func group(_ group: ShopGroup) -> Node<HTML.BodyContext> {
            .section(
                .class("box"),
                .h2(.safeText(group.shopName)),
                .ul(.class("lines"), .group(group.lines.map(line))),
                .p(
                    .class("subtotal"),
                    .safeText(context.text(.cartShopTotal, context.money(group.totalMinor))))
            )
        }

        private func line(_ line: Line) -> Node<HTML.ListContext> {
            let key = line.variantID.uuidString.lowercased()
            return .li(
                .class("line"), .id("line-\(key)"),
                .div(
                    .class("lt"),
                    .a(.href(SitePath.product.path(line.productID)), .safeText(line.title)),
                    .span(.class("vn"), .safeText(line.variantName)),
                    .span(
                        .class("price"),
                        .safeText(
                            context.text(
                                .cartLinePrice, context.money(line.priceMinor), context.number(line.quantity),
                                context.money(line.totalMinor)))),
                    .if(!line.isForSale, .span(.class("error"), .safeText(context.text(.cartNotForSale)))),
                    .if(
                        line.isForSale && line.stock < line.quantity,
                        .span(.class("error"), .safeText(context.text(.stockLeft, context.number(line.stock)))))
                ),
                .form(
                    .class("qty"), .method(.post), .action(SitePath.cartItems.path), .novalidate(),
                    Layout.csrfField(context),
                    .input(.type(.hidden), .name("variant"), .value(key)),
                    FormField(
                        name: "quantity", label: .fieldQuantity, kind: .number, value: String(line.quantity),
                        error: model.lineErrors[line.variantID], id: "quantity-\(key)"
                    ).node(context),
                    .div(
                        .class("actions"),
                        .button(
                            .type(.submit), .class("button secondary"), .name("then"), .value("set"),
                            .id("update-\(key)"),
                            .safeText(context.text(.cartUpdate))),
                        .button(
                            .type(.submit), .class("button quiet"), .name("then"), .value("remove"),
                            .id("remove-\(key)"), .safeText(context.text(.cartRemove)))
                    )
                )
            )
        }

        private var checkoutBar: Node<HTML.BodyContext> {
            .div(
                .class("box total"),
                .p(
                    .class("summary"), .id("cart-total"),
                    .safeText(context.text(.cartTotal, context.money(model.totalMinor)))),
                .if(
                    model.canCheckOut,
                    .a(
                        .class("button"), .id("to-checkout"), .href(SitePath.checkout.path),
                        .safeText(context.text(.cartCheckout))),
                    else: .p(.class("error"), .safeText(context.text(.cartRemoveUnavailable)))
                )
            )
        }
    }
}
