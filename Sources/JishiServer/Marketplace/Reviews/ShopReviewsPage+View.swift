import JishiKit
import Marketplace
import Plot

extension ShopReviewsPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.reviewsTitle), context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0.l10nKey)) },
                    Widgets.back(SitePath.shop.path(model.shopID), model.shopName),
                    .h1(.safeText(context.text(.reviewsTitle))),
                    RatingView.summary(model.rating, context, id: "shop-rating"),
                    .if(
                        model.reviews.isEmpty,
                        .p(.class("empty"), .id("no-reviews"), .safeText(context.text(.reviewsEmpty)))),
                    .ul(
                        .class("rows"), .id("review-list"),
                        .group(
                            model.reviews.map { row in
                                RatingView.review(row, context, showProduct: true, extra: replyForm(row))
                            })),
                    Pager.links(
                        path: model.path, offset: model.offset, shown: model.reviews.count, total: model.total,
                        pageSize: ShopReviewsPage.pageSize, context: context),
                ])
        }

        private func replyForm(_ row: ReviewRow) -> [Node<HTML.BodyContext>] {
            guard row.reply == nil else { return [] }
            let key = row.id.uuidString.lowercased()
            return [
                .form(
                    .class("inline-form"), .id("reply-form-\(key)"), .method(.post),
                    .action(SitePath.reviewReply.path(row.id)), .novalidate(),
                    Layout.csrfField(context),
                    FormField(
                        name: "text", label: .reviewReply, kind: .textArea(rows: 3), value: model.drafts[row.id] ?? "",
                        error: model.errors[row.id], id: "reply-\(key)"
                    ).node(context),
                    .button(
                        .type(.submit), .class("button"), .id("send-reply-\(key)"),
                        .safeText(context.text(.reviewSendReply)))
                )
            ]
        }
    }
}
