import Community
import Foundation
import Insights
import JishiKit
import Plot
import Vapor

/// `/insights/siting?place=&sites=&objective=&radius=&demand=`: the county office asks where
/// the next k stations or pickup points should go; the answer names the villages, shows the
/// distances to a station before and after, says what the solver proved, and maps it.
enum SitingPage {
    struct Model: Sendable {
        var places: [(code: String, label: String)]
        var place: String?
        var sites = 2
        var objective: StationSiting.Objective = .pMedian
        var radiusKm = 3.0
        var demand: StationSiting.Demand = .households
        var answer: StationSiting.Answer?
        var failure: String?
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let place = request.query[String.self, at: "place"].flatMap { $0.isEmpty ? nil : $0 }
        var model = Model(
            places: try await GrowthPage.places(
                principal, around: String((place ?? "").prefix(6)), language: session.language, on: request.db
            ).filter { $0.code.count < 12 })
        model.place = place
        if let text = request.query[String.self, at: "sites"] {
            model.sites = FormInput.count(text) ?? 0
            model.objective =
                request.query[String.self, at: "objective"].flatMap(StationSiting.Objective.init) ?? .pMedian
            model.radiusKm = request.query[String.self, at: "radius"].flatMap(Double.init) ?? model.radiusKm
            model.demand = request.query[String.self, at: "demand"].flatMap(StationSiting.Demand.init) ?? .households
            let question = StationSiting.Question(
                place: model.place, sites: model.sites, objective: model.objective,
                radiusMeters: model.radiusKm.isFinite ? Int((model.radiusKm * 1000).rounded()) : 0,
                demand: model.demand)
            do {
                model.answer = try await StationSiting(context: request.jishi.insightsContext).answer(
                    question, by: principal, on: request.db)
            } catch let problem as Problem where problem.isFormError {
                model.failure = problem.detail ?? problem.title
            }
        } else {
            _ = try await InsightsScope.of(principal, on: request.db)
        }
        let context = PageContext(session: session, current: .siting)
        let status: HTTPResponseStatus = model.failure == nil ? .ok : .badRequest
        return WebPage.response(View(model: model, context: context).html, status: status, session: session)
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.sitingTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.sitingTitle))),
                    .p(.class("meta"), .safeText(context.text(.sitingIntro))),
                    .unwrap(model.failure) { Widgets.alert($0) },
                    form,
                    .unwrap(model.answer) { answer($0) },
                ])
        }

        private var form: Node<HTML.BodyContext> {
            .form(
                .class("card"), .id("siting-form"), .method(.get), .action(SitePath.siting.path),
                .label(.for("place"), .safeText(context.text(.sitingPlace))),
                .raw(DispatchPage.View.menu("place", model.places.map { ($0.code, $0.label) }, selected: model.place)),
                .label(
                    .for("sites"), .safeText(context.text(.sitingSites)),
                    .input(
                        .type(.number), .class("in"), .name("sites"), .id("sites"),
                        .attribute(named: "min", value: "1"),
                        .attribute(named: "max", value: "20"), .value(String(model.sites)))),
                .label(.for("objective"), .safeText(context.text(.sitingObjective))),
                .raw(
                    DispatchPage.View.menu(
                        "objective",
                        [("p_median", context.text(.sitingPMedian)), ("covering", context.text(.sitingCovering))],
                        selected: model.objective.rawValue)),
                .label(
                    .for("radius"), .safeText(context.text(.sitingRadius)),
                    .input(
                        .type(.number), .class("in"), .name("radius"), .id("radius"),
                        .attribute(named: "min", value: "0.5"),
                        .attribute(named: "max", value: "50"), .attribute(named: "step", value: "0.5"),
                        .value(String(format: "%g", model.radiusKm)))),
                .label(.for("demand"), .safeText(context.text(.sitingDemand))),
                .raw(
                    DispatchPage.View.menu(
                        "demand",
                        [("households", context.text(.sitingHouseholds)), ("parcels", context.text(.sitingParcels))],
                        selected: model.demand.rawValue)),
                .button(.type(.submit), .class("button"), .id("site"), .safeText(context.text(.sitingRun))))
        }

        private func km(_ meters: Int) -> String { String(format: "%.1f", Double(meters) / 1000) }

        private func figures(_ figures: StationSiting.Figures, radius: Int) -> String {
            context.text(
                .sitingFigures, km(figures.meanMeters), km(figures.worstMeters), context.number(figures.covered),
                context.number(figures.total), km(radius))
        }

        private func answer(_ answer: StationSiting.Answer) -> Node<HTML.BodyContext> {
            let gap: String? = answer.bound.map { bound in
                let value = answer.objectiveValue
                let share = value == 0 ? 0 : Double(abs(value - bound)) / Double(max(value, bound))
                return String(format: "%.1f%%", share * 100)
            }
            return .div(
                .id("siting-answer"),
                .h2(.safeText(context.text(.sitingChosen))),
                .ol(
                    .class("rows"), .id("siting-chosen"),
                    .group(
                        answer.chosen.map { site in
                            .li(.class("row"), .id("chosen-\(site.code)"), .safeText(site.name + " " + site.code))
                        })),
                .dl(
                    .class("figures"), .id("siting-figures"),
                    .dt(.safeText(context.text(.sitingBefore))),
                    .dd(.id("siting-before"), .safeText(figures(answer.before, radius: answer.radiusMeters))),
                    .dt(.safeText(context.text(.sitingAfter))),
                    .dd(.id("siting-after"), .safeText(figures(answer.after, radius: answer.radiusMeters)))),
                .p(
                    .class("meta"), .id("siting-bound"),
                    .safeText(
                        answer.provenOptimal
                            ? context.text(.sitingProven) : gap.map { context.text(.sitingGap, $0) } ?? "")),
                .element(
                    named: "figure",
                    nodes: [
                        .class("map-box"), .id("siting-map"), .raw(SitingMap(answer: answer).svg),
                        .element(named: "figcaption", nodes: [.safeText(context.text(.sitingMapCaption))]),
                    ]))
        }
    }
}

