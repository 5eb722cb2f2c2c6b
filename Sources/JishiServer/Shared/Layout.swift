import JishiKit
import Plot

/// The frame of every page: header with the brand, navigation and language switch; the page's
/// own content; a footer. Mobile first: one column at 360 px, large tap targets, system fonts
/// (CJK included), no external assets. Scripts only where they earn their place, each inline
/// and allowed by its hash: the conversation page's (`Layout.chatScript`), the packing list's
/// print button, the courier's camera scanning and the station pages' offline worker
/// (`StationOffline`).
enum Layout {
    /// A page, styled by the one stylesheet file (`stylesheetPath`).
    /// `refresh`: seconds after which the browser loads the page again (a page that waits for
    /// background work), as a meta refresh.
    static func page(
        title: String, context: PageContext, main: [Node<HTML.BodyContext>], refresh: Int? = nil
    ) -> HTML {
        HTML(
            .attribute(named: "lang", value: context.language.htmlTag),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .unwrap(refresh) { .meta(.attribute(named: "http-equiv", value: "refresh"), .content(String($0))) },
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
                    .p(.a(.href(SitePath.track.path), .safeText(context.text(.trackingTitle)))),
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
            navigation(context)
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

    /// One row at any width: the links everyone uses most, then (for a signed-in account) a
    /// menu with the rest, a `<details>` that opens without script.
    private static func navigation(_ context: PageContext) -> Node<HTML.BodyContext> {
        let items = navigationItems(context)
        return .nav(
            .class("nav"),
            .div(
                .class("navrow"),
                .ul(.group(items.row)),
                .if(
                    !items.menu.isEmpty,
                    .element(
                        named: "details",
                        nodes: [
                            .class("menu"), .id("menu"),
                            .element(named: "summary", nodes: [.safeText(context.text(.navMenu))]),
                            .ul(.group(items.menu)),
                        ]))
            )
        )
    }

    private static func navigationItems(_ context: PageContext) -> (
        row: [Node<HTML.ListContext>], menu: [Node<HTML.ListContext>]
    ) {
        var row: [Node<HTML.ListContext>] = [navLink(.home, .navHome, context), navLink(.search, .navSearch, context)]
        var menu: [Node<HTML.ListContext>] = []
        guard context.knowsViewer else { return (row, menu) }
        if let viewer = context.viewer {
            row.append(navLink(.cart, .navCart, context))
            menu.append(.li(.class("who"), .safeText(context.text(.signedInAs, viewer.displayName))))
            menu.append(navLink(.orders, .navMyOrders, context))
            menu.append(navLink(.messages, .navMessages, context))
            menu.append(navLink(.notifications, .navNotifications, context))
            if viewer.canSell { menu.append(navLink(.shops, .navMyShops, context)) }
            if viewer.canManage { menu.append(navLink(.manage, .navManage, context)) }
            if viewer.drives { menu.append(navLink(.courier, .courierTitle, context)) }
            if viewer.books { menu.append(navLink(.bookings, .navBookings, context)) }
            if viewer.keepsCounter { menu.append(navLink(.stations, .navStation, context)) }
            menu.append(
                .li(
                    .form(
                        .method(.post), .action(SitePath.logOut.path),
                        csrfField(context),
                        .button(.type(.submit), .id("log-out"), .safeText(context.text(.navLogOut)))
                    )
                ))
        } else {
            row.append(navLink(.register, .navRegister, context))
            row.append(navLink(.logIn, .navLogIn, context))
        }
        return (row, menu)
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
