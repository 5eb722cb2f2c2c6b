import JishiKit
import Plot

extension ShopListPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.shopsTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.shopsTitle))),
                    .if(model.rows.isEmpty, .p(.class("empty"), .safeText(context.text(.shopsEmpty)))),
                    .ul(
                        .class("rows"), .id("shop-list"),
                        .group(
                            model.rows.map { row in
                                .li(
                                    .a(
                                        .class("row"), .href(SitePath.shop.path(row.id)),
                                        .span(.class("t"), .safeText(row.name)),
                                        .span(.class("tag"), .safeText(context.text(row.kind.l10nKey))),
                                        .span(.class("tag"), .safeText(context.text(row.status.l10nKey))),
                                        .span(
                                            .class("when"),
                                            .safeText(context.text(row.isOwner ? .shopRoleOwner : .shopRoleStaff)))
                                    ))
                            })),
                    .p(
                        .a(
                            .class("button"), .id("open-shop"), .href(SitePath.openShop.path),
                            .safeText(context.text(.shopsOpenNew)))),
                ])
        }
    }
}
