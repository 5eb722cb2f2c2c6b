import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace
import Stations
import Vapor

/// `GET /stations` (the stations the agent keeps or the official oversees), `GET
/// /stations/:station` (the counter: villagers, drawer, closes) and its forms: registering a
/// villager, closing the day, confirming a close. The stations services decide who may do what;
/// every form that changes something carries an idempotency key, so sending it twice does it once.
enum StationPages {
    enum Field: String, CaseIterable, Sendable {
        case name, phone, idDigits, consent, counted, kept, explanation, proof, digits, signature, cod
        case serviceKind, villager, details, fee, receipt, reason
        case course, day, place, trainer, attendee, shelf
    }

    struct Model: Sendable {
        var node: NetworkNode
        /// The signed-in account works this counter (sees names, may register and close).
        var isAgent: Bool
        /// The signed-in account confirms closes (an official or admin over the station).
        var confirms: Bool
        var drawer: CashService.Drawer
        var villagers: [Villager]
        /// The parcels the counter holds (for its agents).
        var parcels: [CounterService.Held] = []
        /// The parcel whose hand-out form the fields and errors belong to.
        var handingOut: UUID?
        var closes: [CashClose]
        /// The services desk's requests, open ones first.
        var services: [ServiceRequest] = []
        /// The request whose done or failed form the fields and errors belong to.
        var finishing: UUID?
        var serviceKey = ""
        /// The station's training sessions with who attended, and the county's courses.
        var training: [TrainingService.Held] = []
        var courses: [TrainingCourse] = []
        /// The session whose attendance form the fields and errors belong to.
        var attending: UUID?
        var trainingKey = ""
        /// The month's market-demand report for the station's town.
        var demand: DemandReport.Report?
        /// The agents' commission for the month shown.
        var commission: CommissionService.Statement
        var today: String
        var fields: [Field: String] = [:]
        var errors: [Field: FormMessage] = [:]
        var failure: FormMessage?
        var notice: L10nKey?
        var villagerKey = ""
        var closeKey = ""
        var handOutKey = ""

        var closedToday: Bool { closes.contains { $0.businessDay == today } }
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let notice: L10nKey? = request.query[String.self, at: "done"] == "terms" ? .stationsTermsSaved : nil
        return try await listPage(request, session: session, principal: principal, notice: notice)
    }

    /// A county's admin sets the agents' commission rate, in percent as typed ("4", "4.5").
    @Sendable static func setTerms(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        do {
            guard let county = UUID(uuidString: form.trimmed("county")) else {
                throw Problem.notFound("The county", field: "countyId")
            }
            guard let rate = FormInput.yuan(form.trimmed("rate").replacingOccurrences(of: "%", with: "")),
                rate <= Int64(CommissionService.basisPointRange.upperBound)
            else {
                throw Problem.validation(
                    "commissionBasisPoints", "Type the rate in percent, from 0 to 20, such as 4 or 4.5.")
            }
            _ = try await request.jishi.commissions.setRate(Int(rate), in: county, by: principal, on: request.db)
        } catch let problem as Problem where problem.isFormError || problem.status == 404 {
            return try await listPage(
                request, session: session, principal: principal, failure: problem.detail ?? problem.title,
                status: HTTPResponseStatus(statusCode: problem.status))
        }
        return WebPage.redirect(toPath: SitePath.stations.path + "?done=terms", session: session)
    }

    private static func listPage(
        _ request: Request, session: WebSession, principal: Principal, notice: L10nKey? = nil,
        failure: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let rows = try await request.jishi.cash.overview(for: principal, on: request.db)
        let month = Months.month(of: request.jishi.dependencies.now())
        let commissions = try await request.jishi.commissions.totals(month: month, on: request.db)
        let training =
            principal.has(.official) || principal.has(.admin)
            ? try await request.jishi.training.totals(
                year: Int(month.prefix(4)) ?? 2026, for: principal, on: request.db) : nil
        guard !rows.isEmpty || principal.has(.agent) || principal.has(.official) || principal.has(.admin) else {
            throw Problem.forbidden("Station agents and the officials over them see stations.")
        }
        var terms: [(county: County, basisPoints: Int)] = []
        for county in try await County.query(on: request.db).sort(\.$code).all() {
            guard let id = county.id, Authorization.may(principal, .manageGeography, .place(Place(countyID: id)))
            else { continue }
            terms.append((county, try await request.jishi.commissions.rate(in: id, on: request.db)))
        }
        let view = ListView(
            rows: rows, commissions: commissions, training: training, terms: terms, notice: notice, failure: failure,
            context: PageContext(session: session, current: .stations))
        return StationOffline.response(view.html, status: status, session: session)
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        var model = try await load(request, session: session, principal: principal)
        model.notice =
            switch request.query[String.self, at: "done"] {
            case "registered": .stationRegistered
            case "closed": .stationClosed
            case "confirmed": .stationConfirmedNotice
            case "handed-out": .stationHandedOut
            case "service": .stationServiceSaved
            case "training": .stationTrainingSaved
            case "arrived": .stationArrived
            case "sent-back": .stationSentBack
            default: nil
            }
        model.fields[.consent] = "yes"
        return page(model, session: session)
    }

