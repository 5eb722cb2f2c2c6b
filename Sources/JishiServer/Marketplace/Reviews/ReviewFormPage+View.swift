import JishiKit
import Marketplace
import Plot

extension ReviewFormPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.reviewWrite), context: context,
                main: [
                    Widgets.back(SitePath.order.path(model.orderID), context.text(.orderTitle)),
                    .h1(.safeText(context.text(.reviewWrite))),
                    .p(.class("meta"), .id("review-item"), .safeText(model.item)),
                    .unwrap(model.failure) { Widgets.alert($0.text(context)) },
                    model.reviewed
                        ? .p(.class("notice"), .id("already-reviewed"), .safeText(context.text(.reviewDone)))
                        : model.canReview
                            ? form : .p(.class("alert"), .id("not-reviewable"), .safeText(context.text(.reviewNotYet))),
                ])
        }

        private var form: Node<HTML.BodyContext> {
            .form(
                .class("card"), .id("review-form"), .method(.post),
                .action(SitePath.reviewLine.path(model.orderID, model.lineID)), .novalidate(),
                .if(model.failure == nil && !model.errors.isEmpty, Widgets.alert(context.text(.formErrorSummary))),
                Layout.csrfField(context),
                starMenu(.described, label: .ratingDescribed, value: model.described),
                starMenu(.service, label: .ratingService, value: model.service),
                starMenu(.shipping, label: .ratingShipping, value: model.shipping),
                FormField(
                    name: "text", label: .reviewText, kind: .textArea(rows: 5), value: model.text,
                    hint: .reviewTextHint, error: model.errors[.text]
                ).node(context),
                .button(.type(.submit), .class("button"), .id("send-review"), .safeText(context.text(.reviewSend)))
            )
        }

        /// A menu of 1–5 stars, best first; nothing is chosen until the buyer chooses.
        private func starMenu(_ field: Field, label: L10nKey, value: String) -> Node<HTML.FormContext> {
            let choices =
                [("", context.text(.reviewChooseStars))]
                + (1...5).reversed().map { stars in
                    (
                        String(stars),
                        String(repeating: "★", count: stars) + " " + context.text(.ratingStarsOutOf, String(stars))
                    )
                }
            return FormField(
                name: field.rawValue, label: label, kind: .menu([FormField.MenuGroup(heading: nil, choices: choices)]),
                value: value, error: model.errors[field]
            ).node(context)
        }
    }
}
