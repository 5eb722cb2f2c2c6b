import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace
import Plot
import Stations
import Vapor

/// `/stations/:station/consignments`: the station's consignment shop (代卖), phone first. The
/// agent lists a villager's goods with their witnessed consent, answers "what am I owed?" with
/// the villager's statement, and pays the payable share out in cash against a receipt. Every
/// form carries its own idempotency key.
enum ConsignmentPages {
    struct Model: Sendable {
        var node: NetworkNode
        var villagers: [Villager]
        var categories: [(id: UUID, name: String)]
        var listings: [ConsignmentService.Listed]
        var statement: ConsignmentService.Statement?
        var fields: [View.Field: String] = [:]
        var notice: L10nKey?
        var failure: String?
        var key: String
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let villager = request.query[String.self, at: "villager"].flatMap(UUID.init(uuidString:))
        var model = try await load(request, session: session, principal: principal, villager: villager)
        model.notice =
            switch request.query[String.self, at: "done"] {
            case "listed": .consignListed
            case "paid": .consignPaid
            default: nil
            }
        return page(model, session: session)
    }

    @Sendable static func consign(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        let stationID = try request.pageID("station")
        var fields: [View.Field: String] = [:]
        for field in View.Field.allCases { fields[field] = form.trimmed(field.rawValue) }
        do {
            guard let villager = UUID(uuidString: form.trimmed("owner")) else {
                throw Problem.validation("villagerId", "Choose the villager whose goods these are.")
            }
            guard let category = UUID(uuidString: form.trimmed("category")) else {
                throw Problem.validation("categoryId", "Choose a category.")
            }
            guard let price = FormInput.yuan(form.trimmed("price")) else {
                throw Problem.validation("priceMinor", "Type the agreed price in yuan, such as 45 or 45.5.")
            }
            guard let stock = FormInput.count(form.trimmed("stock")) else {
                throw Problem.validation("stock", "Type how many, as a whole number.")
            }
            // A share typed in percent ("90", "85.5") is hundredths of a percent, as yuan are fen.
            guard let share = FormInput.yuan(form.trimmed("share")), share <= 10_000 else {
                throw Problem.validation(
                    "consignorShareBasisPoints", "Type the villager's share in percent, such as 90.")
            }
            _ = try await request.jishi.consignments.consign(
                ConsignmentService.Input(
                    villagerID: villager, title: form.trimmed("title"), description: form.trimmed("description"),
                    categoryID: category, priceMinor: price, stock: stock, consignorShareBasisPoints: Int(share),
                    agreed: form.isChecked("agreed"), witness: form.trimmed("witness")),
                idempotencyKey: form.trimmed("key"), at: stationID, by: principal, on: request.db)
        } catch let problem as Problem where problem.isFormError || problem.status == 404 {
            var model = try await load(request, session: session, principal: principal, villager: nil)
            model.fields = fields
            if FormInput.isIdempotencyKey(form.trimmed("key")) { model.key = form.trimmed("key") }
            model.failure = problem.detail ?? problem.title
            return page(model, session: session, status: HTTPResponseStatus(statusCode: problem.status))
        }
        return WebPage.redirect(toPath: SitePath.stationConsignments.path(stationID) + "?done=listed", session: session)
    }

    @Sendable static func payOut(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        let stationID = try request.pageID("station")
        let villager = UUID(uuidString: form.trimmed("villager"))
        do {
            guard let villager else { throw Problem.validation("villagerId", "Choose the villager first.") }
            guard let amount = FormInput.yuan(form.trimmed("amount")) else {
                throw Problem.validation("amountMinor", "Type the amount in yuan, such as 45 or 45.5.")
            }
            _ = try await request.jishi.consignments.payOut(
                amount, to: villager, idempotencyKey: form.trimmed("key"), at: stationID, by: principal,
                on: request.db)
        } catch let problem as Problem where problem.isFormError || problem.status == 404 {
            var model = try await load(request, session: session, principal: principal, villager: villager)
            model.failure = problem.detail ?? problem.title
            return page(model, session: session, status: HTTPResponseStatus(statusCode: problem.status))
        }
        return WebPage.redirect(
            toPath: SitePath.stationConsignments.path(stationID) + "?villager=" + (villager?.uuidString ?? "")
                + "&done=paid", session: session)
    }

