import Foundation
import JishiKit
import Marketplace
import Plot

/// Stars as the pages draw them: a rating summary (mean per dimension, with the count) and
/// one review with the shop's reply.
enum RatingView {
    /// "4.7": one decimal, the same in both languages.
    static func mean(_ value: Double) -> String { String(format: "%.1f", value) }

    /// "★★★★☆" for 4 of 5, with the number for screen readers.
    static func stars<Context: HTML.BodyContext>(_ count: Int, _ context: PageContext) -> Node<Context> {
        let count = min(max(count, 0), 5)
        return .span(
            .class("stars"), .attribute(named: "role", value: "img"),
            .escaped("aria-label", context.text(.ratingStarsOutOf, String(count))),
            .safeText(String(repeating: "★", count: count) + String(repeating: "☆", count: 5 - count)))
    }

    /// The short form for lists: "★ 4.7 (12)", or "no reviews yet".
    static func short(_ rating: RatingSummary, _ context: PageContext) -> String {
        guard let overall = rating.overall else { return context.text(.ratingNone) }
        return context.text(.ratingShort, mean(overall), context.number(rating.count))
    }

    /// The three dimensions' means and how many reviews they come from.
    static func summary<Context: HTML.BodyContext>(_ rating: RatingSummary, _ context: PageContext, id: String)
        -> Node<Context>
    {
        guard let described = rating.described, let service = rating.service, let shipping = rating.shipping,
            let overall = rating.overall
        else {
            return .p(.class("empty"), .id(id), .safeText(context.text(.ratingNone)))
        }
        return .div(
            .class("rating"), .id(id),
            .p(
                .class("overall"),
                .strong(.safeText(mean(overall))),
                .safeText(
                    " "
                        + (rating.count == 1
                            ? context.text(.ratingCountOne) : context.text(.ratingCount, context.number(rating.count))))
            ),
            Widgets.facts([
                (context.text(.ratingDescribed), mean(described)),
                (context.text(.ratingService), mean(service)),
                (context.text(.ratingShipping), mean(shipping)),
            ])
        )
    }

    /// One review: who and when, the stars per dimension, the text, and the reply if any.
    /// `extra` is what the page adds below (a reply form, a report form).
    static func review(
        _ row: ReviewRow, _ context: PageContext, showProduct: Bool = false, extra: [Node<HTML.BodyContext>] = []
    ) -> Node<HTML.ListContext> {
        .li(
            .class("box review"), .id("review-\(row.id.uuidString.lowercased())"),
            .p(
                .class("meta"),
                .if(showProduct, .group(.a(.href(SitePath.product.path(row.productID)), .safeText(row.productTitle)))),
                .if(showProduct, .safeText(" · ")),
                .safeText(row.buyerName + " · " + context.time(row.createdAt))
            ),
            .ul(
                .class("dims"),
                .li(.safeText(context.text(.ratingDescribed) + " "), stars(row.ratings.described, context)),
                .li(.safeText(context.text(.ratingService) + " "), stars(row.ratings.service, context)),
                .li(.safeText(context.text(.ratingShipping) + " "), stars(row.ratings.shipping, context))
            ),
            .if(!row.text.isEmpty, .p(.class("desc review-text"), .safeText(row.text))),
            .if(
                !row.photos.isEmpty,
                .div(
                    .class("thumbs review-photos"),
                    .group(
                        row.photos.map { name in
                            .a(
                                .href(PhotoRoutes.path(name)),
                                .img(
                                    .src(PhotoRoutes.path(name)), .alt(context.text(.reviewPhotoAlt)),
                                    .attribute(named: "width", value: "72"), .attribute(named: "height", value: "72"),
                                    .attribute(named: "loading", value: "lazy")))
                        }))),
            .unwrap(row.reply) { reply in
                .div(
                    .class("reply"),
                    .p(.class("meta"), .safeText(context.text(.reviewShopReplied))),
                    .p(.class("desc reply-text"), .safeText(reply)))
            },
            .group(extra)
        )
    }
}
