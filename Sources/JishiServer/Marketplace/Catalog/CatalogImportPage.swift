import Community
import Foundation
import JishiKit
import Marketplace
import Plot
import Vapor

/// `/shops/:shop/catalogue/import`: the shop's staff load many products, variants, prices,
/// stock and photos at once from a CSV file (``CatalogFile``) and a ZIP of photos, as
/// `jishi import products` does: checked whole, all or nothing, every bad line and column named
/// on the page. `/shops/:shop/catalogue/export` downloads the catalogue in the same format, and
/// `/shops/:shop/catalogue/export/photos` the photos it names in a ZIP.
/// A file larger than ``inlineBytes`` is imported in the background (`CatalogImportQueue`),
/// followed on its own page (``CatalogImportRunPage``).
enum CatalogImportPage {
    /// A village shop's file and its photos; larger catalogues go through `jishi import products`.
    static let maxBytes = 64 * 1024 * 1024
    /// Up to this much CSV (about 1,500 rows) is imported while the page waits; more goes to
    /// the background, with a page that shows how far it has got.
    static let inlineBytes = 256 * 1024

    struct Model: Sendable {
        var shopID: UUID
        var done: String?
        var failure: String?
        var errors: [CSVFile.LineError] = []
        var recent: [CatalogImportRun] = []
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let shopID = try request.pageID("shop")
        var model = Model(shopID: shopID)
        model.recent = try await queue(request).recent(of: shopID, for: principal, on: request.db)
        return page(model, session: session)
    }

    static func queue(_ request: Request) -> CatalogImportQueue {
        CatalogImportQueue(context: request.jishi.marketplace, store: request.jishi.photos)
    }

    struct Upload: Content {
        var csrf: String?
        var file: File?
        var photos: File?
    }

