import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace
import Plot
import Stations
import Vapor

/// `/stations/:station/assisted`: assisted buying (代买) at the counter, phone first. The agent
/// picks the villager, searches the catalogue, orders a variant for them (delivered to the
/// station, paid in cash), takes the cash with one button, and sees the station's recent
/// assisted orders. Every form carries its own idempotency key.
enum AssistedOrderPages {
    struct Model: Sendable {
        var node: NetworkNode
        var villagers: [Villager]
        var villager: UUID?
        var query: String
        /// The products found, each with its variants in stock.
        var found: [(hit: SearchHit, variants: [Variant])] = []
        var recent: [(assisted: AssistedOrder, villager: Villager?, orders: [Order])] = []
        var returns: [CounterReturns.Taken] = []
        var notice: L10nKey?
        var failure: String?
        var key: String
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        var model = try await load(request, principal: principal)
        model.notice =
            switch request.query[String.self, at: "done"] {
            case "placed": .assistedPlaced
            case "paid": .assistedPaid
            case "returned": .assistedTakenBack
            default: nil
            }
        return page(model, session: session)
    }

    @Sendable static func place(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        let stationID = try request.pageID("station")
        let back = SitePath.stationAssisted.path(stationID)
        let villager = UUID(uuidString: form.trimmed("villager"))
        let quantity = Int(FormInput.halfWidth(form.trimmed("quantity"))) ?? 0
        do {
            guard let villager else { throw Problem.validation("villagerId", "Choose the villager first.") }
            guard let variant = UUID(uuidString: form.trimmed("variant")) else {
                throw Problem.validation("variantId", "Choose what to buy.")
            }
            _ = try await request.jishi.assistedOrders.order(
                [CheckoutService.Item(variantID: variant, quantity: quantity)], for: villager,
                idempotencyKey: form.trimmed("key"), at: stationID, by: principal, on: request.db)
        } catch let problem as Problem where problem.isFormError || problem.status == 404 {
            var model = try await load(request, principal: principal)
            model.villager = villager
            model.failure = problem.detail ?? problem.title
            return page(model, session: session, status: HTTPResponseStatus(statusCode: problem.status))
        }
        return WebPage.redirect(
            toPath: back + "?villager=" + (villager?.uuidString ?? "") + "&done=placed", session: session)
    }

    @Sendable static func takeCash(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        let stationID = try request.pageID("station")
        let checkoutID = try request.pageID("checkout")
        let recent = try await request.jishi.assistedOrders.orders(at: stationID, for: principal, on: request.db)
        guard let placed = recent.first(where: { $0.assisted.checkoutID == checkoutID }) else {
            throw Problem.notFound("The assisted order", field: "checkoutId")
        }
        do {
            _ = try await request.jishi.payments.confirmCash(
                checkoutID: checkoutID, amountMinor: placed.orders.reduce(0) { $0 + $1.totalMinor },
                idempotencyKey: form.trimmed("key"), by: principal, on: request.db)
        } catch let problem as Problem where problem.isFormError {
            var model = try await load(request, principal: principal)
            model.failure = problem.detail ?? problem.title
            return page(model, session: session, status: HTTPResponseStatus(statusCode: problem.status))
        }
        return WebPage.redirect(toPath: SitePath.stationAssisted.path(stationID) + "?done=paid", session: session)
    }

    @Sendable static func takeBack(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        let stationID = try request.pageID("station")
        do {
            _ = try await request.jishi.counterReturns.takeBack(
                orderID: try request.pageID("order"), reason: form.trimmed("reason"),
                idempotencyKey: form.trimmed("key"), at: stationID, by: principal, on: request.db)
        } catch let problem as Problem where problem.isFormError || problem.status == 404 {
            var model = try await load(request, principal: principal)
            model.failure = problem.detail ?? problem.title
            return page(model, session: session, status: HTTPResponseStatus(statusCode: problem.status))
        }
        return WebPage.redirect(toPath: SitePath.stationAssisted.path(stationID) + "?done=returned", session: session)
    }

