import Community
import Foundation
import JishiKit
import Plot
import Simulation
import Vapor

/// `/insights/simulation/runs/:run`: a saved policy scenario. While it waits for the worker the
/// page shows where it is and reloads itself; once done, the chosen village's (or the town's
/// total) households with shops, active shops, sales and parcels by year, with and without the
/// levers (mean and p10–p90 band), the levers' effect run by run, and the Taobao villages.
enum SimulationRunPage {
    struct Model: Sendable {
        var id: UUID
        var name: String
        var place: String
        var level: SimulationRun.Level
        var status: SimulationRun.Status
        var progress: Int
        var total: Int
        var error: String?
        var start: Int?
        var end: Int?
        var runs: Int
        var seed: Int64
        var levers: SimulationRequest.Levers?
        var createdAt: Date
        /// A town's run: its villages, to show one instead of the total.
        var villages: [(code: String, name: String)]
        /// The village shown (nil: the town's total, or the run's one village).
        var chosen: String?
        var shown: String
        var figures: SimulationOutcome.Place?
    }

    /// Seconds between reloads of a page that waits for the worker.
    static let refreshSeconds = 2

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let run = try await request.jishi.simulations.find(try request.pageID("run"), by: principal, on: request.db)
        let model = try await model(run, request: request, language: session.language)
        let context = PageContext(
            session: session, current: .simulationRun,
            returnPath: SitePath.simulationRun.path(model.id) + (model.chosen.map { "?village=" + $0 } ?? ""))
        return WebPage.response(View(model: model, context: context).html, session: session)
    }

    @Sendable static func csv(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let id = try request.pageID("run")
        let run = try await request.jishi.simulations.find(id, by: principal, on: request.db)
        guard let outcome = run.outcome else {
            throw Problem(type: .conflict, detail: "The scenario has not finished yet.")
        }
        return WebPage.csvDownload(outcome.csv(), name: "jishi-simulation-\(id.uuidString.lowercased()).csv")
    }

    static func model(_ run: SimulationRun, request: Request, language: JishiKit.Language) async throws -> Model {
        let id = try run.requireID()
        let scenario = run.scenarioValue
        let codes = Set([run.placeCode] + (scenario?.villages.map(\.code) ?? []))
        let names = try await SimulationPage.placeNames(codes, language: language, on: request.db)
        let outcome = run.outcome
        var chosen: String?
        if run.level == .town, let asked = request.query[String.self, at: "village"], !asked.isEmpty {
            guard scenario?.villages.contains(where: { $0.code == asked }) == true else {
                throw Problem.validation("village", "A village of this scenario's town.")
            }
            chosen = asked
        }
        let placeName = names[run.placeCode] ?? run.placeCode
        return Model(
            id: id, name: run.name, place: placeName, level: run.level,
            status: outcome == nil && run.status == .done
                ? .failed : run.status,
            progress: run.progress, total: run.total, error: run.error, start: scenario?.start, end: scenario?.end,
            runs: run.runs, seed: run.seed, levers: run.asked?.levers, createdAt: run.createdAt,
            villages: run.level == .town
                ? (scenario?.villages.map { ($0.code, names[$0.code] ?? $0.code) } ?? []) : [],
            chosen: chosen, shown: chosen.flatMap { names[$0] } ?? placeName,
            figures: outcome?.place(chosen ?? (run.level == .village ? run.placeCode : nil)))
    }

    /// The levers as the page lists them.
    static func leverLines(_ levers: SimulationRequest.Levers?, town: Bool, context: PageContext) -> [String] {
        guard let levers, !levers.isEmpty else { return [context.text(.simulationNoLevers)] }
        var lines: [String] = []
        if levers.station { lines.append(context.text(town ? .simulationLeverStationTown : .simulationLeverStation)) }
        if let coverage = levers.broadband {
            lines.append(context.text(.simulationLeverBroadband, SimulationNumbers.percent(coverage)))
        }
        if let places = levers.trainingPersonTimes {
            lines.append(context.text(.simulationLeverTraining, context.number(places)))
        }
        if let amount = levers.subsidyMinor {
            lines.append(
                context.text(.simulationLeverSubsidy, context.money(amount), String(levers.subsidyYears ?? 1)))
        }
        if levers.park { lines.append(context.text(.simulationLeverPark)) }
        if levers.registries { lines.append(context.text(.simulationLeverRegistries)) }
        if let people = levers.returnees {
            lines.append(context.text(.simulationLeverReturnees, context.number(people)))
        }
        return lines
    }

    struct View {
        var model: Model
        var context: PageContext

        var waiting: Bool { model.status == .queued || model.status == .running }

        var html: HTML {
            Layout.page(
                title: model.name, context: context,
                main: [
                    .p(
                        .class("back"),
                        .a(.href(SitePath.simulation.path), .safeText("← " + context.text(.simulationTitle)))),
                    .h1(.safeText(model.name)),
                    .p(
                        .class("meta"), .id("simulation-about"),
                        .safeText(
                            context.text(
                                .simulationAbout, model.place,
                                model.start.map { "\($0)–\(model.end ?? $0)" } ?? "", String(model.runs),
                                String(model.seed), context.time(model.createdAt)))),
                    .ul(
                        .class("levers"), .id("simulation-levers"),
                        .group(
                            SimulationRunPage.leverLines(model.levers, town: model.level == .town, context: context)
                                .map { .li(.safeText($0)) })),
                    .if(waiting, progress),
                    .if(
                        model.status == .failed,
                        .p(
                            .class("alert"), .id("simulation-failed"), .attribute(named: "role", value: "alert"),
                            .safeText(context.text(.simulationFailedDetail, model.error ?? "")))),
                    .unwrap(model.figures) { figures in results(figures) },
                ], refresh: waiting ? SimulationRunPage.refreshSeconds : nil)
        }

        private var progress: Node<HTML.BodyContext> {
            .div(
                .class("box"), .id("simulation-progress"), .attribute(named: "role", value: "status"),
                .p(
                    .id("simulation-status"),
                    .safeText(
                        model.status == .queued
                            ? context.text(.simulationQueuedDetail)
                            : context.text(.simulationRunning, String(model.progress), String(model.total)))),
                Widgets.progress(done: model.progress, total: model.total),
                .p(.class("meta"), .safeText(context.text(.simulationRefreshes))))
        }

        private func results(_ figures: SimulationOutcome.Place) -> Node<HTML.BodyContext> {
            .group(
                .if(!model.villages.isEmpty, villageForm),
                .div(
                    .class("actions"),
                    .a(
                        .class("button secondary"), .id("simulation-csv"),
                        .href(SitePath.simulationRunCSV.path(model.id)), .safeText(context.text(.simulationCSV))),
                    .a(
                        .class("button secondary"), .id("simulation-new"), .href(SitePath.simulation.path),
                        .safeText(context.text(.simulationNew)))),
                .h2(.id("simulation-shown"), .safeText(context.text(.simulationShown, model.shown))),
                SimulationCharts.legend(
                    [
                        (context.text(.simulationBaseline), SimulationCharts.baselineColour, true),
                        (context.text(.simulationScenario), SimulationCharts.scenarioColour, false),
                    ], runs: model.runs, context: context),
                .div(
                    .class("charts"), .id("simulation-charts"),
                    .group(
                        SimulationOutcome.charted.map { metric in
                            SimulationCharts.figure(
                                BandChart(
                                    title: context.text(SimulationCharts.title(metric)), years: figures.years,
                                    series: [
                                        .init(
                                            label: context.text(.simulationBaseline),
                                            colour: SimulationCharts.baselineColour,
                                            bands: SimulationCharts.scaled(figures.baseline[metric] ?? [], metric),
                                            dashed: true),
                                        .init(
                                            label: context.text(.simulationScenario),
                                            colour: SimulationCharts.scenarioColour,
                                            bands: SimulationCharts.scaled(figures.scenario[metric] ?? [], metric)),
                                    ]), id: "chart-\(metric.rawValue)")
                        })),
                .h2(.safeText(context.text(.simulationEffects))),
                .p(.class("meta"), .safeText(context.text(.simulationEffectsNote, String(model.runs)))),
                SimulationCharts.effectTable(figures, context: context),
                .h2(.safeText(context.text(.simulationTaobao))),
                SimulationCharts.taobaoTable(figures, context: context),
                .p(.class("meta"), .safeText(context.text(.simulationModelNote))))
        }

        private var villageForm: Node<HTML.BodyContext> {
            .form(
                .class("card inline-form"), .id("view-form"), .method(.get),
                .action(SitePath.simulationRun.path(model.id)),
                .label(.for("village"), .safeText(context.text(.simulationView))),
                .raw(
                    DispatchPage.View.menu(
                        "village",
                        [("", context.text(.simulationTownTotal))] + model.villages.map { ($0.code, $0.name) },
                        selected: model.chosen ?? "")),
                .button(
                    .type(.submit), .class("button secondary"), .id("show"), .safeText(context.text(.simulationShow))))
        }
    }
}
