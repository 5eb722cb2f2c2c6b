import Community
import JishiKit
import Plot

extension AccountListPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.adminAccountsTitle), context: context,
                main: [
                    Widgets.back(SitePath.manage.path, context.text(.manageTitle)),
                    .h1(.safeText(context.text(.adminAccountsTitle))),
                    .form(
                        .class("box"), .id("account-search"), .method(.get), .action(SitePath.manageAccounts.path),
                        FormField(
                            name: "q", label: .adminAccountsSearch, kind: .identifier, value: model.query,
                            hint: .adminAccountsSearchHint
                        ).node(context),
                        .button(
                            .type(.submit), .class("button secondary"), .safeText(context.text(.adminAccountsFind)))
                    ),
                    .if(model.rows.isEmpty, .p(.class("empty"), .safeText(context.text(.adminAccountsNone)))),
                    .ul(
                        .class("rows"), .id("account-list"),
                        .group(
                            model.rows.map { row in
                                .li(
                                    .a(
                                        .class("row"), .id("account-\(row.username)"),
                                        .href(SitePath.manageAccount.path(row.id)),
                                        .span(.class("t"), .safeText(row.displayName)),
                                        .span(.class("when"), .safeText(row.username)),
                                        .group(
                                            row.roles.map {
                                                .span(
                                                    .class("tag"), .safeText(context.text(AdministrationText.role($0))))
                                            })
                                    ))
                            })),
                    Pager.links(
                        path: model.path, offset: model.offset, shown: model.rows.count, total: model.total,
                        pageSize: AccountListPage.pageSize, context: context),
                ])
        }
    }
}