    private static func load(_ request: Request, session: WebSession, principal: Principal, villager: UUID?)
        async throws -> Model
    {
        let services = request.jishi
        let stationID = try request.pageID("station")
        let node = try await services.stations.require(.act, at: stationID, by: principal, on: request.db)
        let language = session.language
        var model = Model(
            node: node,
            villagers: try await services.villagers.villagers(at: stationID, for: principal, on: request.db),
            categories: try await services.catalog.categories(on: request.db).compactMap { category in
                category.id.map { ($0, language == .en ? category.nameEn : category.name) }
            },
            listings: try await services.consignments.listings(at: stationID, for: principal, on: request.db),
            key: FormInput.idempotencyKey(services.dependencies))
        if let villager {
            model.statement = try await services.consignments.statement(
                of: villager, at: stationID, for: principal, on: request.db)
        }
        return model
    }

    private static func page(_ model: Model, session: WebSession, status: HTTPResponseStatus = .ok) -> Response {
        let view = View(model: model, context: PageContext(session: session, current: .stationConsignments))
        return StationOffline.response(view.html, status: status, session: session)
    }

    struct View {
        var model: Model
        var context: PageContext

        enum Field: String, CaseIterable { case owner, title, description, category, price, stock, share, witness }

        var html: HTML {
            let station = model.node.id ?? UUID()
            let listingRows: [Node<HTML.ListContext>] = model.listings.map(listingRow)
            return Layout.page(
                title: context.text(.consignTitle), context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0)) },
                    StationOffline.nodes(context),
                    Widgets.back(SitePath.station.path(station), model.node.name),
                    .h1(.safeText(context.text(.consignTitle))),
                    .p(.class("meta"), .safeText(context.text(.consignIntro))),
                    .unwrap(model.failure) { Widgets.alert($0) },
                    askForm,
                    .unwrap(model.statement, statement),
                    .h2(.safeText(context.text(.consignNew))),
                    listForm,
                    .h2(.safeText(context.text(.consignListings))),
                    listingRows.isEmpty
                        ? .p(.class("meta"), .safeText(context.text(.consignNone)))
                        : .ul(.class("rows"), .id("consignments"), .group(listingRows)),
                ])
        }

        private var villagerChoices: [(String, String)] {
            [("", context.text(.assistedChooseVillager))]
                + model.villagers.compactMap { villager in villager.id.map { ($0.uuidString, villager.name) } }
        }

        private var askForm: Node<HTML.BodyContext> {
            .form(
                .class("card"), .id("consign-ask"), .method(.get),
                .action(SitePath.stationConsignments.path(model.node.id ?? UUID())),
                FormField(
                    name: "villager", label: .consignAsk,
                    kind: .menu([.init(heading: nil, choices: villagerChoices)]),
                    value: model.statement?.villager.id?.uuidString ?? "", id: "ask-villager"
                ).node(context),
                .button(.type(.submit), .class("button"), .id("consign-show"), .safeText(context.text(.consignShow))))
        }

        private func statement(_ statement: ConsignmentService.Statement) -> Node<HTML.BodyContext> {
            let villager = statement.villager.id ?? UUID()
            let lines: [Node<HTML.ListContext>] = statement.lines.map { line in
                let order = line.orderID.map { "#" + $0.uuidString.prefix(8).lowercased() } ?? ""
                let text =
                    switch line.kind {
                    case .sale: context.text(.consignLineSale, order, context.money(line.amountMinor))
                    case .refund: context.text(.consignLineRefund, order, context.money(-line.amountMinor))
                    case .payout:
                        context.text(.consignLinePayout, line.receipt ?? "", context.money(-line.amountMinor))
                    }
                return .li(
                    .class("row"), .span(.class("t"), .safeText(text)),
                    .span(.class("meta"), .safeText(context.time(line.at))))
            }
            return .section(
                .class("card"), .id("consignor-account"),
                .h2(.safeText(statement.villager.name)),
                .p(
                    .id("consignor-owed"),
                    .safeText(
                        context.text(
                            .consignOwed, context.money(statement.owedMinor),
                            context.money(max(statement.payableMinor, 0))))),
                lines.isEmpty
                    ? .p(.class("meta"), .safeText(context.text(.consignNoLines)))
                    : .ul(.class("rows"), .id("consignor-lines"), .group(lines)),
                .if(
                    statement.payableMinor > 0,
                    .form(
                        .method(.post), .id("consign-payout"),
                        .action(SitePath.stationConsignPayout.path(model.node.id ?? UUID())),
                        Layout.csrfField(context),
                        .input(.type(.hidden), .name("key"), .escaped("value", model.key + "-pay")),
                        .input(.type(.hidden), .name("villager"), .value(villager.uuidString)),
                        FormField(
                            name: "amount", label: .consignPayAmount, kind: .decimal,
                            value: String(
                                format: "%lld.%02lld", statement.payableMinor / 100, statement.payableMinor % 100),
                            id: "payout-amount"
                        ).node(context),
                        .button(
                            .type(.submit), .class("button"), .id("consign-pay"),
                            .safeText(context.text(.consignPay))))))
        }

        private var listForm: Node<HTML.BodyContext> {
            let values = model.fields
            let categories: [(String, String)] =
                [("", "—")] + model.categories.map { ($0.id.uuidString, $0.name) }
            return .form(
                .class("card"), .id("consign-form"), .method(.post),
                .action(SitePath.stationConsignments.path(model.node.id ?? UUID())),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("key"), .escaped("value", model.key)),
                FormField(
                    Field.owner, .assistedVillager, kind: .menu([.init(heading: nil, choices: villagerChoices)]),
                    values: values, errors: [:]
                ).node(context),
                FormField(Field.title, .consignTitleField, values: values, errors: [:]).node(context),
                FormField(Field.description, .consignDescription, kind: .textArea(rows: 2), values: values, errors: [:])
                    .node(context),
                FormField(
                    Field.category, .consignCategory, kind: .menu([.init(heading: nil, choices: categories)]),
                    values: values, errors: [:]
                ).node(context),
                FormField(Field.price, .consignPrice, kind: .decimal, values: values, errors: [:]).node(context),
                FormField(Field.stock, .consignStock, kind: .number, values: values, errors: [:]).node(context),
                FormField(
                    Field.share, .consignShare, kind: .decimal,
                    values: values.merging([.share: "90"]) { old, _ in old },
                    errors: [:]
                ).node(context),
                FormField(Field.witness, .consignWitness, values: values, errors: [:]).node(context),
                .label(
                    .class("check"),
                    .input(.type(.checkbox), .name("agreed"), .value("1"), .id("agreed")),
                    .safeText(context.text(.consignAgreed))),
                .button(.type(.submit), .class("button"), .id("consign-list"), .safeText(context.text(.consignList))))
        }

        private func listingRow(_ listed: ConsignmentService.Listed) -> Node<HTML.ListContext> {
            .li(
                .class("row"),
                .a(
                    .class("t"), .href(SitePath.product.path(listed.product.id ?? UUID())),
                    .safeText(
                        listed.product.title + " · "
                            + context.money(listed.variant?.priceMinor ?? listed.listing.agreedPriceMinor))),
                .span(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .consignListingLine, context.time(listed.listing.consentAt),
                            String(listed.variant?.stock ?? 0),
                            PageContext.percent(listed.listing.consignorShareBasisPoints), listed.villagerName,
                            listed.listing.witness))))
        }
    }
}
