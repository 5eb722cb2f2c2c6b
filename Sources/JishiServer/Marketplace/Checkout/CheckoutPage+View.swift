import JishiKit
import Marketplace
import Plot

extension CheckoutPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.checkoutTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.checkoutTitle))),
                    summary,
                    .if(model.lines.isEmpty, .p(.class("empty"), .safeText(context.text(.cartEmpty))), else: form),
                ])
        }

        private var summary: Node<HTML.BodyContext> {
            guard !model.lines.isEmpty else { return .empty }
            return .section(
                .class("box"),
                .h2(.safeText(context.text(.checkoutItems))),
                .ul(
                    .class("lines"),
                    .group(
                        model.lines.map { line in
                            .li(
                                .class("line"),
                                .div(
                                    .class("lt"),
                                    .span(.safeText(line.title)),
                                    .span(.class("vn"), .safeText(line.shopName + " · " + line.variantName)),
                                    .span(
                                        .class("price"),
                                        .safeText(
                                            context.text(
                                                .checkoutLine, context.number(line.quantity),
                                                context.money(line.totalMinor))))
                                ))
                        })),
                .p(
                    .class("summary"), .id("checkout-total"),
                    .safeText(context.text(.cartTotal, context.money(model.totalMinor))))
            )
        }

        private var form: Node<HTML.BodyContext> {
            .form(
                .class("card"), .id("checkout-form"), .method(.post), .action(SitePath.checkout.path), .novalidate(),
                .unwrap(model.failure) { Widgets.alert($0.text(context)) },
                .if(model.failure == nil && !model.errors.isEmpty, Widgets.alert(context.text(.formErrorSummary))),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("key"), .escaped("value", model.key)),
                .unwrap(model.single) { single in
                    .group(
                        .input(.type(.hidden), .name("variant"), .value(single.variantID.uuidString.lowercased())),
                        .input(.type(.hidden), .name("quantity"), .value(String(single.quantity))))
                },
                .h2(.safeText(context.text(.checkoutDelivery))),
                FormField(
                    name: "name", label: .fieldRecipient, value: model.name, error: model.errors[.name],
                    autocomplete: "name"
                ).node(context),
                FormField(
                    name: "phone", label: .fieldPhone, kind: .phone, value: model.phone, hint: .fieldPhoneHint,
                    error: model.errors[.phone]
                ).node(context),
                FormField(
                    name: "village", label: .fieldVillage,
                    kind: .menu(
                        [FormField.MenuGroup(heading: nil, choices: [("", context.text(.checkoutOutsideCounty))])]
                            + VillageMenu.groups(model.towns)),
                    value: model.villageID?.uuidString.lowercased() ?? "", hint: .fieldVillageHint,
                    error: model.errors[.village]
                ).node(context),
                FormField(
                    name: "address", label: .fieldAddress, kind: .textArea(rows: 2), value: model.address,
                    hint: .fieldAddressHint, error: model.errors[.address], autocomplete: "street-address"
                ).node(context),
                .fieldset(
                    .element(
                        named: "legend", nodes: [Node<HTML.BodyContext>.safeText(context.text(.fieldPaymentMethod))]),
                    .unwrap(model.errors[.method]) { .p(.class("error"), .safeText($0.text(context))) },
                    .group(
                        Checkout.PaymentMethod.allCases.map { method in
                            .label(
                                .class("choice"),
                                .input(
                                    .type(.radio), .name("method"), .value(method.rawValue),
                                    .id("method-\(method.rawValue)"), .checked(model.method == method)),
                                .safeText(context.text(method.l10nKey))
                            )
                        })
                ),
                .p(.class("hint"), .safeText(context.text(.checkoutCashHint))),
                .button(.type(.submit), .class("button"), .id("place-order"), .safeText(context.text(.checkoutSubmit)))
            )
        }
    }
}
