import Community
import FluentKit
import Foundation
import JishiKit
import Plot
import Vapor

/// The outbox (`GET /admin/outbox`): every text message Jishi has sent, newest first, for an
/// admin of everywhere. Numbers are masked; `?phone=` narrows the list to one number.
enum OutboxPage {
    static let pageSize = 30

    struct Row: Equatable, Sendable {
        var recipient: String
        var purpose: String
        var body: String
        var sentAt: Date
    }

    struct Model: Equatable, Sendable {
        var rows: [Row]
        var total: Int
        var offset: Int
        /// The number the list is narrowed to, as typed.
        var filter: String
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        try Authorization.require(principal, .readMessages, .marketplace)
        let offset = FormInput.count((try? request.query.get(String.self, at: "offset")) ?? "") ?? 0
        let filter = String(((try? request.query.get(String.self, at: "phone")) ?? "").prefix(32))
        let page = try await OutboxSender.list(
            to: PhoneNumber(parsing: filter), page: JishiKit.PageRequest(limit: pageSize, offset: offset),
            on: request.db)
        let model = Model(
            rows: page.items.map {
                Row(recipient: $0.recipientNumber.masked, purpose: $0.purpose, body: $0.body, sentAt: $0.createdAt)
            }, total: page.total, offset: page.request.offset, filter: filter)
        let view = View(model: model, context: PageContext(session: session, current: .outbox))
        return WebPage.response(view.html, session: session)
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let path =
                model.filter.isEmpty ? SitePath.outbox.path : SitePath.outbox.path + "?phone=" + model.filter.digitsOnly
            return Layout.page(
                title: context.text(.outboxTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.outboxTitle))),
                    .p(.class("lead"), .safeText(context.text(.outboxIntro))),
                    .form(
                        .class("inline"), .id("outbox-filter"), .method(.get), .action(SitePath.outbox.path),
                        FormField(name: "phone", label: .phoneNumberLabel, kind: .phone, value: model.filter)
                            .node(context),
                        .button(.type(.submit), .class("button secondary"), .safeText(context.text(.outboxFilter)))
                    ),
                    .if(model.rows.isEmpty, .p(.class("empty"), .safeText(context.text(.outboxEmpty)))),
                    .ul(.class("rows"), .id("outbox"), .group(model.rows.map(row))),
                    Pager.links(
                        path: path, offset: model.offset, shown: model.rows.count, total: model.total,
                        pageSize: OutboxPage.pageSize, context: context),
                ])
        }

        private func row(_ row: Row) -> Node<HTML.ListContext> {
            .li(
                .class("row"),
                .span(.class("t"), .safeText(row.recipient)),
                .span(.class("when"), .safeText(context.time(row.sentAt))),
                .span(.class("items"), .safeText(row.body))
            )
        }
    }
}

extension String {
    /// Only the ASCII digits, for putting a typed number back into a link.
    fileprivate var digitsOnly: String { String(filter { $0.isASCII && $0.isNumber }) }
}
