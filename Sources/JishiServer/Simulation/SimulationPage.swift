import Community
import FluentKit
import Foundation
import Insights
import JishiKit
import Plot
import Vapor

/// `/insights/simulation`: an official (or admin) chooses a village or town of their scope,
/// sets the levers, the horizon, the runs and the seed, and runs the growth model against the
/// baseline without the levers; the saved runs are listed to reopen, and two of them can be
/// compared. A small run answers at once; a town's, or a large one, waits for the job worker.
enum SimulationPage {
    struct Model: Sendable {
        var form: SimulationForm
        var places: [(code: String, label: String)]
        var failure: SimulationForm.Failure?
        var runs: [SavedRun]
    }

    /// A saved run in the list.
    struct SavedRun: Sendable {
        var id: UUID
        var name: String
        var place: String
        var status: SimulationRun.Status
        var progress: Int
        var total: Int
        var createdAt: Date
        var by: String
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        var form = SimulationForm()
        if let place = request.query[String.self, at: "place"] { form.place = place }
        return try await page(request, session: session, principal: principal, form: form, failure: nil)
    }

    @Sendable static func run(_ request: Request) async throws -> Response {
        let (session, principal, values) = try await FormValues.signedIn(request)
        _ = try await InsightsScope.of(principal, on: request.db)
        let form = SimulationForm(values)
        do {
            let asked = try form.request()
            let run = try await request.jishi.simulations.start(
                asked, by: principal, language: session.language, on: request.db)
            return WebPage.redirect(toPath: SitePath.simulationRun.path(try run.requireID()), session: session)
        } catch let failure as SimulationForm.Failure {
            return try await page(request, session: session, principal: principal, form: form, failure: failure)
        }
    }

    static func page(
        _ request: Request, session: WebSession, principal: Principal, form: SimulationForm,
        failure: SimulationForm.Failure?
    ) async throws -> Response {
        let zh = session.language == .zhHans
        let places = try await SimulationStart.places(principal, on: request.db)
        var form = form
        if form.place.isEmpty { form.place = places.first(where: { $0.place.level == .village })?.place.code ?? "" }
        let model = Model(
            form: form, places: places.map { ($0.place.code, zh ? $0.label.zh : $0.label.en) }, failure: failure,
            runs: try await savedRuns(request, principal: principal, language: session.language))
        let context = PageContext(session: session, current: .simulation)
        return WebPage.response(
            View(model: model, context: context).html, status: failure == nil ? .ok : .badRequest, session: session)
    }

    /// The saved runs `principal` may see, with their places' and authors' names.
    static func savedRuns(_ request: Request, principal: Principal, language: JishiKit.Language) async throws
        -> [SavedRun]
    {
        let runs = try await request.jishi.simulations.list(by: principal, on: request.db)
        let names = try await placeNames(Set(runs.map(\.placeCode)), language: language, on: request.db)
        var authors: [UUID: String] = [:]
        for account in try await Account.query(on: request.db).filter(\.$id ~~ Set(runs.map(\.createdBy))).all() {
            if let id = account.id {
                authors[id] = account.displayName.isEmpty ? account.username : account.displayName
            }
        }
        return runs.compactMap { run in
            guard let id = run.id else { return nil }
            return SavedRun(
                id: id, name: run.name, place: names[run.placeCode] ?? run.placeCode, status: run.status,
                progress: run.progress, total: run.total, createdAt: run.createdAt, by: authors[run.createdBy] ?? "")
        }
    }

