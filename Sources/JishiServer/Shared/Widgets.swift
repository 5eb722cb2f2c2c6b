import Foundation
import JishiKit
import Marketplace
import Plot

/// Small pieces the marketplace pages share.
enum Widgets {
    /// A one-button form that POSTs to `path` with the CSRF token and `fields`.
    static func postButton<Context: HTML.BodyContext>(
        _ path: String, _ label: String, context: PageContext, id: String? = nil, style: String = "button",
        fields: [(String, String)] = []
    ) -> Node<Context> {
        .form(
            .class("inline"), .method(.post), .action(path),
            Layout.csrfField(context),
            .group(fields.map { .input(.type(.hidden), .escaped("name", $0.0), .escaped("value", $0.1)) }),
            .button(.type(.submit), .class(style), .unwrap(id) { .id($0) }, .safeText(label))
        )
    }

    /// A message about the whole page or form, read out by screen readers.
    static func alert<Context: HTML.BodyContext>(_ text: String) -> Node<Context> {
        .p(.class("alert"), .attribute(named: "role", value: "alert"), .safeText(text))
    }

    /// Good news after a form did what was asked ("Added to the cart").
    static func notice<Context: HTML.BodyContext>(_ text: String) -> Node<Context> {
        .p(.class("notice"), .attribute(named: "role", value: "status"), .safeText(text))
    }

    /// How far background work has got: a `<progress>` bar, "done/total" where bars are not drawn.
    static func progress<Context: HTML.BodyContext>(done: Int, total: Int) -> Node<Context> {
        .element(
            named: "progress",
            nodes: [
                .attribute(named: "max", value: String(max(1, total))),
                .attribute(named: "value", value: String(done)),
                .safeText("\(done)/\(total)"),
            ])
    }

    /// An order status as a coloured tag.
    static func status<Context: HTML.BodyContext>(_ status: OrderStatus, _ context: PageContext) -> Node<Context> {
        .span(.class("st st-\(status.rawValue)"), .safeText(context.text(status.l10nKey)))
    }

    /// A product photo, lazy-loaded, in a square box of `size` CSS pixels (the box is kept
    /// before the image arrives, so the page does not jump on a slow network).
    static func photo<Context: HTML.BodyContext>(_ photo: ProductPhoto?, alt: String, size: Int) -> Node<Context> {
        guard let photo else {
            return .span(.class("ph"), .attribute(named: "aria-hidden", value: "true"))
        }
        return .img(
            .class("ph"), .src(photoURL(photo)), .escaped("alt", alt), .attribute(named: "width", value: String(size)),
            .attribute(named: "height", value: String(size)), .attribute(named: "loading", value: "lazy"),
            .attribute(named: "decoding", value: "async"))
    }

    /// Where the photo-serving route answers for a photo.
    static func photoURL(_ photo: ProductPhoto) -> String { "/media/photos/" + photo.fileName }

    /// A definition list of label and value pairs.
    /// Label–value pairs; `amounts` when every value is a figure, which then never breaks and
    /// stands right-aligned after labels that wrap instead.
    static func facts<Context: HTML.BodyContext>(_ rows: [(String, String)], amounts: Bool = false) -> Node<Context> {
        .dl(
            .class(amounts ? "facts amounts" : "facts"),
            .group(rows.map { row in .group(.dt(.safeText(row.0)), .dd(.safeText(row.1))) }))
    }

    /// A part that opens and closes without script (`<details>`), open when `open`.
    static func details<Context: HTML.BodyContext>(
        open: Bool, summary: String, _ content: Node<HTML.BodyContext>...
    ) -> Node<Context> {
        let nodes: [Node<HTML.BodyContext>] =
            [
                open ? .attribute(named: "open") : .empty,
                .element(named: "summary", nodes: [Node<HTML.BodyContext>.safeText(summary)]),
            ] + content
        return .element(named: "details", nodes: nodes)
    }

    /// "‹ label" back to another page.
    static func back<Context: HTML.BodyContext>(_ path: String, _ label: String) -> Node<Context> {
        .p(.class("back"), .a(.href(path), .safeText("‹ " + label)))
    }
}
