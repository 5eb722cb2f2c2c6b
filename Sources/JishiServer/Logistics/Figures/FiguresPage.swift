import Community
import FluentKit
import Foundation
import JishiKit
import Logistics
import Vapor

/// `/figures`: what the county sees of its shared network over a range of days, for its
/// officials, dispatchers and admins (one scoped to a town sees that town): figures per
/// village, time on station shelves, a day's runs over the county's roads, the consolidation
/// figure on demand, and the same figures as CSV (`/figures/csv`). The domain decides who may.
enum FiguresPage {
    struct Model: Sendable {
        struct Village: Sendable {
            var code: String
            var name: String
            var parcelsIn = 0
            var parcelsOut = 0
            var costMinor = 0
            var firstAttempt = 0
            var delivered = 0
            var dwellMedians: [Double] = []

            var parcels: Int { parcelsIn + parcelsOut }
            var costPerParcel: Int? { parcels == 0 ? nil : (costMinor * 2 + parcels) / (parcels * 2) }
        }

        var from: String
        var to: String
        var townID: UUID?
        /// The towns the reader may choose (id, name); `countyWide` when they may see them all together.
        var towns: [(id: UUID, name: String)] = []
        var countyWide = false
        var report: LogisticsFigures.Report?
        var villages: [Village] = []
        var day: String
        var map: RunMap?
        var compared: Consolidation?
        var refusal: String?

        /// The query that names this range and town, for links.
        var query: String {
            "?from=" + from + "&to=" + to + (townID.map { "&town=" + $0.uuidString.lowercased() } ?? "")
        }
    }

    /// How long each plan of the comparison may search, in seconds.
    static let compareSeconds = 1.0

    @Sendable static func show(_ request: Request) async throws -> Response {
        let (session, principal) = try await signedInReader(request)
        var model = try await range(request, principal: principal, language: session.language)
        let figures = LogisticsFigures()
        model.report = try await figures.report(
            from: model.from, to: model.to, townID: model.townID, by: principal, on: request.db)
        model.villages = villages(model.report?.rows ?? [], language: session.language)
        if let day = request.query[String.self, at: "day"], PageDate.day(day) != nil { model.day = day }
        let compare = nonEmpty(request.query[String.self, at: "compare"])
        if let compare, PageDate.day(compare) != nil { model.day = compare }
        model.map = try await map(model.day, request: request)
        if let date = compare {
            do {
                model.compared = try await figures.consolidation(
                    date, timeLimit: compareSeconds, by: principal, on: request.db)
            } catch let problem as Problem where (400..<500).contains(problem.status) && problem.status != 401 {
                model.refusal = problem.detail ?? problem.title
            }
        }
        let view = View(model: model, context: PageContext(session: session, current: .figures))
        return WebPage.response(view.html, session: session)
    }

    @Sendable static func csv(_ request: Request) async throws -> Response {
        let (_, principal) = try await signedInReader(request)
        let model = try await range(request, principal: principal, language: .zhHans)
        let report = try await LogisticsFigures().report(
            from: model.from, to: model.to, townID: model.townID, by: principal, on: request.db)
        return csvResponse(report)
    }

    /// The report as a CSV download.
    static func csvResponse(_ report: LogisticsFigures.Report) -> Response {
        WebPage.csvDownload(FiguresCSV.csv(report), name: "jishi-figures-\(report.from)-\(report.to).csv")
    }

    /// Officials, dispatchers and admins come here; anyone else gets a `403`.
    private static func signedInReader(_ request: Request) async throws -> (WebSession, Principal) {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        guard principal.has(.official) || principal.has(.dispatcher) || principal.has(.admin) else {
            throw Problem.forbidden("Only the county's officials, dispatchers and admins see its figures.")
        }
        return (session, principal)
    }

    /// The range and town asked for: the last 7 days by default, and the reader's own town
    /// when they may not see the whole county.
    private static func range(_ request: Request, principal: Principal, language: JishiKit.Language) async throws
        -> Model
    {
        let today = PageDate.string(request.jishi.dependencies.now())
        let to = nonEmpty(request.query[String.self, at: "to"]) ?? today
        guard let end = PageDate.day(to) else { throw Problem.validation("to", "A date such as 2026-12-03.") }
        let from =
            nonEmpty(request.query[String.self, at: "from"]) ?? PageDate.string(end.addingTimeInterval(-6 * 86_400))
        var townID: UUID?
        if let text = nonEmpty(request.query[String.self, at: "town"]) {
            guard let id = UUID(uuidString: text) else { throw Problem.validation("town", "A town's id.") }
            townID = id
        }
        let figures = LogisticsFigures()
        let hub = try await request.jishi.dispatch.hub(on: request.db)
        guard let hubTown = try await Town.find(hub.$town.id, on: request.db) else {
            throw Problem.notFound("The county hub's town", field: "hub")
        }
        let county = hubTown.$county.id
        func mayRead(_ town: UUID?) -> Bool {
            let place = Place(countyID: county, townID: town)
            return Authorization.may(principal, .viewInsights, .place(place))
                || Authorization.may(principal, .dispatch, .place(place))
        }
        let towns = try await Town.query(on: request.db).filter(\.$county.$id == county).sort(\.$code).all()
            .filter { mayRead($0.id) }
        var model = Model(from: from, to: to, day: to)
        model.countyWide = mayRead(nil)
        model.towns = towns.compactMap { town in
            town.id.map { ($0, HomePage.Name(zhHans: town.name, en: town.nameEn).primary(language)) }
        }
        if townID == nil, !model.countyWide { townID = model.towns.first?.id }
        _ = try await figures.requireViewer(principal, townID: townID, on: request.db)
        model.townID = townID
        return model
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }

    /// The range's rows summed per village, by town and village code.
    static func villages(_ rows: [LogisticsFigures.VillageDay], language: JishiKit.Language) -> [Model.Village] {
        var byCode: [String: Model.Village] = [:]
        var order: [String] = []
        for row in rows.sorted(by: { ($0.townCode, $0.villageCode) < ($1.townCode, $1.villageCode) }) {
            if byCode[row.villageCode] == nil {
                order.append(row.villageCode)
                byCode[row.villageCode] = Model.Village(
                    code: row.villageCode,
                    name: HomePage.Name(zhHans: row.villageName, en: row.villageNameEn).primary(language))
            }
            byCode[row.villageCode]?.parcelsIn += row.parcelsIn
            byCode[row.villageCode]?.parcelsOut += row.parcelsOut
            byCode[row.villageCode]?.costMinor += row.costMinor
            byCode[row.villageCode]?.firstAttempt += row.firstAttemptDelivered
            byCode[row.villageCode]?.delivered += row.delivered
            if let dwell = row.dwellHoursMedian { byCode[row.villageCode]?.dwellMedians.append(dwell) }
        }
        return order.compactMap { byCode[$0] }
    }

    /// The published runs of `day` over the county's roads and nodes; nil without a published plan.
    private static func map(_ day: String, request: Request) async throws -> RunMap? {
        let service = request.jishi.dispatch
        guard let plan = try await service.view(day, on: request.db), plan.status == .published,
            !plan.runs.isEmpty
        else { return nil }
        return try await RunMap.county(hub: try await service.hub(on: request.db), runs: plan.runs, on: request.db)
    }
}