    /// The names of the towns and villages of `codes`, in `language`.
    static func placeNames(_ codes: Set<String>, language: JishiKit.Language, on database: any Database)
        async throws -> [String: String]
    {
        var names: [String: String] = [:]
        guard !codes.isEmpty else { return names }
        for town in try await Town.query(on: database).filter(\.$code ~~ codes).all() {
            names[town.code] = language == .zhHans ? town.name : town.nameEn
        }
        for village in try await Village.query(on: database).filter(\.$code ~~ codes).all() {
            names[village.code] = language == .zhHans ? village.name : village.nameEn
        }
        return names
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.simulationTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.simulationTitle))),
                    .p(.class("meta"), .safeText(context.text(.simulationIntro))),
                    .unwrap(model.failure) { failure in
                        .p(
                            .class("alert"), .id("simulation-error"), .attribute(named: "role", value: "alert"),
                            .safeText(failure.message.text(context)))
                    },
                    form,
                    .h2(.safeText(context.text(.simulationSaved))),
                    .if(
                        model.runs.isEmpty,
                        .p(.class("meta"), .id("no-runs"), .safeText(context.text(.simulationNoRuns))),
                        else: .ul(.class("rows"), .id("simulation-runs"), .group(model.runs.map(row)))),
                    .if(model.runs.filter { $0.status == .done }.count >= 2, compareForm),
                ])
        }

        private func invalid(_ field: String) -> Bool { model.failure?.field == field }

        private func number<Context: HTML.BodyContext>(
            _ name: String, _ label: L10nKey, value: String, decimal: Bool = false, hint: L10nKey? = nil
        ) -> Node<Context> {
            .label(
                .for(name), .safeText(context.text(label)),
                .input(
                    .type(.text), .class("in"), .name(name), .id(name), .escaped("value", value),
                    .attribute(named: "inputmode", value: decimal ? "decimal" : "numeric"),
                    .attribute(named: "aria-invalid", value: invalid(name) ? "true" : "false")),
                .unwrap(hint) { .span(.class("hint"), .safeText(context.text($0))) })
        }

        private func check<Context: HTML.BodyContext>(_ name: String, _ label: L10nKey, _ checked: Bool)
            -> Node<Context>
        {
            .label(
                .class("check"),
                .input(.type(.checkbox), .name(name), .value("1"), .id(name), .checked(checked)),
                .safeText(context.text(label)))
        }

        private var form: Node<HTML.BodyContext> {
            let form = model.form
            return .form(
                .class("card"), .id("simulation-form"), .method(.post), .action(SitePath.simulation.path),
                Layout.csrfField(context),
                .label(.for("place"), .safeText(context.text(.simulationPlace))),
                .raw(DispatchPage.View.menu("place", model.places, selected: form.place)),
                .label(
                    .for("name"), .safeText(context.text(.simulationName)),
                    .input(
                        .type(.text), .class("in"), .name("name"), .id("name"), .escaped("value", form.name),
                        .attribute(named: "maxlength", value: "100"),
                        .attribute(named: "aria-invalid", value: invalid("name") ? "true" : "false"))),
                .fieldset(
                    .id("levers"),
                    .element(named: "legend", nodes: [.safeText(context.text(.simulationLevers))]),
                    .p(.class("hint"), .safeText(context.text(.simulationLeversHint))),
                    check("station", .simulationStation, form.station),
                    number(
                        "broadband", .simulationBroadband, value: form.broadband, decimal: true,
                        hint: .simulationBroadbandHint),
                    number("training", .simulationTraining, value: form.training),
                    .div(
                        .class("pair"),
                        .div(number("subsidy", .simulationSubsidy, value: form.subsidy, decimal: true)),
                        .div(number("subsidyYears", .simulationSubsidyYears, value: form.subsidyYears))),
                    check("park", .simulationPark, form.park),
                    check("registries", .simulationRegistries, form.registries),
                    number("returnees", .simulationReturnees, value: form.returnees)),
                .fieldset(
                    .id("horizon"),
                    .element(named: "legend", nodes: [.safeText(context.text(.simulationHorizon))]),
                    .div(
                        .class("pair"),
                        .div(number("years", .simulationYears, value: form.years)),
                        .div(number("runs", .simulationRuns, value: form.runs))),
                    number("seed", .simulationSeed, value: form.seed),
                    .p(
                        .class("hint"),
                        .safeText(
                            context.text(
                                .simulationBackgroundHint, context.number(SimulationRuns.backgroundWork),
                                String(SimulationRequest.allowedRuns.upperBound),
                                String(SimulationRequest.allowedYears.upperBound))))),
                .button(.type(.submit), .class("button"), .id("run"), .safeText(context.text(.simulationRun))))
        }

        private func status(_ run: SavedRun) -> String {
            switch run.status {
            case .queued: context.text(.simulationQueued)
            case .running: context.text(.simulationRunning, String(run.progress), String(run.total))
            case .done: context.text(.simulationDone)
            case .failed: context.text(.simulationFailed)
            }
        }

        private func row(_ run: SavedRun) -> Node<HTML.ListContext> {
            .li(
                .class("row"), .id("run-\(run.id.uuidString.lowercased())"),
                .a(.class("t"), .href(SitePath.simulationRun.path(run.id)), .safeText(run.name)),
                .span(
                    .class("meta"),
                    .safeText(
                        [run.place, status(run), context.time(run.createdAt), run.by].filter { !$0.isEmpty }
                            .joined(separator: " · "))))
        }

        private var compareForm: Node<HTML.BodyContext> {
            let done = model.runs.filter { $0.status == .done }
            let choices = done.map { ($0.id.uuidString.lowercased(), $0.name + " · " + context.time($0.createdAt)) }
            return .group(
                .h2(.safeText(context.text(.simulationCompare))),
                .form(
                    .class("card"), .id("compare-form"), .method(.get), .action(SitePath.simulationCompare.path),
                    .label(.for("a"), .safeText(context.text(.simulationCompareA))),
                    .raw(DispatchPage.View.menu("a", choices, selected: choices.dropFirst().first?.0)),
                    .label(.for("b"), .safeText(context.text(.simulationCompareB))),
                    .raw(DispatchPage.View.menu("b", choices, selected: choices.first?.0)),
                    .button(
                        .type(.submit), .class("button secondary"), .id("compare"),
                        .safeText(context.text(.simulationCompareShow)))))
        }
    }
}

extension JishiServices {
    /// The officials' policy scenarios.
    var simulations: SimulationRuns { SimulationRuns(context: insightsContext, queue: jobs) }
}

extension Layout {
    /// The simulation pages' lever lists, tables of effects and comparison boxes; the charts
    /// use the growth page's boxes and keys.
    static let simulationStylesheet = """
        .levers{margin:6px 0 10px;padding-left:20px}
        .table-box{max-width:100%;overflow-x:auto;margin:6px 0 12px}
        .sim-table{width:100%;border-collapse:collapse;font-size:14px;background:#fff}
        .sim-table th,.sim-table td{padding:5px 6px;border-bottom:1px solid #efe9df;text-align:right;vertical-align:top}
        .sim-table th:first-child,.sim-table td:first-child{text-align:left}
        .sim-table td{white-space:nowrap}
        .sim-table tbody th{text-align:left;background:#f7f3ea}
        .sim-table .range{display:block;color:#5a5f66;font-size:12px;white-space:normal}
        .sim-table .n{white-space:nowrap}
        .sim-table th{overflow-wrap:normal;word-break:normal}
        #compare-effects td{white-space:normal}
        .sim-pair{display:grid;grid-template-columns:1fr;gap:10px}
        .sim-pair>*{min-width:0}
        @media (min-width:720px){.sim-pair{grid-template-columns:1fr 1fr}}
        #simulation-progress progress{display:block;width:100%;height:16px}
        .legend svg{vertical-align:middle}
        #simulation-form .hint{display:block;font-weight:400}

        """
}