/// The siting answer drawn on the server: villages as grey dots, today's stations as black
/// squares, the new sites as red diamonds.
struct SitingMap {
    var answer: StationSiting.Answer

    var svg: String {
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        let project = MapProjection(
            fitting: answer.villages.map(\.location) + answer.existing.map(\.location), size: 320, margin: 14)
        var parts = [
            "<svg class=\"map\" viewBox=\"0 0 320 320\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"#f7f5ef\"/>",
        ]
        for village in answer.villages {
            let p = project(village.location)
            parts.append(
                "<circle cx=\"\(f(p.x))\" cy=\"\(f(p.y))\" r=\"4\" fill=\"#b9b4a8\"><title>"
                    + HTMLEscaping.escape(village.name + " " + village.code) + "</title></circle>")
        }
        for station in answer.existing {
            let p = project(station.location)
            parts.append(
                "<rect x=\"\(f(p.x - 4))\" y=\"\(f(p.y - 4))\" width=\"8\" height=\"8\" fill=\"#222\"><title>"
                    + HTMLEscaping.escape(station.name) + "</title></rect>")
        }
        for site in answer.chosen {
            let p = project(site.location)
            parts.append(
                "<polygon class=\"new-site\" points=\"\(f(p.x)),\(f(p.y - 7)) \(f(p.x + 7)),\(f(p.y)) \(f(p.x)),\(f(p.y + 7)) \(f(p.x - 7)),\(f(p.y))\" fill=\"#c0392b\" stroke=\"#fff\"><title>"
                    + HTMLEscaping.escape(site.name + " " + site.code) + "</title></polygon>")
        }
        parts.append("</svg>")
        return parts.joined()
    }
}
