import JishiKit
import Marketplace
import Plot

extension ShopOrdersPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.shopOrdersTitle), context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    Widgets.back(SitePath.shop.path(model.shopID), model.shopName),
                    .h1(.safeText(context.text(.shopOrdersTitle))),
                    .nav(
                        .class("tabs"), .attribute(named: "aria-label", value: context.text(.shopOrdersFilter)),
                        .group(ShopOrdersPage.filters.map(tab))),
                    .if(
                        model.rows.isEmpty,
                        .p(.class("empty"), .id("no-orders"), .safeText(context.text(.shopOrdersEmpty))),
                        else: .form(
                            .class("inline"), .id("packing-form"), .method(.get),
                            .action(SitePath.packingList.path(model.shopID)),
                            .button(
                                .type(.submit), .class("button secondary"), .id("print-packing"),
                                .safeText(context.text(.packingListChosen)))
                        )
                    ),
                    .ul(.class("rows"), .id("shop-order-list"), .group(model.rows.map(row))),
                    Pager.links(
                        path: model.path, offset: model.offset, shown: model.rows.count, total: model.total,
                        pageSize: ShopOrdersPage.pageSize, context: context),
                ])
        }

        private func tab(_ status: OrderStatus?) -> Node<HTML.BodyContext> {
            let path = SitePath.shopOrders.path(model.shopID) + (status.map { "?status=\($0.rawValue)" } ?? "")
            let label =
                status.map { $0 == .paid ? context.text(.shopToShip) : context.text($0.l10nKey) }
                ?? context.text(.shopOrdersAll)
            return .a(
                .href(path), .id("filter-\(status?.rawValue ?? "all")"),
                .if(model.filter == status, .attribute(named: "aria-current", value: "page")),
                .safeText(label))
        }

        private func row(_ row: Row) -> Node<HTML.ListContext> {
            let key = row.id.uuidString.lowercased()
            let place = [row.village?.primary(context.language), row.address].compactMap { $0 }.joined(separator: " ")
            return .li(
                .class("box order"), .id("order-\(key)"),
                .label(
                    .class("check"),
                    .input(
                        .type(.checkbox), .name("order[]"), .value(key), .id("pick-\(key)"),
                        .attribute(named: "form", value: "packing-form")),
                    .safeText(context.text(.packingListInclude))),
                .a(
                    .href(SitePath.order.path(row.id)), .class("row"),
                    .span(.class("t"), .safeText(row.recipient)),
                    .span(.class("when"), .safeText(context.time(row.createdAt))),
                    .span(.class("when"), .safeText(place)),
                    .span(
                        .class("when"),
                        .safeText(
                            row.lines.map { context.text(.packingLineShort, $0.title, context.number($0.quantity)) }
                                .joined(separator: context.text(.listSeparator)))),
                    .span(.class("price"), .safeText(context.money(row.totalMinor))),
                    Widgets.status(row.status, context)
                ),
                // Sending asks how the parcel travels: the order's shipping form.
                .if(
                    row.status == .paid && !row.dropShipped,
                    .a(
                        .class("button"), .id("ship-\(key)"), .href(SitePath.order.path(row.id) + "#ship"),
                        .safeText(context.text(.orderMarkShipped)))),
                .if(
                    row.status == .shipped && !row.dropShipped,
                    Widgets.postButton(
                        SitePath.orderDeliver.path(row.id), context.text(.orderMarkDelivered), context: context,
                        id: "deliver-\(key)", fields: [("next", model.path)]))
            )
        }
    }
}
