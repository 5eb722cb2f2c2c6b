import Community
import Foundation
import JishiKit
import Logistics
import Plot
import Vapor

/// `GET /notifications`: what Jishi has told the signed-in account in the app (a parcel waiting
/// at its station …), newest first, each with its link.
enum NotificationsPage {
    struct Row: Equatable, Sendable {
        var body: String
        var link: String?
        var at: Date
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let rows = try await ParcelNotifier.notifications(of: principal.accountID, on: request.db).map {
            Row(body: $0.body, link: $0.link.flatMap(SitePath.pagePath), at: $0.createdAt)
        }
        let view = View(rows: rows, context: PageContext(session: session, current: .notifications))
        return WebPage.response(view.html, session: session)
    }

    struct View {
        var rows: [Row]
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.notificationsTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.notificationsTitle))),
                    .if(
                        rows.isEmpty,
                        .p(.class("empty"), .id("no-notifications"), .safeText(context.text(.notificationsEmpty)))),
                    .ul(
                        .class("rows"), .id("notifications"),
                        .group(
                            rows.map { row in
                                .li(
                                    .class("row"),
                                    .span(.class("when"), .safeText(context.time(row.at))),
                                    .span(.class("items"), .safeText(row.body)),
                                    .unwrap(row.link) {
                                        .a(.href($0), .safeText(context.text(.notificationsTrack)))
                                    })
                            })),
                ])
        }
    }
}
