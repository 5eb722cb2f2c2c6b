import JishiKit
import Plot

/// "Previous" and "next" links for a list a page at a time.
enum Pager {
    static func links(
        path: String, offset: Int, shown: Int, total: Int, pageSize: Int, context: PageContext
    ) -> Node<HTML.BodyContext> {
        let hasPrevious = offset > 0
        let hasNext = offset + shown < total
        guard hasPrevious || hasNext else { return .empty }
        let separator = path.contains("?") ? "&" : "?"
        return .nav(
            .class("pager"), .attribute(named: "aria-label", value: context.text(.pagerLabel)),
            .if(
                hasPrevious,
                .a(
                    .class("button secondary"), .attribute(named: "rel", value: "prev"),
                    .href(path + separator + "offset=\(max(offset - pageSize, 0))"),
                    .safeText(context.text(.pagerPrevious)))),
            .if(
                hasNext,
                .a(
                    .class("button secondary"), .attribute(named: "rel", value: "next"),
                    .href(path + separator + "offset=\(offset + pageSize)"), .safeText(context.text(.pagerNext))))
        )
    }
}
