import JishiKit
import Plot

extension PackingListPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.packingListTitle), context: context,
                main: [
                    .div(
                        .class("noprint"),
                        Widgets.back(SitePath.shopOrders.path(model.shopID), context.text(.shopOrdersTitle))),
                    .h1(.safeText(context.text(.packingListTitle))),
                    .p(
                        .class("meta"),
                        .safeText(
                            context.text(
                                .packingListSummary, model.shopName, context.number(model.entries.count),
                                context.time(model.printedAt)))),
                    .p(.class("hint noprint"), .safeText(context.text(.packingListPrintHint))),
                    .if(
                        !model.entries.isEmpty,
                        .group(
                            .button(
                                .type(.button), .id("print"), .class("button noprint"), .attribute(named: "hidden"),
                                .safeText(context.text(.packingListPrint))),
                            .element(named: "script", nodes: [.raw(Layout.printScript)]))),
                    .if(model.entries.isEmpty, .p(.class("empty"), .safeText(context.text(.shopOrdersEmpty)))),
                    .group(model.entries.map(slip)),
                ])
        }

        private func slip(_ entry: Entry) -> Node<HTML.BodyContext> {
            let place = [entry.village?.primary(context.language), entry.address].compactMap { $0 }
                .joined(separator: " ")
            return .section(
                .class("box slip"), .id("slip-\(entry.id.uuidString.lowercased())"),
                .h2(.safeText(context.text(.packingListOrder, PackingListPage.number(entry.id)))),
                Widgets.facts([
                    (context.text(.fieldRecipient), entry.recipient),
                    (context.text(.fieldPhone), entry.phone),
                    (context.text(.fieldAddress), place),
                    (context.text(.packingListOrdered), context.time(entry.createdAt)),
                ]),
                .table(
                    .class("pack"),
                    .thead(
                        .tr(
                            .th(.safeText(context.text(.packingListItem))),
                            .th(.safeText(context.text(.packingListQuantity))),
                            .th(.safeText(context.text(.packingListPacked))))),
                    .tbody(
                        .group(
                            entry.lines.map { line in
                                .tr(
                                    .td(
                                        .span(.safeText(line.title)),
                                        .if(
                                            !line.variantName.isEmpty,
                                            .strong(.class("vn"), .safeText(line.variantName))),
                                        .span(.class("meta"), .safeText(context.text(.orderLineCode, line.sku)))),
                                    .td(.class("n"), .safeText(context.number(line.quantity))),
                                    .td(.class("box-tick"), .raw("&#9744;")))
                            }))
                )
            )
        }
    }
}
