import Foundation
import JishiKit
import Marketplace
import Plot

extension ModeratedShopPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: model.name, context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    Widgets.back(SitePath.moderatedShops.path, context.text(.moderationShopsTitle)),
                    .h1(.id("shop-name"), .safeText(model.name)),
                    .p(
                        .class("meta"),
                        .span(.class("tag"), .id("shop-status"), .safeText(context.text(model.status.l10nKey))),
                        .span(.class("tag"), .safeText(context.text(model.kind.l10nKey))),
                        .unwrap(model.village) { .safeText($0.primary(context.language)) }
                    ),
                    .unwrap(model.statusReason.flatMap { $0.isEmpty ? nil : $0 }) {
                        .p(.class("meta"), .id("status-reason"), .safeText(context.text(.moderationStatusReason, $0)))
                    },
                    .if(
                        model.adminView,
                        .p(
                            .a(
                                .class("button secondary"), .id("admin-view"),
                                .href(AdminView.dashboard(model.shopID)),
                                .safeText(context.text(.adminViewOpen))))),
                    quality,
                    decision,
                    .if(
                        !model.events.isEmpty,
                        .section(
                            .class("box"), .id("shop-events"),
                            .h2(.safeText(context.text(.moderationEvents))),
                            .ul(.group(model.events.map(event))))),
                ])
        }

        private var quality: Node<HTML.BodyContext> {
            .section(
                .class("box"), .id("shop-quality"),
                .h2(.safeText(context.text(.ratingShopTitle))),
                RatingView.summary(model.rating, context, id: "shop-rating"),
                .p(
                    .class("meta"), .id("refund-rate"),
                    .safeText(
                        model.refundRate.map {
                            context.text(
                                .ratingRefundRate, RatingView.mean($0 * 100), context.number(model.refundedOrders),
                                context.number(model.paidOrders))
                        } ?? context.text(.ratingNoPaidOrders))),
                .if(
                    !model.trend.isEmpty,
                    .group(
                        .h3(.safeText(context.text(.moderationTrend))),
                        Widgets.facts(
                            model.trend.map { month in (month.month, RatingView.short(month.rating, context)) },
                            amounts: true)))
            )
        }

        private var decision: Node<HTML.BodyContext> {
            let suspends = model.suspends
            let field = FormField(
                name: "reason", label: suspends ? .moderationSuspendReason : .moderationReinstateReason,
                kind: .textArea(rows: 3), value: model.reason,
                hint: suspends ? .moderationSuspendHint : .moderationReinstateHint, error: model.error)
            return .form(
                .class("box"), .id(suspends ? "suspend-form" : "reinstate-form"), .method(.post),
                .action(suspends ? SitePath.suspendShop.path(model.shopID) : SitePath.reinstateShop.path(model.shopID)),
                Layout.csrfField(context),
                .h2(.safeText(context.text(suspends ? .moderationSuspend : .moderationReinstate))),
                field.node(context),
                .button(
                    .type(.submit), .class("button"), .id(suspends ? "suspend" : "reinstate"),
                    .safeText(context.text(suspends ? .moderationSuspend : .moderationReinstate)))
            )
        }

        private func event(_ event: Event) -> Node<HTML.ListContext> {
            let parts = event.change.components(separatedBy: " → ").compactMap(Shop.Status.init(rawValue:))
            let change =
                parts.count == 2
                ? context.text(parts[0].l10nKey) + " → " + context.text(parts[1].l10nKey) : event.change
            return .li(
                .span(.class("when"), .safeText(context.time(event.at))), .safeText(" " + change),
                .if(!event.reason.isEmpty, .safeText(context.text(.listSeparator) + event.reason)))
        }
    }
}