    @Sendable static func register(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        var model = try await load(request, session: session, principal: principal)
        for field in [Field.name, .phone, .idDigits, .consent] { model.fields[field] = form.trimmed(field.rawValue) }
        let key = form.trimmed("key")
        if FormInput.isIdempotencyKey(key) { model.villagerKey = key }
        do {
            _ = try await request.jishi.villagers.register(
                VillagerService.Input(
                    name: model.fields[.name] ?? "", phone: model.fields[.phone], idDigits: model.fields[.idDigits],
                    consent: model.fields[.consent] == "yes"),
                idempotencyKey: model.villagerKey, at: try model.node.requireID(), by: principal, on: request.db)
        } catch let problem as Problem where problem.isFormError {
            return failed(problem, model: model, session: session)
        }
        return WebPage.redirect(
            toPath: SitePath.station.path(try model.node.requireID()) + "?done=registered", session: session)
    }

    @Sendable static func close(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        var model = try await load(request, session: session, principal: principal)
        for field in [Field.counted, .kept, .explanation] { model.fields[field] = form.trimmed(field.rawValue) }
        let key = form.trimmed("key")
        if FormInput.isIdempotencyKey(key) { model.closeKey = key }
        let counted = FormInput.yuan(model.fields[.counted] ?? "")
        let keptText = model.fields[.kept] ?? ""
        let kept = keptText.isEmpty ? 0 : FormInput.yuan(keptText)
        if counted == nil { model.errors[.counted] = FormMessage(.errorFieldInvalid) }
        if kept == nil { model.errors[.kept] = FormMessage(.errorFieldInvalid) }
        guard let counted, let kept else { return page(model, session: session, status: .badRequest) }
        do {
            _ = try await request.jishi.cash.close(
                CashService.CloseInput(countedMinor: counted, keptMinor: kept, explanation: model.fields[.explanation]),
                idempotencyKey: model.closeKey, at: try model.node.requireID(), by: principal, on: request.db)
        } catch let problem as Problem where problem.isFormError {
            return failed(problem, model: model, session: session)
        }
        return WebPage.redirect(
            toPath: SitePath.station.path(try model.node.requireID()) + "?done=closed", session: session)
    }

    @Sendable static func handOut(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        var model = try await load(request, session: session, principal: principal)
        let parcelID = try request.pageID("parcel")
        model.handingOut = parcelID
        for field in [Field.proof, .digits, .signature, .cod] { model.fields[field] = form.trimmed(field.rawValue) }
        let key = form.trimmed("key")
        if FormInput.isIdempotencyKey(key) { model.handOutKey = key }
        let cod = model.parcels.first { $0.parcel.id == parcelID }?.parcel.codMinor ?? 0
        do {
            _ = try await request.jishi.counter.handOut(
                parcelID,
                CounterService.HandOut(
                    proof: model.fields[.proof] == CounterHandout.Proof.idCard.rawValue ? .idCard : .phone,
                    digits: model.fields[.digits] ?? "", signature: model.fields[.signature] ?? "",
                    codMinor: model.fields[.cod] == "taken" ? cod : 0),
                idempotencyKey: model.handOutKey, at: try model.node.requireID(), by: principal, on: request.db)
        } catch let problem as Problem where problem.isFormError {
            return failed(problem, model: model, session: session)
        }
        return WebPage.redirect(
            toPath: SitePath.station.path(try model.node.requireID()) + "?done=handed-out", session: session)
    }

