import Community
import Foundation
import JishiKit
import Logistics
import Plot
import Vapor

/// `GET/POST /bookings` (the collections the signed-in sender booked, and booking one),
/// `GET /bookings/:booking` (its parcels and where they are) and `/bookings/:booking/labels`
/// (every label, one printed page each). The booking service decides who may book and see.
enum BookingPages {
    enum Field: String, CaseIterable, Sendable {
        case node, carrier, date, count, weight, contents
    }

    struct Model: Sendable {
        var bookings: [BookingService.Detail] = []
        var nodeChoices: [FormField.MenuGroup] = []
        var carrierChoices: [(value: String, label: String)] = []
        var today = ""
        var fields: [Field: String] = [:]
        var errors: [Field: FormMessage] = [:]
        var failure: FormMessage?
        var key = ""
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let (session, principal) = try await signedInSender(request)
        var model = try await load(request, session: session, principal: principal)
        let tomorrow = PageDate.string(request.jishi.dependencies.now().addingTimeInterval(86_400))
        model.fields = [.date: tomorrow, .count: "1", .carrier: "ems"]
        return page(model, session: session)
    }

    @Sendable static func book(_ request: Request) async throws -> Response {
        let (session, principal) = try await signedInSender(request)
        let form = try FormValues.verified(request, session: session)
        var model = try await load(request, session: session, principal: principal)
        for field in Field.allCases { model.fields[field] = form.trimmed(field.rawValue) }
        let submittedKey = form.trimmed("key")
        if FormInput.isIdempotencyKey(submittedKey) { model.key = submittedKey }
        let count = FormInput.count(model.fields[.count] ?? "")
        let grams = FormInput.grams(model.fields[.weight] ?? "")
        if count == nil { model.errors[.count] = FormMessage(.errorFieldInvalid) }
        if grams == nil { model.errors[.weight] = FormMessage(.errorFieldInvalid) }
        guard let count, let grams else { return page(model, session: session, status: .badRequest) }
        let detail: BookingService.Detail
        do {
            detail = try await request.jishi.bookings.book(
                BookingService.Input(
                    nodeCode: model.fields[.node] ?? "", carrierCode: model.fields[.carrier] ?? "",
                    date: model.fields[.date] ?? "", count: count, weightGrams: grams,
                    contents: model.fields[.contents] ?? ""),
                idempotencyKey: model.key, by: principal, on: request.db)
        } catch let problem as Problem where (400..<500).contains(problem.status) && problem.status != 403 {
            let field: Field? =
                switch problem.field {
                case "weightGrams": .weight
                case let name?: Field(rawValue: name)
                case nil: nil
                }
            if let field {
                model.errors[field] = FormMessage(.errorFieldInvalid)
            } else {
                model.failure = FormMessage(.errorFieldInvalid)
            }
            return page(model, session: session, status: HTTPResponseStatus(statusCode: problem.status))
        }
        return WebPage.redirect(
            toPath: SitePath.booking.path(try detail.booking.requireID()) + "?done=1", session: session)
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let detail = try await request.jishi.bookings.booking(
            try request.pageID("booking"), for: principal, on: request.db)
        let view = DetailView(
            detail: detail, done: request.query[String.self, at: "done"] == "1",
            context: PageContext(session: session, current: .booking))
        return WebPage.response(view.html, session: session)
    }

    @Sendable static func labels(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let services = request.jishi
        let detail = try await services.bookings.booking(try request.pageID("booking"), for: principal, on: request.db)
        var svgs: [String] = []
        for parcel in detail.parcels {
            let label = try await services.parcels.label(try parcel.requireID(), by: principal, on: request.db)
            svgs.append(try LabelCaptions.svg(label, language: session.language))
        }
        let context = PageContext(session: session, current: .bookingLabels)
        let title = context.text(.bookingLabelsTitle) + " · " + detail.booking.contents
        let html = Layout.page(
            title: title, context: context,
            main: [
                .div(
                    .class("noprint"),
                    Widgets.back(SitePath.booking.path(try detail.booking.requireID()), context.text(.bookingTitle)),
                    .h1(.safeText(title)),
                    .p(.class("hint"), .safeText(context.text(.labelHint))),
                    .button(
                        .type(.button), .id("print"), .class("button"), .attribute(named: "hidden"),
                        .safeText(context.text(.labelPrint))),
                    .element(named: "script", nodes: [.raw(Layout.printScript)])),
                // LabelSVG escapes every text it draws.
                .group(svgs.map { .div(.class("label"), .raw($0)) }),
            ])
        return WebPage.response(html, session: session, runsPrintScript: true)
    }

    /// Sellers, agents, dispatchers and admins book; anyone else gets a `403`.
    private static func signedInSender(_ request: Request) async throws -> (WebSession, Principal) {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        guard BookingService.mayBook(principal) else {
            throw Problem.forbidden("Sellers, station agents and dispatchers book collections.")
        }
        return (session, principal)
    }

    private static func load(_ request: Request, session: WebSession, principal: Principal) async throws -> Model {
        let services = request.jishi
        var model = Model()
        model.bookings = try await services.bookings.bookings(for: principal, limit: 30, on: request.db)
        model.today = PageDate.string(services.dependencies.now())
        model.key = FormInput.idempotencyKey(services.dependencies)
        let towns = try await services.geography.towns(on: request.db)
        let nodes = try await services.network.nodes(on: request.db).filter { $0.active && $0.kind.servesAVillage }
        let byTown = Dictionary(grouping: nodes, by: { $0.$town.id })
        model.nodeChoices = towns.compactMap { town in
            guard let id = town.id, let own = byTown[id] else { return nil }
            return FormField.MenuGroup(
                heading: HomePage.Name(zhHans: town.name, en: town.nameEn).primary(session.language),
                choices: own.sorted { $0.name < $1.name }.map { ($0.code, $0.name) })
        }
        model.carrierChoices = try await CarrierService().carriers(on: request.db).map {
            ($0.code, session.language == .zhHans ? $0.name : $0.nameEn)
        }
        return model
    }

    private static func page(_ model: Model, session: WebSession, status: HTTPResponseStatus = .ok) -> Response {
        let view = ListView(model: model, context: PageContext(session: session, current: .bookings))
        return WebPage.response(view.html, status: status, session: session)
    }
}
