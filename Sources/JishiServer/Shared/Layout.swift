import JishiKit
import Plot

/// The frame of every page: header with the brand, navigation and language switch; the page's
/// own content; a footer. Mobile first: one column at 360 px, large tap targets, system fonts
/// (CJK included), no external assets; the one script is the conversation page's (see
/// `Layout.chatScript`).
enum Layout {
    /// A page, styled by the one stylesheet file (`stylesheetPath`).
    static func page(title: String, context: PageContext, main: [Node<HTML.BodyContext>]) -> HTML {
        HTML(
            .attribute(named: "lang", value: context.language.htmlTag),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.safeText(context.text(.pageTitle, title))]),
                .meta(.name("color-scheme"), .content("light")),
                .link(.rel(.icon), .href("data:,")),
                .link(.rel(.stylesheet), .href(stylesheetPath))
            ),
            .body(
                .a(.class("skip"), .href("#main"), .safeText(context.text(.skipToContent))),
                siteHeader(context),
                .main(.id("main"), .group(main)),
                .footer(
                    .class("site"),
                    .p(.safeText(context.text(.footerAbout)))
                )
            )
        )
    }

    /// The logo: the first character of the Chinese name, in every language.
    private static let brandMark = String(Localization.string(.appName, .zhHans).prefix(1))

    private static func siteHeader(_ context: PageContext) -> Node<HTML.BodyContext> {
        .header(
            .class("site"),
            .div(
                .class("bar"),
                .a(
                    .class("brand"), .href(SitePath.home.path),
                    .span(.class("mark"), .attribute(named: "aria-hidden", value: "true"), .safeText(brandMark)),
                    .span(
                        .strong(.safeText(context.text(.appName))),
                        .small(.safeText(context.text(.appTagline)))
                    )
                ),
                languageSwitch(context)
            ),
            .nav(
                .class("nav"),
                .ul(.group(navigationItems(context)))
            )
        )
    }

    /// One button naming the other language in that language; a POST, so it carries the CSRF
    /// token, and it comes back to the page it was pressed on.
    private static func languageSwitch(_ context: PageContext) -> Node<HTML.BodyContext> {
        let other: JishiKit.Language = context.language == .zhHans ? .en : .zhHans
        return .form(
            .class("lang"), .method(.post), .action(SitePath.language.path),
            csrfField(context),
            .input(.type(.hidden), .name("next"), .escaped("value", context.languageReturnPath)),
            .button(
                .type(.submit), .escaped("name", "lang"), .escaped("value", other.rawValue),
                .escaped("lang", other.htmlTag), .escaped("title", context.text(.languageSwitchLabel)),
                .safeText(context.text(.languageSwitchOther))
            )
        )
    }

    private static func navigationItems(_ context: PageContext) -> [Node<HTML.ListContext>] {
        var items: [Node<HTML.ListContext>] = [
            navLink(.home, .navHome, context), navLink(.search, .navSearch, context),
        ]
        guard context.knowsViewer else { return items }
        if let viewer = context.viewer {
            items.append(navLink(.cart, .navCart, context))
            items.append(navLink(.orders, .navMyOrders, context))
            items.append(navLink(.messages, .navMessages, context))
            if viewer.canSell { items.append(navLink(.shops, .navMyShops, context)) }
            if viewer.canManage { items.append(navLink(.manage, .navManage, context)) }
            items.append(.li(.class("who"), .safeText(context.text(.signedInAs, viewer.displayName))))
            items.append(
                .li(
                    .form(
                        .method(.post), .action(SitePath.logOut.path),
                        csrfField(context),
                        .button(.type(.submit), .id("log-out"), .safeText(context.text(.navLogOut)))
                    )
                ))
        } else {
            items.append(navLink(.register, .navRegister, context))
            items.append(navLink(.logIn, .navLogIn, context))
        }
        return items
    }

    private static func navLink(_ path: SitePath, _ key: L10nKey, _ context: PageContext) -> Node<HTML.ListContext> {
        .li(
            .a(
                .href(path.path),
                .if(context.current == path, .attribute(named: "aria-current", value: "page")),
                .safeText(context.text(key))
            ))
    }

    /// The hidden field that repeats the `csrf` cookie.
    static func csrfField(_ context: PageContext) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("csrf"), .escaped("value", context.csrfToken))
    }
}
