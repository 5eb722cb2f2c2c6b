import JishiKit
import Marketplace
import Plot

extension ModeratedShopsPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.moderationShopsTitle), context: context,
                main: [
                    Widgets.back(SitePath.manage.path, context.text(.manageTitle)),
                    .h1(.safeText(context.text(.moderationShopsTitle))),
                    .nav(
                        .class("tabs"), .attribute(named: "aria-label", value: context.text(.moderationShopsTitle)),
                        .group(ModeratedShopsPage.filters.map(tab))),
                    .if(model.rows.isEmpty, .p(.class("empty"), .safeText(context.text(.moderationNoShops)))),
                    .ul(
                        .class("rows"), .id("moderated-shops"),
                        .group(
                            model.rows.map { row in
                                .li(
                                    .a(
                                        .class("row"), .id("shop-\(row.id.uuidString.lowercased())"),
                                        .href(SitePath.moderatedShop.path(row.id)),
                                        .span(.class("t"), .safeText(row.name)),
                                        .span(.class("tag"), .safeText(context.text(row.status.l10nKey))),
                                        .unwrap(row.village) {
                                            .span(.class("when"), .safeText($0.primary(context.language)))
                                        }
                                    ))
                            })),
                    Pager.links(
                        path: model.path, offset: model.offset, shown: model.rows.count, total: model.total,
                        pageSize: ModeratedShopsPage.pageSize, context: context),
                ])
        }

        private func tab(_ status: Shop.Status?) -> Node<HTML.BodyContext> {
            .a(
                .href(SitePath.moderatedShops.path + (status.map { "?status=\($0.rawValue)" } ?? "")),
                .id("filter-\(status?.rawValue ?? "all")"),
                .if(model.filter == status, .attribute(named: "aria-current", value: "page")),
                .safeText(status.map { context.text($0.l10nKey) } ?? context.text(.moderationAllShops)))
        }
    }
}