    @Sendable static func load(_ request: Request) async throws -> Response {
        let (session, principal, shopID) = try await staff(request)
        let upload = try VerifiedForm.decode(Upload.self, from: request, session: session)
        let context = PageContext(session: session, current: .catalogImport)
        var model = Model(shopID: shopID)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            model.failure = context.text(.catalogImportNoFile)
            return page(model, session: session, status: .badRequest)
        }
        let data = Data(buffer: file.data)
        if data.count > inlineBytes {
            let photos = upload.photos.flatMap { $0.data.readableBytes > 0 ? Data(buffer: $0.data) : nil }
            let run = try await queue(request).submit(
                data, fileName: file.filename, photos: photos, into: shopID, by: principal, on: request.db)
            return WebPage.redirect(
                toPath: SitePath.catalogImportRun.path(shopID, try run.requireID()), session: session)
        }
        // ZIPFoundation reads an archive from a file: the upload is kept in a temporary one.
        var zipURL: URL?
        defer { if let zipURL { try? FileManager.default.removeItem(at: zipURL) } }
        var archive: PhotoArchive?
        if let photos = upload.photos, photos.data.readableBytes > 0 {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "jishi-import-\(UUID().uuidString).zip")
            zipURL = url
            do {
                try Data(buffer: photos.data).write(to: url)
                archive = try PhotoArchive(url: url)
            } catch {
                model.failure = context.text(.catalogImportBadZip)
                return page(model, session: session, status: .badRequest)
            }
        }
        do {
            let done = try await CatalogImport(context: request.jishi.marketplace).run(
                data, photos: archive, store: request.jishi.photos, into: shopID, by: principal, on: request.db)
            model.done = context.text(
                .catalogImportDone, context.number(done.productsAdded), context.number(done.productsUpdated),
                context.number(done.variantsAdded), context.number(done.variantsUpdated),
                context.number(done.variantsUnchanged), context.number(done.photosAdded))
        } catch let refused as CSVFile.Refused {
            model.failure = context.text(.catalogImportRefused, context.number(refused.errors.count))
            model.errors = refused.errors
            return page(model, session: session, status: .unprocessableEntity)
        }
        return page(model, session: session)
    }

    /// The signed-in session, its account and the page's shop, once the account is known to be
    /// of the shop's staff.
    static func staff(_ request: Request) async throws -> (WebSession, Principal, UUID) {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let shopID = try request.pageID("shop")
        _ = try await request.jishi.shops.requireStaff(of: shopID, principal, on: request.db)
        return (session, principal, shopID)
    }

    @Sendable static func export(_ request: Request) async throws -> Response {
        let (_, _, shopID) = try await staff(request)
        var data = Data()
        try await CatalogExport().run(shopID: shopID, on: request.db) { data.append($0) }
        return WebPage.csvDownload(
            String(decoding: data, as: UTF8.self), name: "jishi-catalogue-\(shopID.uuidString.lowercased()).csv")
    }

    @Sendable static func exportPhotos(_ request: Request) async throws -> Response {
        let (_, _, shopID) = try await staff(request)
        return try await CataloguePhotosDownload.make(request, shopID: shopID).response(
            name: "jishi-catalogue-\(shopID.uuidString.lowercased())-photos.zip")
    }

    private static func page(_ model: Model, session: WebSession, status: HTTPResponseStatus = .ok) -> Response {
        let context = PageContext(session: session, current: .catalogImport)
        return WebPage.response(View(model: model, context: context).html, status: status, session: session)
    }

    struct View {
        var model: Model
        var context: PageContext

        /// At most this many bad rows are listed; the count says how many there were.
        static let shownErrors = 500

        var html: HTML {
            Layout.page(
                title: context.text(.catalogImportTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.catalogImportTitle))),
                    .unwrap(model.done) { .div(.id("import-done"), Widgets.notice($0)) },
                    .unwrap(model.failure) { .div(.id("import-failure"), Widgets.alert($0)) },
                    Self.errorList(model.errors, count: model.errors.count, context: context),
                    .p(.class("meta"), .safeText(context.text(.catalogImportIntro))),
                    .p(
                        .class("meta mono"),
                        .safeText(
                            context.text(
                                .catalogImportColumns, CatalogFile.requiredColumns.joined(separator: ","),
                                CatalogFile.optionalColumns.joined(separator: ",")))),
                    form,
                    .p(
                        .a(
                            .class("button"), .id("export-catalogue"), .href(SitePath.catalogExport.path(model.shopID)),
                            .safeText(context.text(.catalogImportExport))),
                        .text(" "),
                        .a(
                            .class("button"), .id("export-photos"),
                            .href(SitePath.catalogExportPhotos.path(model.shopID)),
                            .safeText(context.text(.catalogImportExportPhotos)))),
                    .p(.class("hint"), .safeText(context.text(.catalogImportExportHint))),
                    .if(!model.recent.isEmpty, recent),
                ])
        }

        /// The bad rows, `count` of them in all (of which `errors` are kept).
        static func errorList(_ errors: [CSVFile.LineError], count: Int, context: PageContext) -> Node<
            HTML.BodyContext
        > {
            .if(
                !errors.isEmpty,
                .ul(
                    .class("errors"), .id("import-errors"),
                    .group(errors.prefix(shownErrors).map { .li(.class("mono"), .safeText(line($0, context))) }),
                    .if(
                        count > min(errors.count, shownErrors),
                        .li(
                            .safeText(
                                context.text(
                                    .catalogImportMoreErrors,
                                    context.number(count - min(errors.count, shownErrors))))))))
        }

        private static func line(_ error: CSVFile.LineError, _ context: PageContext) -> String {
            if let column = error.column {
                return context.text(.catalogImportLineColumn, String(error.line), column, error.message)
            }
            return context.text(.catalogImportLine, String(error.line), error.message)
        }

        private var recent: Node<HTML.BodyContext> {
            .section(
                .id("recent-imports"),
                .h2(.safeText(context.text(.catalogImportRecent))),
                .ul(
                    .group(
                        model.recent.compactMap { run in
                            guard let id = run.id else { return nil }
                            return .li(
                                .a(
                                    .href(SitePath.catalogImportRun.path(model.shopID, id)),
                                    .safeText(
                                        context.text(
                                            .catalogImportRecentItem, context.time(run.createdAt), run.fileName,
                                            CatalogImportRunPage.statusText(run.status, context)))))
                        })))
        }

        private var form: Node<HTML.BodyContext> {
            .form(
                .class("card"), .id("catalogue-import-form"), .method(.post),
                .action(SitePath.catalogImport.path(model.shopID)), .enctype(.multipartData),
                Layout.csrfField(context),
                .label(
                    .for("file"), .safeText(context.text(.catalogImportFile)),
                    .input(
                        .type(.file), .name("file"), .id("file"), .required(true),
                        .attribute(named: "accept", value: ".csv,text/csv"))),
                .label(
                    .for("photos"), .safeText(context.text(.catalogImportPhotos)),
                    .input(
                        .type(.file), .name("photos"), .id("photos"),
                        .attribute(named: "accept", value: ".zip,application/zip"))),
                .button(
                    .type(.submit), .class("button"), .id("import"), .safeText(context.text(.catalogImportSend))))
        }
    }
}