    @Sendable static func requestService(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        var model = try await load(request, session: session, principal: principal)
        for field in [Field.serviceKind, .villager, .details, .fee] {
            model.fields[field] = form.trimmed(field.rawValue)
        }
        let key = form.trimmed("key")
        if FormInput.isIdempotencyKey(key) { model.serviceKey = key }
        guard let kind = ServiceRequest.Kind(rawValue: model.fields[.serviceKind] ?? "") else {
            model.errors[.serviceKind] = FormMessage(.errorFieldInvalid)
            return page(model, session: session, status: .badRequest)
        }
        let feeText = model.fields[.fee] ?? ""
        let fee = feeText.isEmpty ? nil : FormInput.yuan(feeText)
        if !feeText.isEmpty, fee == nil {
            model.errors[.fee] = FormMessage(.errorFieldInvalid)
            return page(model, session: session, status: .badRequest)
        }
        do {
            _ = try await request.jishi.serviceDesk.request(
                ServiceDesk.Input(
                    kind: kind, villagerID: (model.fields[.villager]).flatMap(UUID.init(uuidString:)),
                    details: model.fields[.details] ?? "", feeMinor: fee),
                idempotencyKey: model.serviceKey, at: try model.node.requireID(), by: principal, on: request.db)
        } catch let problem as Problem where problem.isFormError || problem.status == 404 {
            return failed(problem, model: model, session: session)
        }
        return WebPage.redirect(
            toPath: SitePath.station.path(try model.node.requireID()) + "?done=service", session: session)
    }

    @Sendable static func serviceDone(_ request: Request) async throws -> Response {
        try await finishService(request, field: .receipt) { services, id, text, station, principal in
            _ = try await services.serviceDesk.complete(id, receipt: text, at: station, by: principal, on: request.db)
        }
    }

    @Sendable static func serviceFailed(_ request: Request) async throws -> Response {
        try await finishService(request, field: .reason) { services, id, text, station, principal in
            _ = try await services.serviceDesk.fail(id, reason: text, at: station, by: principal, on: request.db)
        }
    }