    private static func load(_ request: Request, principal: Principal) async throws -> Model {
        let services = request.jishi
        let stationID = try request.pageID("station")
        let node = try await services.stations.require(.act, at: stationID, by: principal, on: request.db)
        let query = String((request.query[String.self, at: "q"] ?? "").prefix(SearchQuery.maximumQueryLength))
        var model = Model(
            node: node,
            villagers: try await services.villagers.villagers(at: stationID, for: principal, on: request.db),
            villager: request.query[String.self, at: "villager"].flatMap(UUID.init(uuidString:)), query: query,
            key: FormInput.idempotencyKey(services.dependencies))
        if !query.trimmingCharacters(in: .whitespaces).isEmpty {
            let search = SearchQuery(text: query, inStockOnly: true, limit: 8)
            let found = try await SearchService().search(search, on: request.db)
            try await SearchDemand.record(search, total: found.total, at: services.dependencies.now(), on: request.db)
            let hits = found.items
            let variants = try await Variant.query(on: request.db).filter(\.$product.$id ~~ hits.map(\.productID))
                .filter(\.$stock > 0).sort(\.$priceMinor).all()
            model.found = hits.map { hit in (hit, variants.filter { $0.$product.id == hit.productID }) }
        }
        model.recent = Array(
            try await services.assistedOrders.orders(at: stationID, for: principal, on: request.db).prefix(20))
        model.returns = Array(
            try await services.counterReturns.returns(at: stationID, for: principal, on: request.db).prefix(20))
        return model
    }

    private static func page(_ model: Model, session: WebSession, status: HTTPResponseStatus = .ok) -> Response {
        let view = View(model: model, context: PageContext(session: session, current: .stationAssisted))
        return StationOffline.response(view.html, status: status, session: session)
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let station = model.node.id ?? UUID()
            let foundRows: [Node<HTML.ListContext>] = model.found.map { product($0.hit, $0.variants) }
            let recentRows: [Node<HTML.ListContext>] = model.recent.map(placedRow)
            let nothing = !model.query.isEmpty && model.found.isEmpty
            return Layout.page(
                title: context.text(.assistedTitle), context: context,
                main: [
                    .unwrap(model.notice) { Widgets.notice(context.text($0)) },
                    StationOffline.nodes(context),
                    Widgets.back(SitePath.station.path(station), model.node.name),
                    .h1(.safeText(context.text(.assistedTitle))),
                    .p(.class("meta"), .safeText(context.text(.assistedIntro))),
                    .unwrap(model.failure) { Widgets.alert($0) },
                    searchForm,
                    .if(nothing, .p(.class("meta"), .id("nothing-found"), .safeText(context.text(.assistedNothing)))),
                    .ul(.class("rows"), .id("assisted-found"), .group(foundRows)),
                    .h2(.safeText(context.text(.assistedRecent))),
                    recentRows.isEmpty
                        ? .p(.class("meta"), .safeText(context.text(.assistedNone)))
                        : .ul(.class("rows"), .id("assisted-recent"), .group(recentRows)),
                    .if(!model.returns.isEmpty, .h2(.safeText(context.text(.assistedReturns)))),
                    .if(
                        !model.returns.isEmpty,
                        .ul(.class("rows"), .id("counter-returns"), .group(model.returns.map(returnRow)))),
                ])
        }

        enum Field: String { case villager, q }

        private var searchForm: Node<HTML.BodyContext> {
            var choices: [(String, String)] = [("", context.text(.assistedChooseVillager))]
            for villager in model.villagers {
                if let id = villager.id { choices.append((id.uuidString, villager.name)) }
            }
            let values: [Field: String] = [.villager: model.villager?.uuidString ?? "", .q: model.query]
            return .form(
                .class("card"), .id("assisted-search"), .method(.get),
                .action(SitePath.stationAssisted.path(model.node.id ?? UUID())),
                FormField(
                    Field.villager, .assistedVillager, kind: .menu([.init(heading: nil, choices: choices)]),
                    values: values, errors: [:]
                ).node(context),
                FormField(Field.q, .assistedSearch, values: values, errors: [:]).node(context),
                .button(.type(.submit), .class("button"), .id("assisted-find"), .safeText(context.text(.assistedFind))))
        }

