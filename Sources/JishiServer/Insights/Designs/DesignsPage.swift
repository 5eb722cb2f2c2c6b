import Community
import FluentKit
import Foundation
import Insights
import JishiKit
import Marketplace
import Plot
import Vapor

/// `/insights/designs`: the design registry. A seller files a design with photos and sees
/// its dated number; everyone sees the likely copies they are part of (the filer's shop, the
/// listing's shop, the office of either's town), says their piece, and the office decides
/// and takes a decided copy off sale.
enum DesignsPage {
    /// Photos the filing form may carry; more are added to the filing afterwards.
    static let formPhotos = 3
    static let maxBytes = formPhotos * (PhotoStore.defaultMaximumBytes + 64 * 1024) + 64 * 1024

    struct Model: Sendable {
        var shops: [(id: UUID, name: String)]
        var categories: [(id: UUID, name: String)]
        var filings: [DesignRegistry.FilingView]
        var alerts: [DesignRegistry.AlertView]
        var office: Bool
        var notice: String?
        var failure: String?
        /// What the filing form had, sent back when it failed.
        var typed: [String: String] = [:]
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let notice = request.query[String.self, at: "filed"].map { number in
            PageContext(session: session, current: .designs).text(.designsFiled, number)
        }
        return try await page(request, session: session, principal: principal, notice: notice)
    }

    static func page(
        _ request: Request, session: WebSession, principal: Principal, notice: String? = nil, failure: String? = nil,
        typed: [String: String] = [:]
    ) async throws -> Response {
        let designs = request.jishi.designs
        let zh = session.language == .zhHans
        let staff = try await ShopStaff.query(on: request.db).filter(\.$account.$id == principal.accountID)
            .with(\.$shop).all()
        let shops = staff.map(\.shop).filter { $0.status == .active }.compactMap { shop in
            shop.id.map { (id: $0, name: shop.name) }
        }
        let categories = try await Marketplace.Category.query(on: request.db).sort(\.$code).all().compactMap { c in
            c.id.map { (id: $0, name: zh ? c.name : c.nameEn) }
        }
        let office =
            (try? await InsightsScope.of(principal, on: request.db)) != nil
            && (principal.has(.official) || principal.has(.admin))
        let model = Model(
            shops: shops, categories: categories,
            filings: try await designs.filings(by: principal, on: request.db),
            alerts: try await designs.alerts(by: principal, on: request.db), office: office, notice: notice,
            failure: failure, typed: typed)
        let context = PageContext(session: session, current: .designs)
        return WebPage.response(
            View(model: model, context: context).html, status: failure == nil ? .ok : .badRequest, session: session)
    }

    /// Files a design with up to three photos (the registry checks them all before it writes
    /// anything).
    @Sendable static func file(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let (form, files) = try FormValues.verifiedWithPhotos(request, session: session)
        let context = PageContext(session: session, current: .designs)
        let typed = [
            "shop": form.trimmed("shop"), "title": form["title"], "description": form["description"],
            "category": form.trimmed("category"),
        ]
        func failed(_ message: String) async throws -> Response {
            try await page(request, session: session, principal: principal, failure: message, typed: typed)
        }
        let designs = request.jishi.designs
        guard files.count <= formPhotos else {
            return try await failed(context.text(.designsTooManyPhotos, String(formPhotos)))
        }
        let photos = files.map { file in
            let bytes = Data(buffer: file.data)
            return (bytes, file.contentType.map { "\($0.type)/\($0.subType)" } ?? PhotoFormat.sniff(bytes)?.contentType)
        }
        guard let shopID = UUID(uuidString: form.trimmed("shop")),
            let categoryID = UUID(uuidString: form.trimmed("category"))
        else { return try await failed(context.text(.designsChooseShop)) }
        let filing: DesignFiling
        do {
            filing = try await designs.file(
                .init(shopID: shopID, title: form["title"], description: form["description"], categoryID: categoryID),
                photos: photos, by: principal, shops: request.jishi.shops, on: request.db)
        } catch let problem as Problem where problem.field == "photo" || problem.status == 413 || problem.status == 415
        {
            return try await failed(context.text(.errorPhotoNotImage))
        } catch let problem as Problem where problem.isFormError || problem.status == 404 || problem.status == 409 {
            return try await failed(problem.detail ?? problem.title)
        }
        return WebPage.redirect(
            toPath: SitePath.designs.path + "?filed=" + filing.number + "#filing-\(filing.number)", session: session)
    }

    /// Adds one more photo to a filing.
    @Sendable static func addPhoto(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let context = PageContext(session: session, current: .designs)
        let filingID = try request.pageID("filing")
        do {
            let (bytes, declared) = try await ProductEditingController.uploadedPhoto(request, session: session)
            _ = try await request.jishi.designs.addPhoto(
                bytes, declaredType: declared, to: filingID, by: principal, shops: request.jishi.shops,
                on: request.db)
        } catch let problem as Problem where (400..<500).contains(problem.status) && problem.status != 404 {
            let message: String =
                switch ProblemType(uri: problem.type) {
                case .payloadTooLarge: context.text(.errorPhotoTooLarge, String(PhotoStore.defaultMaximumBytes / 1024))
                case .missingField: context.text(.errorPhotoMissing)
                case .conflict: problem.detail ?? problem.title
                default: context.text(.errorPhotoNotImage)
                }
            return try await page(request, session: session, principal: principal, failure: message)
        }
        return WebPage.redirect(toPath: SitePath.designs.path, session: session)
    }

