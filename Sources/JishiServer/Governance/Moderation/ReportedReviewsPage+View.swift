import JishiKit
import Plot

extension ReportedReviewsPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.moderationReviewsTitle), context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    .unwrap(model.failure) { Widgets.alert($0.text(context)) },
                    Widgets.back(SitePath.manage.path, context.text(.manageTitle)),
                    .h1(.safeText(context.text(.moderationReviewsTitle))),
                    .nav(
                        .class("tabs"), .attribute(named: "aria-label", value: context.text(.moderationReviewsTitle)),
                        tab(hidden: false, .moderationWaiting), tab(hidden: true, .moderationHidden)),
                    .if(
                        model.rows.isEmpty,
                        .p(.class("empty"), .id("no-reviews"), .safeText(context.text(.moderationNoReviews)))),
                    .ul(.class("rows"), .id("reported-reviews"), .group(model.rows.map(row))),
                    Pager.links(
                        path: model.path, offset: model.offset, shown: model.rows.count, total: model.total,
                        pageSize: ReportedReviewsPage.pageSize, context: context),
                ])
        }

        private func tab(hidden: Bool, _ key: L10nKey) -> Node<HTML.BodyContext> {
            .a(
                .href(SitePath.reportedReviews.path + (hidden ? "?show=hidden" : "")),
                .id(hidden ? "show-hidden" : "show-waiting"),
                .if(model.showHidden == hidden, .attribute(named: "aria-current", value: "page")),
                .safeText(context.text(key)))
        }

        private func row(_ row: Row) -> Node<HTML.ListContext> {
            let id = row.review.id
            let key = id.uuidString.lowercased()
            let field = FormField(
                name: "reason", label: model.showHidden ? .moderationRestoreReason : .moderationHideReason,
                kind: .textArea(rows: 2), value: model.drafts[id] ?? "", error: model.errors[id], id: "reason-\(key)")
            let action = model.showHidden ? SitePath.restoreReview.path(id) : SitePath.hideReview.path(id)
            return RatingView.review(
                row.review, context, showProduct: true,
                extra: [
                    .p(
                        .class("meta"),
                        .a(.href(SitePath.moderatedShop.path(row.shopID)), .safeText(row.shopName)),
                        .safeText(" · " + context.text(.moderationReportCount, context.number(row.reportCount)))),
                    .if(
                        !row.reasons.isEmpty,
                        .ul(
                            .class("reasons"),
                            .group(row.reasons.prefix(3).map { .li(.class("when"), .safeText($0)) }))),
                    .unwrap(row.lastDecision) {
                        .p(.class("meta"), .safeText(context.text(.moderationLastDecision, $0)))
                    },
                    .form(
                        .method(.post), .action(action),
                        Layout.csrfField(context),
                        .input(.type(.hidden), .name("next"), .escaped("value", model.path)),
                        field.node(context),
                        .button(
                            .type(.submit), .class("button"),
                            .id((model.showHidden ? "restore-" : "hide-") + key),
                            .safeText(context.text(model.showHidden ? .moderationRestore : .moderationHide)))
                    ),
                ])
        }
    }
}
