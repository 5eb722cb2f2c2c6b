import JishiKit
import Marketplace
import Plot

extension PaymentPage {
    struct View {
        var model: Model
        var context: PageContext
        var notice: Notice? = nil

        var html: HTML {
            Layout.page(
                title: context.text(.paymentTitle), context: context,
                main: [
                    .unwrap(notice) { Widgets.notice(context.text($0.l10nKey)) },
                    .h1(.safeText(context.text(.paymentTitle))),
                    .unwrap(model.failure) { Widgets.alert($0.text(context)) },
                    .section(
                        .class("box"),
                        .ul(
                            .class("lines"),
                            .group(
                                model.orders.map { order in
                                    .li(
                                        .class("line"),
                                        .div(
                                            .class("lt"),
                                            .a(.href(SitePath.order.path(order.id)), .safeText(order.shopName)),
                                            .span(.class("price"), .safeText(context.money(order.totalMinor))),
                                            Widgets.status(order.status, context)
                                        ))
                                })),
                        .p(
                            .class("summary"), .id("payment-total"),
                            .safeText(context.text(.cartTotal, context.money(model.totalMinor))))
                    ),
                    payment,
                ])
        }

        private var payment: Node<HTML.BodyContext> {
            if model.isPaid {
                return .p(.class("notice"), .id("paid"), .safeText(context.text(.paymentDone)))
            }
            guard model.awaitsPayment else {
                return .p(.class("status"), .id("not-payable"), .safeText(context.text(.paymentNotPayable)))
            }
            if model.method == .cashAtStation {
                return .p(
                    .class("notice"), .id("pay-cash"),
                    .safeText(
                        context.text(
                            .paymentCashAtStation, context.money(model.totalMinor), context.time(model.expiresAt))
                    ))
            }
            guard model.canPayOnline else {
                return .p(.class("status"), .id("not-payable"), .safeText(context.text(.paymentWindowClosed)))
            }
            return .form(
                .class("card"), .id("pay-form"), .method(.post), .action(SitePath.checkoutPay.path(model.checkoutID)),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("key"), .escaped("value", model.key)),
                .p(.safeText(context.text(.paymentBefore, context.time(model.expiresAt)))),
                .p(.class("hint"), .safeText(context.text(.paymentSandboxHint))),
                .button(
                    .type(.submit), .class("button"), .name("token"), .value("tok_ok"), .id("pay-approve"),
                    .safeText(context.text(.paymentApprove, context.money(model.totalMinor)))),
                .button(
                    .type(.submit), .class("button secondary"), .name("token"), .value("tok_decline"),
                    .id("pay-decline"), .safeText(context.text(.paymentDecline)))
            )
        }
    }
}