    /// Records how a request ended from its form's one `field`, and comes back to the counter.
    private static func finishService(
        _ request: Request, field: Field,
        _ finish: (JishiServices, UUID, String, UUID, Principal) async throws -> Void
    ) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        var model = try await load(request, session: session, principal: principal)
        let requestID = try request.pageID("request")
        model.finishing = requestID
        model.fields[field] = form.trimmed(field.rawValue)
        do {
            try await finish(request.jishi, requestID, model.fields[field] ?? "", try model.node.requireID(), principal)
        } catch let problem as Problem where problem.isFormError {
            return failed(problem, model: model, session: session)
        }
        return WebPage.redirect(
            toPath: SitePath.station.path(try model.node.requireID()) + "?done=service", session: session)
    }

    @Sendable static func holdTraining(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        var model = try await load(request, session: session, principal: principal)
        for field in [Field.course, .day, .place, .trainer] { model.fields[field] = form.trimmed(field.rawValue) }
        let key = form.trimmed("key")
        if FormInput.isIdempotencyKey(key) { model.trainingKey = key }
        guard let course = UUID(uuidString: model.fields[.course] ?? "") else {
            model.errors[.course] = FormMessage(.errorFieldInvalid)
            return page(model, session: session, status: .badRequest)
        }
        do {
            _ = try await request.jishi.training.holdSession(
                TrainingService.SessionInput(
                    courseID: course, day: model.fields[.day] ?? "", place: model.fields[.place] ?? "",
                    trainer: model.fields[.trainer] ?? ""),
                idempotencyKey: model.trainingKey, at: try model.node.requireID(), by: principal, on: request.db)
        } catch let problem as Problem where problem.isFormError || problem.status == 404 {
            return failed(problem, model: model, session: session)
        }
        return WebPage.redirect(
            toPath: SitePath.station.path(try model.node.requireID()) + "?done=training", session: session)
    }

    @Sendable static func attendTraining(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        var model = try await load(request, session: session, principal: principal)
        let sessionID = try request.pageID("session")
        model.attending = sessionID
        model.fields[.attendee] = form.trimmed(Field.attendee.rawValue)
        guard let villager = UUID(uuidString: model.fields[.attendee] ?? "") else {
            model.errors[.attendee] = FormMessage(.errorFieldInvalid)
            return page(model, session: session, status: .badRequest)
        }
        do {
            _ = try await request.jishi.training.attend(
                sessionID, villagerID: villager, accountID: nil, at: try model.node.requireID(), by: principal,
                on: request.db)
        } catch let problem as Problem where problem.isFormError || problem.status == 404 {
            return failed(problem, model: model, session: session)
        }
        return WebPage.redirect(
            toPath: SitePath.station.path(try model.node.requireID()) + "?done=training", session: session)
    }

    @Sendable static func confirmArrival(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let form = try FormValues.verified(request, session: session)
        var model = try await load(request, session: session, principal: principal)
        let parcelID = try request.pageID("parcel")
        model.handingOut = parcelID
        model.fields[.shelf] = form.trimmed(Field.shelf.rawValue)
        do {
            _ = try await request.jishi.counter.confirmArrival(
                parcelID, shelf: model.fields[.shelf] ?? "", at: try model.node.requireID(), by: principal,
                on: request.db)
        } catch let problem as Problem where problem.isFormError {
            return failed(problem, model: model, session: session)
        }
        return WebPage.redirect(
            toPath: SitePath.station.path(try model.node.requireID()) + "?done=arrived", session: session)
    }

    @Sendable static func sendBack(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        _ = try FormValues.verified(request, session: session)
        let stationID = try request.pageID("station")
        _ = try await request.jishi.counter.sendBackUncollected(at: stationID, by: principal, on: request.db)
        return WebPage.redirect(toPath: SitePath.station.path(stationID) + "?done=sent-back", session: session)
    }

    @Sendable static func confirm(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        _ = try FormValues.verified(request, session: session)
        let stationID = try request.pageID("station")
        _ = try await request.jishi.cash.confirm(
            try request.pageID("close"), at: stationID, by: principal, on: request.db)
        return WebPage.redirect(toPath: SitePath.station.path(stationID) + "?done=confirmed", session: session)
    }

    /// The station's counter as the signed-in account may see it (a `403` for anyone else).
    private static func load(_ request: Request, session: WebSession, principal: Principal) async throws -> Model {
        let services = request.jishi
        let stationID = try request.pageID("station")
        let node = try await services.stations.require(.read, at: stationID, by: principal, on: request.db)
        let isAgent = try await services.stations.isAgent(principal, of: node, on: request.db)
        let confirms =
            (try? await services.stations.require(.confirm, at: stationID, by: principal, on: request.db)) != nil
        var model = Model(
            node: node, isAgent: isAgent, confirms: confirms,
            drawer: try await services.cash.drawer(stationID, limit: 20, for: principal, on: request.db),
            villagers: try await services.villagers.villagers(at: stationID, for: principal, on: request.db),
            closes: try await services.cash.closes(stationID, for: principal, on: request.db),
            commission: try await services.commissions.statement(
                stationID, month: request.query[String.self, at: "month"], for: principal, on: request.db),
            today: PageDate.string(services.dependencies.now()),
            villagerKey: FormInput.idempotencyKey(services.dependencies),
            closeKey: FormInput.idempotencyKey(services.dependencies))
        model.handOutKey = FormInput.idempotencyKey(services.dependencies)
        model.serviceKey = FormInput.idempotencyKey(services.dependencies)
        model.services = try await services.serviceDesk.requests(at: stationID, for: principal, on: request.db)
        model.training = try await services.training.sessions(at: stationID, for: principal, on: request.db)
        model.demand = try await DemandReport().report(
            stationID, month: model.commission.month, now: services.dependencies.now(), for: principal, on: request.db)
        model.trainingKey = FormInput.idempotencyKey(services.dependencies)
        if isAgent {
            model.courses = try await services.training.courses(on: request.db)
            model.fields[.day] = model.today
            model.fields[.place] = node.name
        }
        if isAgent { model.parcels = try await services.counter.parcels(at: stationID, for: principal, on: request.db) }
        return model
    }

    /// The page again with the problem against its field (or the whole form).
    private static func failed(_ problem: Problem, model: Model, session: WebSession) -> Response {
        var model = model
        let field: Field? =
            switch problem.field {
            case "countedMinor": .counted
            case "keptMinor": .kept
            case "codMinor": .cod
            case "feeMinor": .fee
            case "kind": .serviceKind
            case "courseId": .course
            case "villagerId": model.attending == nil ? .villager : .attendee
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

    private static func page(_ model: Model, session: WebSession, status: HTTPResponseStatus = .ok) -> Response {
        let view = CounterView(model: model, context: PageContext(session: session, current: .station))
        return StationOffline.response(view.html, status: status, session: session)
    }
}

extension Problem {
    /// A problem a form shows beside its fields: bad input or a conflict, not a refusal.
    var isFormError: Bool { (400..<500).contains(status) && status != 401 && status != 403 && status != 404 }
}