        private func product(_ hit: SearchHit, _ variants: [Variant]) -> Node<HTML.ListContext> {
            let station = model.node.id ?? UUID()
            return .li(
                .class("box product"),
                .p(.strong(.safeText(hit.title))),
                .group(
                    variants.map { variant in
                        let id = variant.id ?? UUID()
                        let tag = String(id.uuidString.prefix(8)).lowercased()
                        return .form(
                            .class("qrow"), .method(.post), .action(SitePath.stationAssisted.path(station)),
                            Layout.csrfField(context),
                            .input(.type(.hidden), .name("key"), .escaped("value", model.key + "-" + tag)),
                            .input(.type(.hidden), .name("variant"), .value(id.uuidString)),
                            .input(
                                .type(.hidden), .name("villager"), .escaped("value", model.villager?.uuidString ?? "")),
                            .span(.safeText(variant.name + " · " + context.money(variant.priceMinor))),
                            .input(
                                .type(.number), .class("in"), .name("quantity"), .id("quantity-\(tag)"),
                                .value("1"), .attribute(named: "min", value: "1"),
                                .attribute(named: "aria-label", value: context.text(.assistedQuantity))),
                            .button(
                                .type(.submit), .class("button"), .id("buy-\(tag)"),
                                .safeText(context.text(.assistedBuy))))
                    }))
        }

        private func returnRow(_ taken: CounterReturns.Taken) -> Node<HTML.ListContext> {
            let amount = context.money(taken.refund.amountMinor)
            return .li(
                .class("row"),
                .span(
                    .class("t"),
                    .safeText(
                        context.text(
                            .assistedReturnLine, (taken.villager?.name ?? "") + " " + amount,
                            context.text(taken.refund.status.l10nKey), taken.parcel?.trackingNumber ?? "—"))),
                .span(
                    .class("meta"),
                    .safeText(
                        taken.refund.status == .refunded
                            ? context.text(.assistedReturnCash, amount) : context.time(taken.taken.at))))
        }

        private func placedRow(
            _ placed: (assisted: AssistedOrder, villager: Villager?, orders: [Order])
        ) -> Node<HTML.ListContext> {
            let station = model.node.id ?? UUID()
            let returnable = placed.orders.filter { order in
                [.delivered, .completed].contains(order.status) && order.refundReservedMinor < order.totalMinor
            }
            let total = placed.orders.reduce(Int64(0)) { $0 + $1.totalMinor }
            let tag = String(placed.assisted.checkoutID.uuidString.prefix(8)).lowercased()
            let unpaid = placed.orders.contains { $0.status == .pendingPayment }
            let statuses = Set(placed.orders.map { context.text($0.status.l10nKey) }).sorted().joined(separator: "、")
            return .li(
                .class("row assisted"), .id("assisted-\(tag)"),
                .span(.class("t"), .safeText((placed.villager?.name ?? "") + " · " + context.money(total))),
                .span(.class("meta"), .safeText(context.time(placed.assisted.createdAt) + " · " + statuses)),
                .if(
                    unpaid,
                    Widgets.postButton(
                        SitePath.stationAssistedCash.path(model.node.id ?? UUID(), placed.assisted.checkoutID),
                        context.text(.assistedTakeCash, context.money(total)), context: context, id: "cash-\(tag)",
                        fields: [("key", model.key + "-cash-" + tag)])),
                .group(
                    returnable.map { order in
                        let orderTag = String((order.id ?? UUID()).uuidString.prefix(8)).lowercased()
                        return .form(
                            .class("qrow"), .method(.post), .id("return-\(orderTag)"),
                            .action(SitePath.stationAssistedReturn.path(station, order.id ?? UUID())),
                            Layout.csrfField(context),
                            .input(.type(.hidden), .name("key"), .escaped("value", model.key + "-back-" + orderTag)),
                            .input(
                                .type(.text), .class("in"), .name("reason"), .id("reason-\(orderTag)"),
                                .attribute(named: "aria-label", value: context.text(.assistedReturnReason)),
                                .attribute(named: "placeholder", value: context.text(.assistedReturnReason))),
                            .button(
                                .type(.submit), .class("button secondary"), .id("take-back-\(orderTag)"),
                                .safeText(context.text(.assistedTakeBack))))
                    }))
        }
    }
}