    @Sendable static func scan(_ request: Request) async throws -> Response {
        let (session, principal, _) = try await FormValues.signedIn(request)
        _ = try await InsightsScope.of(principal, on: request.db)
        let report = try await request.jishi.designs.scan(on: request.db)
        let context = PageContext(session: session, current: .designs)
        return try await page(
            request, session: session, principal: principal,
            notice: context.text(.designsScanned, String(report.listingsChecked), String(report.alertsRaised)))
    }

    /// A statement, a decision, a withdrawal or an unlisting of one alert, by the form's `action`.
    @Sendable static func act(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let id = try request.pageID("alert")
        let designs = request.jishi.designs
        do {
            switch form.trimmed("action") {
            case "statement":
                _ = try await designs.state(id, statement: form["statement"], by: principal, on: request.db)
            case "decide":
                let decision = CopyAlert.Decision(rawValue: form.trimmed("decision"))
                guard let decision else { throw Problem.validation("decision", "Choose copy or not a copy.") }
                _ = try await designs.decide(id, decision, note: form["note"], by: principal, on: request.db)
            case "withdraw":
                _ = try await designs.withdraw(id, by: principal, on: request.db)
            case "unlist":
                _ = try await designs.unlist(id, by: principal, on: request.db)
            default:
                throw Problem.validation("action", "Unknown action.")
            }
        } catch let problem as Problem where problem.isFormError || problem.status == 409 || problem.status == 403 {
            return try await page(
                request, session: session, principal: principal, failure: problem.detail ?? problem.title)
        }
        return WebPage.redirect(
            toPath: SitePath.designs.path + "#alert-\(id.uuidString.lowercased())", session: session)
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.designsTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.designsTitle))),
                    .unwrap(model.notice) { Widgets.notice($0) },
                    .unwrap(model.failure) { Widgets.alert($0) },
                    .p(.class("meta"), .safeText(context.text(.designsIntro))),
                    .if(!model.shops.isEmpty, fileForm),
                    .h2(.safeText(context.text(.designsAlerts))),
                    .if(
                        model.office,
                        Widgets.postButton(
                            SitePath.designScan.path, context.text(.designsScan), context: context, id: "scan",
                            style: "button secondary")),
                    .if(
                        model.alerts.isEmpty,
                        .p(.class("meta"), .id("no-copy-alerts"), .safeText(context.text(.designsNoAlerts))),
                        else: .ul(.class("rows"), .id("copy-alerts"), .group(model.alerts.map(alert)))),
                    .h2(.safeText(context.text(.designsFilings))),
                    .if(
                        model.filings.isEmpty,
                        .p(.class("meta"), .id("no-filings"), .safeText(context.text(.designsNoFilings))),
                        else: .ul(.class("rows"), .id("filings"), .group(model.filings.map(filing)))),
                ])
        }

        private var fileForm: Node<HTML.BodyContext> {
            func menu(_ choices: [(id: UUID, name: String)]) -> FormField.Kind {
                .menu([FormField.MenuGroup(heading: nil, choices: choices.map { ($0.id.uuidString, $0.name) })])
            }
            let fields = [
                FormField(
                    name: "shop", label: .designsShop, kind: menu(model.shops), value: model.typed["shop"] ?? "",
                    id: "design-shop"),
                FormField(
                    name: "title", label: .designsDesignTitle, value: model.typed["title"] ?? "", id: "design-title"),
                FormField(
                    name: "description", label: .designsDescription, kind: .textArea(rows: 4),
                    value: model.typed["description"] ?? "", id: "design-description"),
                FormField(
                    name: "category", label: .designsCategory, kind: menu(model.categories),
                    value: model.typed["category"] ?? "", id: "design-category"),
            ]
            return .form(
                .class("card wide"), .id("file-design-form"), .method(.post), .action(SitePath.designs.path),
                .enctype(.multipartData), .novalidate(),
                Layout.csrfField(context),
                .h2(.safeText(context.text(.designsFile))),
                .group(fields.map { $0.node(context) }),
                .label(.for("design-photos"), .safeText(context.text(.designsPhotos, String(formPhotos)))),
                .input(
                    .type(.file), .name("photos[]"), .id("design-photos"), .class("in"),
                    .attribute(named: "accept", value: "image/jpeg,image/png"),
                    .attribute(named: "multiple", value: "multiple")),
                .button(.type(.submit), .class("button"), .id("file-design"), .safeText(context.text(.designsSubmit))))
        }

        private func filing(_ view: DesignRegistry.FilingView) -> Node<HTML.ListContext> {
            let filing = view.filing
            let id = filing.id ?? UUID()
            return .li(
                .class("row"), .id("filing-\(filing.number)"),
                .span(.class("t"), .safeText(filing.number + " · " + filing.title)),
                .span(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .designsFilingMeta, view.shopName, context.time(filing.filedAt),
                            String(view.photos.count), String(view.alerts)))),
                .div(
                    .class("thumbs"),
                    .group(
                        view.photos.map { photo in
                            .img(
                                .class("ph"), .src(PhotoRoutes.path(photo.fileName)), .escaped("alt", filing.title),
                                .attribute(named: "width", value: "64"), .attribute(named: "height", value: "64"),
                                .attribute(named: "loading", value: "lazy"))
                        })),
                .if(
                    model.shops.contains { $0.id == filing.$shop.id }
                        && view.photos.count < DesignRegistry.maximumPhotos,
                    .form(
                        .class("inline-form"), .method(.post), .action(SitePath.designPhotos.path(id)),
                        .enctype(.multipartData),
                        Layout.csrfField(context),
                        .input(
                            .type(.file), .name("photo"), .class("in"), .id("photo-\(filing.number)"),
                            .attribute(named: "accept", value: "image/jpeg,image/png"),
                            .attribute(named: "aria-label", value: context.text(.designsAddPhoto))),
                        .button(
                            .type(.submit), .class("button secondary"), .safeText(context.text(.designsAddPhoto))))))
        }

        private func alert(_ view: DesignRegistry.AlertView) -> Node<HTML.ListContext> {
            let alert = view.alert
            let id = view.id.uuidString.lowercased()
            let status: L10nKey =
                switch alert.status {
                case .open: .designsStatusOpen
                case .disputed: .designsStatusDisputed
                case .decided: alert.decision == .copy ? .designsStatusCopy : .designsStatusNotCopy
                case .withdrawn: .designsStatusWithdrawn
                }
            let undecided = alert.status == .open || alert.status == .disputed
            func form(_ action: String, _ nodes: Node<HTML.FormContext>...) -> Node<HTML.BodyContext> {
                .form(
                    .class("inline-form"), .method(.post), .action(SitePath.designAlert.path(view.id)),
                    Layout.csrfField(context), .input(.type(.hidden), .name("action"), .value(action)),
                    .group(nodes))
            }
            return .li(
                .class("row copy-alert"), .id("alert-\(id)"),
                .span(
                    .class("t"),
                    .safeText(
                        context.text(.designsAlertLine, view.productTitle, view.sellerShopName, view.filingNumber))),
                .span(.class("tag"), .id("status-\(id)"), .safeText(context.text(status))),
                .span(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .designsEvidence, alert.imageDistance.map(String.init) ?? "–",
                            String(format: "%.0f%%", Double(alert.textPermille) / 10)))),
                .unwrap(alert.filerStatement) {
                    .p(.class("meta"), .safeText(context.text(.designsFilerSaid, $0)))
                },
                .unwrap(alert.sellerStatement) {
                    .p(.class("meta"), .safeText(context.text(.designsSellerSaid, $0)))
                },
                .unwrap(alert.decisionNote) { .p(.class("meta"), .safeText(context.text(.designsOfficeSaid, $0))) },
                .if(alert.unlistedAt != nil, .p(.class("meta"), .safeText(context.text(.designsUnlisted)))),
                .if(
                    undecided && (view.sides.contains(.filer) || view.sides.contains(.seller)),
                    form(
                        "statement",
                        .label(
                            .for("statement-\(id)"), .safeText(context.text(.designsStatement)),
                            .input(
                                .type(.text), .class("in"), .name("statement"), .id("statement-\(id)"),
                                .attribute(named: "maxlength", value: "1000"))),
                        .button(
                            .type(.submit), .class("button secondary"), .id("state-\(id)"),
                            .safeText(context.text(.designsState))))),
                .if(
                    undecided && view.sides.contains(.filer),
                    form(
                        "withdraw",
                        .button(
                            .type(.submit), .class("button secondary"), .id("withdraw-\(id)"),
                            .safeText(context.text(.designsWithdraw))))),
                .if(
                    undecided && view.sides.contains(.office),
                    form(
                        "decide",
                        .label(
                            .for("note-\(id)"), .safeText(context.text(.designsNote)),
                            .input(
                                .type(.text), .class("in"), .name("note"), .id("note-\(id)"),
                                .attribute(named: "maxlength", value: "1000"))),
                        .button(
                            .type(.submit), .class("button secondary"), .name("decision"), .value("copy"),
                            .id("copy-\(id)"), .safeText(context.text(.designsDecideCopy))),
                        .button(
                            .type(.submit), .class("button secondary"), .name("decision"), .value("not-copy"),
                            .id("not-copy-\(id)"), .safeText(context.text(.designsDecideNotCopy))))),
                .if(
                    alert.decision == .copy && alert.unlistedAt == nil && view.sides.contains(.office),
                    form(
                        "unlist",
                        .button(
                            .type(.submit), .class("button"), .id("unlist-\(id)"),
                            .safeText(context.text(.designsUnlist))))))
        }
    }
}
