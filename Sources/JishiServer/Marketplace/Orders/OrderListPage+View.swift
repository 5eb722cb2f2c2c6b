import JishiKit
import Plot

extension OrderListPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.ordersTitle), context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    .h1(.safeText(context.text(.ordersTitle))),
                    .if(
                        model.rows.isEmpty,
                        .p(
                            .class("empty"), .id("no-orders"), .safeText(context.text(.ordersEmpty)), .text(" "),
                            .a(.href(SitePath.search.path), .safeText(context.text(.cartGoShopping))))),
                    .ul(.class("rows"), .id("order-list"), .group(model.rows.map(row))),
                    Pager.links(
                        path: SitePath.orders.path, offset: model.offset, shown: model.rows.count, total: model.total,
                        pageSize: OrderListPage.pageSize, context: context),
                ])
        }

        private func row(_ row: Row) -> Node<HTML.ListContext> {
            .li(
                .a(
                    .href(SitePath.order.path(row.id)), .class("row"),
                    .span(.class("t"), .safeText(row.shopName)),
                    .span(
                        .class("items"),
                        .safeText(
                            row.lines.map {
                                context.text(.packingLineShort, $0.description, context.number($0.quantity))
                            }
                            .joined(separator: context.text(.listSeparator)))),
                    .span(.class("when"), .safeText(context.time(row.createdAt))),
                    .span(.class("price"), .safeText(context.money(row.totalMinor))),
                    Widgets.status(row.status, context)
                ))
        }
    }
}
