import Foundation
import JishiKit
import Plot
import Simulation
import Vapor

/// `/insights/simulation/compare?a=&b=`: two saved scenarios side by side — what each asked,
/// their places' curves with the levers overlaid on one chart per figure (mean and p10–p90),
/// and each one's effect in its last year.
enum SimulationComparePage {
    struct Model: Sendable {
        var a: SimulationRunPage.Model
        var b: SimulationRunPage.Model
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        func id(_ name: String) throws -> UUID {
            guard let text = request.query[String.self, at: name], let id = UUID(uuidString: text) else {
                throw Problem.validation(name, "A saved scenario's id.")
            }
            return id
        }
        let (first, second) = (try id("a"), try id("b"))
        let runs = request.jishi.simulations
        let a = try await runs.find(first, by: principal, on: request.db)
        let b = try await runs.find(second, by: principal, on: request.db)
        let model = Model(
            a: try await SimulationRunPage.model(a, request: request, language: session.language),
            b: try await SimulationRunPage.model(b, request: request, language: session.language))
        let context = PageContext(
            session: session, current: .simulationCompare,
            returnPath: SitePath.simulationCompare.path
                + "?a=\(first.uuidString.lowercased())&b=\(second.uuidString.lowercased())")
        return WebPage.response(View(model: model, context: context).html, session: session)
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            let years = Array(
                Set((model.a.figures?.years ?? []) + (model.b.figures?.years ?? []))
            ).sorted()
            return Layout.page(
                title: context.text(.simulationCompareTitle), context: context,
                main: [
                    .p(
                        .class("back"),
                        .a(.href(SitePath.simulation.path), .safeText("← " + context.text(.simulationTitle)))),
                    .h1(.safeText(context.text(.simulationCompareTitle))),
                    .div(
                        .class("sim-pair"), .id("compare-sides"),
                        side(model.a, letter: "A", colour: SimulationCharts.scenarioColour, id: "compare-a"),
                        side(model.b, letter: "B", colour: SimulationCharts.otherColour, id: "compare-b")),
                    SimulationCharts.legend(
                        [
                            ("A · " + model.a.name, SimulationCharts.scenarioColour, false),
                            ("B · " + model.b.name, SimulationCharts.otherColour, false),
                        ], runs: model.a.runs == model.b.runs ? model.a.runs : nil, context: context),
                    .div(
                        .class("charts"), .id("compare-charts"),
                        .group(
                            SimulationOutcome.charted.map { metric in
                                SimulationCharts.figure(
                                    BandChart(
                                        title: context.text(SimulationCharts.title(metric)), years: years,
                                        series: [
                                            series(model.a, "A", SimulationCharts.scenarioColour, metric, years),
                                            series(model.b, "B", SimulationCharts.otherColour, metric, years),
                                        ]), id: "compare-\(metric.rawValue)")
                            })),
                    .h2(.safeText(context.text(.simulationCompareEffects))),
                    effects,
                ])
        }

        private func series(
            _ run: SimulationRunPage.Model, _ letter: String, _ colour: String, _ metric: Metric, _ years: [Int]
        ) -> BandChart.Series {
            let figures = run.figures
            let bands = SimulationCharts.scaled(figures?.scenario[metric] ?? [], metric)
            return BandChart.Series(
                label: letter + " · " + run.name, colour: colour,
                bands: years.map { year in
                    figures?.years.firstIndex(of: year).flatMap { bands.indices.contains($0) ? bands[$0] : nil }
                })
        }

        private func side(_ run: SimulationRunPage.Model, letter: String, colour: String, id: String)
            -> Node<HTML.BodyContext>
        {
            .div(
                .class("box"), .id(id),
                .h2(
                    .raw(
                        "<svg width=\"14\" height=\"14\" viewBox=\"0 0 14 14\" aria-hidden=\"true\">"
                            + "<rect width=\"14\" height=\"14\" rx=\"3\" fill=\"\(colour)\"/></svg> "),
                    .safeText(letter + " · "), .a(.href(SitePath.simulationRun.path(run.id)), .safeText(run.name))),
                .p(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .simulationAbout, run.place, run.start.map { "\($0)–\(run.end ?? $0)" } ?? "",
                            String(run.runs), String(run.seed), context.time(run.createdAt)))),
                .ul(
                    .class("levers"),
                    .group(
                        SimulationRunPage.leverLines(run.levers, town: run.level == .town, context: context)
                            .map { .li(.safeText($0)) })),
                .if(
                    run.figures == nil,
                    .p(.class("alert"), .safeText(context.text(.simulationCompareNotDone)))))
        }

        /// "A · 2031": the run's letter and its last year.
        private func heading(_ letter: String, _ run: SimulationRunPage.Model) -> String {
            letter + (run.figures?.years.last.map { " · \($0)" } ?? "")
        }

        /// Each figure's effect in each run's last year: mean, and p10 to p90.
        private var effects: Node<HTML.BodyContext> {
            func cell(_ run: SimulationRunPage.Model, _ metric: Metric) -> Node<HTML.TableRowContext> {
                guard let effect = run.figures?.effect[metric]?.last else { return .td(.safeText("—")) }
                return .td(
                    .class("effect"),
                    .strong(.safeText(SimulationNumbers.value(effect.mean, metric, context, signed: true))),
                    SimulationCharts.range(effect, metric, context))
            }
            return .div(
                .class("table-box"),
                .table(
                    .class("sim-table"), .id("compare-effects"),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .safeText(context.text(.simulationFigure))),
                            .th(.attribute(named: "scope", value: "col"), .safeText(heading("A", model.a))),
                            .th(.attribute(named: "scope", value: "col"), .safeText(heading("B", model.b))))),
                    .tbody(
                        .group(
                            SimulationOutcome.charted.map { metric in
                                .tr(
                                    .id("compare-effect-\(metric.rawValue)"),
                                    .th(
                                        .attribute(named: "scope", value: "row"),
                                        .safeText(context.text(SimulationCharts.title(metric)))),
                                    cell(model.a, metric), cell(model.b, metric))
                            }))))
        }
    }
}
