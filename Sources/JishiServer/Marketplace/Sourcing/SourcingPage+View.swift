import Foundation
import JishiKit
import Marketplace
import Plot

extension SourcingPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.sourcingTitle), context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    .unwrap(model.error) { Widgets.alert($0) },
                    Widgets.back(SitePath.shop.path(model.shopID), model.shopName),
                    .h1(.safeText(context.text(.sourcingTitle))),
                    .p(.class("hint"), .safeText(context.text(.sourcingIntro))),
                    .h2(.safeText(context.text(.sourcingOffers))),
                    .if(model.offers.isEmpty, .p(.class("empty"), .safeText(context.text(.sourcingNoOffers)))),
                    .group(model.offers.map(offer)),
                    .if(
                        !model.producers.isEmpty,
                        .section(
                            .class("box"), .id("producers"),
                            .h2(.safeText(context.text(.sourcingProducers))),
                            .ul(.class("rows"), .group(model.producers.map(producer))))),
                    SupplyRows(
                        rows: model.bought, side: .reseller, shopID: model.shopID, title: .sourcingBought,
                        id: "bought", context: context
                    ).node,
                    SupplyRows(
                        rows: model.supplied, side: .producer, shopID: model.shopID, title: .sourcingSupplied,
                        id: "supplied", context: context
                    ).node,
                ])
        }

        private func offer(_ offer: Offer) -> Node<HTML.BodyContext> {
            let key = offer.productID.uuidString.lowercased()
            return .section(
                .class("box offer"), .id("offer-\(key)"),
                .h3(.safeText(offer.title)),
                .p(.class("meta"), .safeText(context.text(.sourcingFrom, offer.producerName))),
                .ul(
                    .class("facts"),
                    .group(
                        offer.variants.map { variant in
                            .li(
                                .strong(.safeText(variant.label)), .text(" "),
                                .safeText(context.text(.sourcingStock, context.number(variant.stock))),
                                .group(
                                    variant.tiers.map { tier in
                                        .span(
                                            .class("when"),
                                            .safeText(
                                                context.text(
                                                    .sourcingTier, context.number(tier.minQuantity),
                                                    context.money(tier.unitPriceMinor))))
                                    }))
                        })),
                offer.linkedProductID.map { linked in
                    .p(
                        .a(
                            .class("button secondary"), .id("linked-\(key)"),
                            .href(SitePath.editProduct.path(linked)),
                            .safeText(context.text(.sourcingListed))))
                }
                    ?? .form(
                        .class("card"), .method(.post), .action(SitePath.sourcingLink.path(model.shopID)),
                        Layout.csrfField(context),
                        .input(.type(.hidden), .name("product"), .value(key)),
                        .group(
                            offer.variants.map { variant in
                                let field = "price-" + variant.id.uuidString.lowercased()
                                return .div(
                                    .class("field"),
                                    .label(
                                        .for(field),
                                        .safeText(context.text(.sourcingYourPrice, variant.label))),
                                    .input(
                                        .type(.text), .name(field), .id(field), .class("in"),
                                        .attribute(named: "inputmode", value: "decimal"),
                                        .escaped(
                                            "value",
                                            model.typed[variant.id] ?? FormInput.yuanText(variant.retailPriceMinor))))
                            }),
                        .button(
                            .type(.submit), .class("button"), .id("link-\(key)"),
                            .safeText(context.text(.sourcingList)))
                    )
            )
        }

        private func producer(_ producer: Producer) -> Node<HTML.ListContext> {
            .li(
                .class("row"),
                .span(.class("t"), .safeText(producer.name)),
                .unwrap(producer.status) { status in
                    .span(.class("tag"), .safeText(context.text(.sourcingApprovalStatus, context.text(status.l10nKey))))
                },
                .if(
                    producer.status == nil || producer.status == .rejected || producer.status == .revoked,
                    Widgets.postButton(
                        SitePath.sourcingAsk.path(model.shopID), context.text(.sourcingAsk), context: context,
                        style: "button secondary", fields: [("producer", producer.shopID.uuidString.lowercased())]))
            )
        }
    }

    /// A list of supply orders with the steps the viewing side may take.
    struct SupplyRows {
        var rows: [SupplyRow]
        var side: SupplyService.Side
        var shopID: UUID
        var title: L10nKey
        var id: String
        var context: PageContext

        var node: Node<HTML.BodyContext> {
            .section(
                .class("box"), .id(id),
                .h2(.safeText(context.text(title))),
                .if(rows.isEmpty, .p(.class("empty"), .safeText(context.text(.sourcingNoSupplyOrders)))),
                .ul(.class("rows"), .group(rows.map(row)))
            )
        }

        private func row(_ row: SupplyRow) -> Node<HTML.ListContext> {
            .li(
                .class("supply-order"), .id("supply-\(row.id.uuidString.lowercased())"),
                .p(
                    Widgets.status(row.status, context), .text(" "),
                    .strong(.safeText(context.money(row.totalMinor))), .text(" "),
                    .span(.class("when"), .safeText(context.time(row.createdAt))), .text(" "),
                    .safeText(
                        row.kind == .bulk
                            ? context.text(.sourcingBulk, row.otherShop)
                            : context.text(.sourcingOtherShop, row.otherShop))),
                .ul(
                    .group(
                        row.lines.map { line in
                            .li(
                                .safeText(
                                    context.text(
                                        .sourcingSupplyLine, line.title, context.number(line.quantity),
                                        context.money(line.unitPriceMinor))))
                        })),
                .if(
                    side == .producer && row.kind == .dropShip,
                    .p(.class("hint"), .safeText(context.text(.sourcingDropShip, row.deliverTo)))),
                .group(
                    steps(row).map { step, label in
                        Widgets.postButton(
                            SitePath.supplyStep.path(shopID, row.id), context.text(label), context: context,
                            id: "\(step)-\(row.id.uuidString.lowercased())", fields: [("step", step)])
                    })
            )
        }

        /// The steps this side may take on the order now.
        private func steps(_ row: SupplyRow) -> [(String, L10nKey)] {
            switch (side, row.status, row.kind) {
            case (.producer, .paid, _): [("ship", .sourcingShip)]
            case (.producer, .shipped, _), (.reseller, .shipped, .bulk): [("deliver", .sourcingDeliver)]
            case (.reseller, .delivered, .bulk): [("confirm", .sourcingConfirm)]
            default: []
            }
        }
    }
}

extension ResellerApproval.Status {
    var l10nKey: L10nKey {
        switch self {
        case .requested: .approvalRequested
        case .approved: .approvalApproved
        case .rejected: .approvalRejected
        case .revoked: .approvalRevoked
        }
    }
}
