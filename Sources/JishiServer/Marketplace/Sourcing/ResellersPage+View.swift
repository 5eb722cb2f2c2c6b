import Foundation
import JishiKit
import Marketplace
import Plot

extension ResellersPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.resellersTitle), context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    .unwrap(model.error) { Widgets.alert($0) },
                    Widgets.back(SitePath.shop.path(model.shopID), model.shopName),
                    .h1(.safeText(context.text(.resellersTitle))),
                    .p(.class("hint"), .safeText(context.text(.resellersIntro))),
                    .section(
                        .class("box"), .id("requests"),
                        .h2(.safeText(context.text(.resellersRequests))),
                        .if(
                            model.requests.isEmpty,
                            .p(.class("empty"), .safeText(context.text(.resellersNoRequests)))),
                        .ul(.class("rows"), .group(model.requests.map(request)))
                    ),
                    .group(model.products.map(product)),
                ])
        }

        private func request(_ row: RequestRow) -> Node<HTML.ListContext> {
            let decide = SitePath.resellerDecide.path(model.shopID, row.id)
            let choices: [(String, L10nKey)] =
                switch row.status {
                case .requested: [("approve", .resellersApprove), ("reject", .resellersReject)]
                case .approved: [("revoke", .resellersRevoke)]
                case .rejected, .revoked: [("approve", .resellersApprove)]
                }
            return .li(
                .class("row"), .id("request-\(row.id.uuidString.lowercased())"),
                .span(.class("t"), .safeText(row.resellerName)),
                .span(.class("tag"), .safeText(context.text(row.status.l10nKey))),
                .span(.class("when"), .safeText(context.time(row.requestedAt))),
                .if(!row.message.isEmpty, .p(.safeText(row.message))),
                .group(
                    choices.map { decision, label in
                        Widgets.postButton(
                            decide, context.text(label), context: context, style: "button secondary",
                            fields: [("decision", decision)])
                    })
            )
        }

        private func product(_ row: ProductRow) -> Node<HTML.BodyContext> {
            let key = row.id.uuidString.lowercased()
            // One line a product until the seller opens it: a shop with many products and
            // variants would otherwise be a page of prices thousands of pixels long.
            return .element(
                named: "details",
                nodes: [
                    .class("box offer"), .id("offer-\(key)"),
                    .element(
                        named: "summary",
                        nodes: [
                            .h2(.safeText(row.title)),
                            .span(
                                .class("tag"),
                                .safeText(context.text(row.audience == nil ? .resellersNotOffered : .resellersOffered))),
                        ]),
                    offerForm(row, key: key),
                ])
        }

        private func offerForm(_ row: ProductRow, key: String) -> Node<HTML.BodyContext> {
            .div(
                .form(
                    .class("card"), .method(.post), .action(SitePath.resellerOffer.path(model.shopID)),
                    Layout.csrfField(context),
                    .input(.type(.hidden), .name("product"), .value(key)),
                    .div(
                        .class("field"), .attribute(named: "role", value: "radiogroup"),
                        .attribute(named: "aria-label", value: context.text(.resellersAudience)),
                        .p(.class("label"), .safeText(context.text(.resellersAudience))),
                        audience("everyone", .resellersEveryone, row.audience != .approved, key: key),
                        audience("approved", .resellersApprovedOnly, row.audience == .approved, key: key)
                    ),
                    .group(row.variants.map { variant($0) }),
                    .button(
                        .type(.submit), .class("button"), .id("save-offer-\(key)"),
                        .safeText(context.text(.resellersSave)))
                ),
                .if(
                    row.audience != nil,
                    Widgets.postButton(
                        SitePath.resellerWithdraw.path(model.shopID), context.text(.resellersWithdraw),
                        context: context, style: "button secondary", fields: [("product", key)]))
            )
        }

        private func audience(_ value: String, _ label: L10nKey, _ checked: Bool, key: String)
            -> Node<HTML.FormContext>
        {
            let id = "audience-\(value)-\(key)"
            return .div(
                .class("choice"),
                .input(.type(.radio), .name("audience"), .value(value), .id(id), .checked(checked)),
                .label(.for(id), .safeText(context.text(label))))
        }

        private func variant(_ row: VariantRow) -> Node<HTML.FormContext> {
            let key = row.id.uuidString.lowercased()
            func field(_ name: String, _ label: String, _ value: String, numeric: Bool = false)
                -> Node<HTML.FormContext>
            {
                .div(
                    .class("field"),
                    .label(.for("\(name)-\(key)"), .safeText(label)),
                    .input(
                        .type(.text), .name("\(name)-\(key)"), .id("\(name)-\(key)"), .class("in"),
                        .attribute(named: "inputmode", value: numeric ? "numeric" : "decimal"),
                        .escaped("value", value)))
            }
            return .div(
                .class("pair"),
                field(
                    "base",
                    context.text(.resellersBasePrice, row.label + " (" + context.money(row.retailPriceMinor) + ")"),
                    row.base),
                field("from", context.text(.resellersBulkFrom), row.bulkFrom, numeric: true),
                field("bulk", context.text(.resellersBulkPrice), row.bulkPrice))
        }
    }
}
