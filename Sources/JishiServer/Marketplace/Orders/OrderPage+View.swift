import JishiKit
import Marketplace
import Plot

extension OrderPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.orderTitle), context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    .unwrap(model.failure) { Widgets.alert($0.text(context)) },
                    model.isStaff
                        ? Widgets.back(SitePath.shopOrders.path(model.shopID), context.text(.shopOrdersTitle))
                        : Widgets.back(SitePath.orders.path, context.text(.ordersTitle)),
                    .h1(.safeText(context.text(.orderTitle))),
                    .p(
                        .class("meta"),
                        .span(.id("order-status"), Widgets.status(model.status, context)),
                        .safeText(" " + model.shopName + " · " + context.time(model.createdAt))
                    ),
                    actions,
                    shipForm,
                    .section(
                        .class("box"),
                        .h2(.safeText(context.text(.orderItems))),
                        .ul(.class("lines"), .group(model.lines.map(line))),
                        .p(
                            .class("summary"), .id("order-total"),
                            .safeText(context.text(.cartTotal, context.money(model.totalMinor))))
                    ),
                    .section(
                        .class("box"),
                        .h2(.safeText(context.text(.orderDelivery))),
                        Widgets.facts(delivery)
                    ),
                    .unwrap(model.journey) { journey in
                        journey.node(
                            context,
                            extra: model.isStaff
                                ? .p(
                                    .a(
                                        .class("button secondary"), .id("parcel-label"),
                                        .href(SitePath.parcelLabel.path(journey.parcelID)),
                                        .safeText(context.text(.orderParcelLabel))))
                                : .empty)
                    },
                    history,
                    refunds,
                    refundForm,
                ])
        }

        private var delivery: [(String, String)] {
            var rows = [(context.text(.fieldRecipient), model.recipient), (context.text(.fieldPhone), model.phone)]
            rows.append(
                (
                    context.text(.fieldVillage),
                    model.village?.primary(context.language) ?? context.text(.orderOutsideCounty)
                ))
            rows.append((context.text(.fieldAddress), model.address))
            if let shipment = model.shipment {
                rows.append(
                    (
                        context.text(.orderShipment),
                        ([context.text(shipment.carrier.l10nKey)] + [shipment.trackingNumber].compactMap { $0 })
                            .joined(separator: " ")
                    ))
            }
            if let method = model.paymentMethod {
                rows.append((context.text(.fieldPaymentMethod), context.text(method.l10nKey)))
            }
            return rows
        }

        private func line(_ line: Line) -> Node<HTML.ListContext> {
            .li(
                .class("line"),
                .div(
                    .class("lt"),
                    .span(.safeText(line.title)),
                    .if(!line.variantName.isEmpty, .span(.class("vn"), .safeText(line.variantName))),
                    .if(model.isStaff, .span(.class("meta"), .safeText(context.text(.orderLineCode, line.sku)))),
                    .span(
                        .class("price"),
                        .safeText(
                            context.text(
                                .cartLinePrice, context.money(line.unitPriceMinor), context.number(line.quantity),
                                context.money(line.totalMinor))))
                ),
                .if(model.canReview, reviewStep(line)))
        }

        private func reviewStep(_ line: Line) -> Node<HTML.BodyContext> {
            let key = line.id.uuidString.lowercased()
            if line.reviewed {
                return .p(.class("tag"), .id("reviewed-\(key)"), .safeText(context.text(.reviewDone)))
            }
            return .p(
                .a(
                    .class("button secondary"), .id("review-\(key)"),
                    .href(SitePath.reviewLine.path(model.id, line.id)),
                    .safeText(context.text(.reviewWrite))))
        }

        private var actions: Node<HTML.BodyContext> {
            let id = model.id
            var buttons: [Node<HTML.BodyContext>] = []
            if model.canPay {
                buttons.append(
                    .a(
                        .class("button"), .id("pay-order"), .href(SitePath.checkoutSummary.path(model.checkoutID)),
                        .safeText(context.text(.orderPay))))
            }
            if model.canConfirm {
                buttons.append(
                    Widgets.postButton(
                        SitePath.orderConfirm.path(id), context.text(.orderConfirmReceipt), context: context,
                        id: "confirm-receipt"))
            }
            if model.canMarkDelivered {
                buttons.append(
                    Widgets.postButton(
                        SitePath.orderDeliver.path(id), context.text(.orderMarkDelivered), context: context,
                        id: "mark-delivered"))
            }
            if model.isBuyer {
                buttons.append(
                    Widgets.postButton(
                        SitePath.contactShop.path(model.shopID), context.text(.chatContactSeller), context: context,
                        id: "contact-seller", style: "button secondary"))
            }
            if model.canCancel {
                buttons.append(
                    Widgets.postButton(
                        SitePath.orderCancel.path(id), context.text(.orderCancel), context: context, id: "cancel-order",
                        style: "button quiet"))
            }
            guard !buttons.isEmpty else { return .empty }
            return .div(.class("actions"), .id("order-actions"), .group(buttons))
        }

        private var history: Node<HTML.BodyContext> {
            .section(
                .class("box"),
                .h2(.safeText(context.text(.orderHistory))),
                .ol(
                    .class("history"), .id("order-history"),
                    .group(
                        model.events.map { event in
                            .li(
                                .element(
                                    named: "time",
                                    nodes: [
                                        Node<HTML.BodyContext>.attribute(
                                            named: "datetime", value: event.at.formatted(.iso8601)),
                                        .safeText(context.time(event.at)),
                                    ]),
                                .span(
                                    .class("step"),
                                    .safeText(
                                        (event.from.map { context.text($0.l10nKey) + " → " } ?? "")
                                            + context.text(event.to.l10nKey))),
                                .span(.class("why"), .safeText(OrderReason.text(event.reason, context)))
                            )
                        }))
            )
        }

        private var refunds: Node<HTML.BodyContext> {
            guard !model.refunds.isEmpty else { return .empty }
            return .section(
                .class("box"),
                .h2(.safeText(context.text(.orderRefunds))),
                .ul(
                    .class("history"),
                    .group(
                        model.refunds.map { refund in
                            .li(
                                .span(.safeText(context.time(refund.requestedAt))),
                                .span(.class("step"), .safeText(context.money(refund.amountMinor))),
                                .span(.class("tag"), .safeText(context.text(refund.status.l10nKey))),
                                .span(.class("why"), .safeText(refund.reason))
                            )
                        }))
            )
        }

        /// The shop says how the parcel travels and confirms it is sent.
        private var shipForm: Node<HTML.BodyContext> {
            guard model.canShip else { return .empty }
            let choices =
                [("", context.text(.orderShipChoose))]
                + Carrier.allCases.map { ($0.rawValue, context.text($0.l10nKey)) }
            let failed = model.errors[.carrier] != nil || model.errors[.trackingNumber] != nil
            return .form(
                .class("card"), .id("ship"), .method(.post), .action(SitePath.orderShip.path(model.id)),
                .novalidate(),
                .h2(.safeText(context.text(.orderShipTitle))),
                .if(failed, Widgets.alert(context.text(.formErrorSummary))),
                Layout.csrfField(context),
                FormField(
                    name: "carrier", label: .orderShipCarrier,
                    kind: .menu([FormField.MenuGroup(heading: nil, choices: choices)]), value: model.shipCarrier,
                    error: model.errors[.carrier]
                ).node(context),
                FormField(
                    name: "tracking", label: .orderShipTracking, kind: .identifier, value: model.shipTracking,
                    hint: .orderShipTrackingHint, error: model.errors[.trackingNumber]
                ).node(context),
                .button(
                    .type(.submit), .class("button"), .id("mark-shipped"), .safeText(context.text(.orderShipConfirm)))
            )
        }

        private var refundForm: Node<HTML.BodyContext> {
            guard model.canAskRefund else { return .empty }
            return Widgets.details(
                open: !model.errors.isEmpty, summary: context.text(.orderAskRefund),
                .form(
                    .class("card"), .id("refund-form"), .method(.post), .action(SitePath.orderRefund.path(model.id)),
                    .novalidate(),
                    .if(!model.errors.isEmpty, Widgets.alert(context.text(.formErrorSummary))),
                    Layout.csrfField(context),
                    FormField(
                        name: "amount", label: .fieldRefundAmount, kind: .decimal,
                        value: model.refundAmount.isEmpty
                            ? FormInput.yuanText(model.refundableMinor) : model.refundAmount,
                        error: model.errors[.amount]
                    ).node(context),
                    .p(.class("hint"), .safeText(context.text(.refundAtMost, context.money(model.refundableMinor)))),
                    FormField(
                        name: "reason", label: .fieldRefundReason, kind: .textArea(rows: 3),
                        value: model.refundReason, error: model.errors[.reason]
                    ).node(context),
                    .label(
                        .class("check"),
                        .input(.type(.checkbox), .name("return"), .value("1"), .id("return")),
                        .safeText(context.text(.fieldRefundReturn))),
                    .button(
                        .type(.submit), .class("button"), .id("ask-refund"), .safeText(context.text(.orderAskRefund)))
                )
            )
        }
    }
}
