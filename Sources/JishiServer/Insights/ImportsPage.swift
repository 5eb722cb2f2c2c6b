import Community
import Foundation
import Insights
import JishiKit
import Plot
import Vapor

/// `/insights/imports`: the county office loads a CSV file — the division list (admins of
/// everywhere), or its sellers' shops and monthly sales on other platforms (officials and
/// admins of the county) — as `jishi import` does: checked whole, all or nothing, every bad line
/// named on the page.
enum ImportsPage {
    /// A county's files fit; a province's go through `jishi import`.
    static let maxBytes = 8 * 1024 * 1024

    enum Kind: String, CaseIterable, Sendable {
        case geography, shops, sales

        var label: L10nKey {
            switch self {
            case .geography: .importsGeography
            case .shops: .importsShops
            case .sales: .importsSales
            }
        }

        var columns: [String] {
            switch self {
            case .geography: GeographyImport.columns
            case .shops: ShopsImport.columns
            case .sales: SalesImport.columns
            }
        }
    }

    struct Model: Sendable {
        var kinds: [Kind]
        var chosen: Kind = .shops
        var done: String?
        var failure: String?
        var errors: [CSVFile.LineError] = []
    }

    /// The kinds of file `principal` may load; a `403` when none.
    static func kinds(for principal: Principal) throws -> [Kind] {
        var kinds: [Kind] = []
        if Authorization.may(principal, .manageGeography, .place(Place())) { kinds.append(.geography) }
        if (try? PlatformCodes.requireReporter(principal)) != nil { kinds += [.shops, .sales] }
        guard !kinds.isEmpty else {
            throw Problem.forbidden("The county's officials and admins load figures.")
        }
        return kinds
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let kinds = try kinds(for: principal)
        var model = Model(kinds: kinds, chosen: kinds.contains(.shops) ? .shops : kinds[0])
        if let kind = request.query[String.self, at: "kind"].flatMap(Kind.init(rawValue:)), kinds.contains(kind) {
            model.chosen = kind
        }
        return page(model, session: session)
    }

    struct Upload: Content {
        var csrf: String?
        var kind: String?
        var file: File?
    }

    @Sendable static func load(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let kinds = try kinds(for: principal)
        let upload = try VerifiedForm.decode(Upload.self, from: request, session: session)
        let context = PageContext(session: session, current: .insightsImports)
        guard let kind = upload.kind.flatMap(Kind.init(rawValue:)), kinds.contains(kind) else {
            throw Problem.validation("kind", "Choose what the file holds.")
        }
        var model = Model(kinds: kinds, chosen: kind)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            model.failure = context.text(.importsNoFile)
            return page(model, session: session, status: .badRequest)
        }
        let data = Data(buffer: file.data)
        let insights = request.jishi.insightsContext
        do {
            switch kind {
            case .geography:
                let done = try await GeographyImport(context: insights).run(data, by: principal, on: request.db)
                let all = [done.counties, done.towns, done.villages]
                model.done = context.text(
                    .importsDone, context.number(all.reduce(0) { $0 + $1.added }),
                    context.number(all.reduce(0) { $0 + $1.updated }),
                    context.number(all.reduce(0) { $0 + $1.unchanged }))
            case .shops:
                let done = try await ShopsImport(context: insights).run(data, by: principal, on: request.db)
                model.done = context.text(
                    .importsDone, context.number(done.added), context.number(done.updated),
                    context.number(done.unchanged))
            case .sales:
                let done = try await SalesImport(context: insights).run(data, by: principal, on: request.db)
                model.done = context.text(.importsDoneSales, context.number(done.written))
            }
        } catch let refused as CSVFile.Refused {
            model.failure = context.text(.importsRefused)
            model.errors = refused.errors
            return page(model, session: session, status: .badRequest)
        }
        return page(model, session: session)
    }

    private static func page(_ model: Model, session: WebSession, status: HTTPResponseStatus = .ok) -> Response {
        let context = PageContext(session: session, current: .insightsImports)
        return WebPage.response(View(model: model, context: context).html, status: status, session: session)
    }

    struct View {
        var model: Model
        var context: PageContext

        /// At most this many bad rows are listed; the count says how many there were.
        static let shownErrors = 200

        var html: HTML {
            Layout.page(
                title: context.text(.importsTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.importsTitle))),
                    .unwrap(model.done) { Widgets.notice($0) },
                    .unwrap(model.failure) { Widgets.alert($0) },
                    .if(
                        !model.errors.isEmpty,
                        .ul(
                            .class("errors"), .id("import-errors"),
                            .group(
                                model.errors.prefix(Self.shownErrors).map {
                                    .li(.class("mono"), .safeText($0.description))
                                }
                            ))),
                    .p(.class("meta"), .safeText(context.text(.importsIntro))),
                    form,
                ])
        }

        private var form: Node<HTML.BodyContext> {
            .form(
                .class("card"), .id("import-form"), .method(.post), .action(SitePath.insightsImports.path),
                .enctype(.multipartData),
                Layout.csrfField(context),
                .h2(.safeText(context.text(.importsKind))),
                .group(model.kinds.map(choice)),
                .label(
                    .for("file"), .safeText(context.text(.importsFile)),
                    .input(
                        .type(.file), .name("file"), .id("file"), .attribute(named: "accept", value: ".csv,text/csv"))),
                .button(.type(.submit), .class("button"), .id("load"), .safeText(context.text(.importsSend))))
        }

        private func choice(_ kind: Kind) -> Node<HTML.FormContext> {
            let columns = context.text(.importsColumns, kind.columns.joined(separator: ","))
            return .label(
                .class("choice import-kind"),
                .input(
                    .type(.radio), .name("kind"), .value(kind.rawValue), .id("kind-\(kind.rawValue)"),
                    .checked(kind == model.chosen)),
                .safeText(context.text(kind.label)),
                .span(.class("meta mono"), .safeText(columns)))
        }
    }
}

extension Layout {
    /// The recognition report's verdicts and the imports' error list.
    static let insightsStylesheet = """
        .tag-yes{background:#dcefdc;color:#1d5e20}
        .reason{display:block}
        .errors{margin:8px 0;padding-left:20px;color:#8a1c12}
        .errors .mono,.import-kind .mono{font-family:ui-monospace,monospace;word-break:break-all}
        .card .import-kind{flex-wrap:wrap;gap:4px 10px;padding:6px 12px}
        .import-kind .meta{flex-basis:100%;margin:0;font-weight:400}

        """
}
