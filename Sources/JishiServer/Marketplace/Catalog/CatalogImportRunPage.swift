import Foundation
import JishiKit
import Marketplace
import Plot
import Vapor

/// `/shops/:shop/catalogue/imports/:import`: a catalogue file imported in the background
/// (`CatalogImportQueue`), for the shop's staff: waiting, rows checked of all, rows written,
/// then what was imported, or every bad line and column. It reloads itself every few seconds
/// until the import ends, so it needs no script.
enum CatalogImportRunPage {
    static let refreshSeconds = 2

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let shopID = try request.pageID("shop")
        let runID = try request.pageID("import")
        let run = try await CatalogImportPage.queue(request).run(runID, of: shopID, for: principal, on: request.db)
        let context = PageContext(session: session, current: .catalogImportRun)
        return WebPage.response(View(run: run, shopID: shopID, context: context).html, session: session)
    }

    static func statusText(_ status: CatalogImportRun.Status, _ context: PageContext) -> String {
        switch status {
        case .queued: context.text(.catalogImportStatusQueued)
        case .checking: context.text(.catalogImportStatusChecking)
        case .writing: context.text(.catalogImportStatusWriting)
        case .indexing: context.text(.catalogImportStatusIndexing)
        case .done: context.text(.catalogImportStatusDone)
        case .refused: context.text(.catalogImportStatusRefused)
        case .failed: context.text(.catalogImportStatusFailed)
        }
    }

    struct View {
        var run: CatalogImportRun
        var shopID: UUID
        var context: PageContext

        var html: HTML {
            let waiting = !run.status.isFinished
            return Layout.page(
                title: context.text(.catalogImportRunTitle, run.fileName), context: context,
                main: [
                    .h1(.safeText(context.text(.catalogImportRunTitle, run.fileName))),
                    .p(
                        .class("meta"), .id("import-status"), .data(named: "status", value: run.status.rawValue),
                        .safeText(
                            context.text(
                                .catalogImportRecentItem, context.time(run.createdAt),
                                context.number(run.byteCount) + " B",
                                CatalogImportRunPage.statusText(run.status, context)
                            ))),
                    .if(waiting, progress),
                    ending,
                    .p(
                        .a(
                            .class("button secondary"), .id("import-again"),
                            .href(SitePath.catalogImport.path(shopID)), .safeText(context.text(.catalogImportBack)))),
                ], refresh: waiting ? CatalogImportRunPage.refreshSeconds : nil)
        }

        private var progress: Node<HTML.BodyContext> {
            let progress = CatalogImportQueue.progress(of: run)
            let text: String
            switch (run.status, progress) {
            case (.queued, _), (_, nil): text = context.text(.catalogImportQueued)
            case (_, let progress?) where progress.stage == .checking:
                text = context.text(
                    .catalogImportChecking, context.number(progress.done), context.number(progress.total))
            case (_, let progress?) where progress.stage == .indexing:
                text = context.text(.catalogImportIndexing, context.number(progress.total))
            case (_, let progress?):
                text = context.text(
                    .catalogImportWriting, context.number(progress.done), context.number(progress.total))
            }
            return .div(
                .class("box"), .id("import-progress"), .attribute(named: "role", value: "status"),
                .p(.safeText(text)),
                .unwrap(progress) { Widgets.progress(done: $0.done, total: $0.total) },
                .p(.class("meta"), .safeText(context.text(.catalogImportFollows))))
        }

        private var ending: Node<HTML.BodyContext> {
            switch run.status {
            case .queued, .checking, .writing, .indexing: return .empty
            case .done:
                let done = CatalogImportQueue.outcome(of: run) ?? CatalogImport.Outcome()
                return .div(
                    .id("import-done"),
                    Widgets.notice(
                        context.text(
                            .catalogImportDone, context.number(done.productsAdded),
                            context.number(done.productsUpdated),
                            context.number(done.variantsAdded), context.number(done.variantsUpdated),
                            context.number(done.variantsUnchanged), context.number(done.photosAdded))))
            case .refused:
                return .group(
                    .div(
                        .id("import-failure"),
                        Widgets.alert(context.text(.catalogImportRefused, context.number(run.errorCount)))),
                    CatalogImportPage.View.errorList(
                        CatalogImportQueue.errors(of: run), count: run.errorCount, context: context))
            case .failed:
                return .div(
                    .id("import-failure"), Widgets.alert(context.text(.catalogImportFailed, run.message ?? "")))
            }
        }
    }
}
