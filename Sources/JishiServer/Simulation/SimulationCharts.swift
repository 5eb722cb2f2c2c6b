import Foundation
import JishiKit
import Plot
import Simulation

/// The pieces the run page and the comparison share: the charts' boxes and key, and the
/// tables of effects and Taobao villages, every number written for a 360 px screen.
enum SimulationCharts {
    static let baselineColour = "#6b7280"
    static let scenarioColour = "#b23a1e"
    static let otherColour = "#1f6fb2"

    static func title(_ metric: Metric) -> L10nKey {
        switch metric {
        case .householdsWithShops: .simulationHouseholds
        case .activeShops: .simulationActive
        case .salesMinor: .simulationSales
        case .parcelsOut: .simulationParcelsOut
        case .parcelsIn: .simulationParcelsIn
        default: .simulationShops
        }
    }

    /// Bands in the chart's unit: sales in yuan, the rest as they are.
    static func scaled(_ bands: [Band], _ metric: Metric) -> [Band?] {
        guard metric == .salesMinor else { return bands }
        return bands.map { Band(mean: $0.mean / 100, p10: $0.p10 / 100, p90: $0.p90 / 100) }
    }

    static func figure(_ chart: BandChart, id: String) -> Node<HTML.BodyContext> {
        .element(
            named: "figure",
            nodes: [
                .class("chart-box"), .id(id),
                .element(named: "figcaption", nodes: [.safeText(chart.title)]),
                .raw(chart.svg),
            ])
    }

    /// The charts' key: each series' colour (dashed or not) and what the shaded band is.
    /// `runs`: the runs behind every band (nil: each scenario's own).
    static func legend(_ items: [(label: String, colour: String, dashed: Bool)], runs: Int?, context: PageContext)
        -> Node<HTML.BodyContext>
    {
        .p(
            .class("legend"), .id("simulation-legend"),
            .group(
                items.map { item in
                    .span(
                        .class("key"),
                        .raw(
                            "<svg class=\"swatch-line\" width=\"28\" height=\"12\" viewBox=\"0 0 28 12\" aria-hidden=\"true\">"
                                + "<rect x=\"0\" y=\"1\" width=\"28\" height=\"10\" fill=\"\(item.colour)\" fill-opacity=\"0.18\"/>"
                                + "<line x1=\"0\" y1=\"6\" x2=\"28\" y2=\"6\" stroke=\"\(item.colour)\" stroke-width=\"2\""
                                + (item.dashed ? " stroke-dasharray=\"5 3\"" : "") + "/></svg>"),
                        .safeText(item.label))
                }),
            .span(
                .class("key"),
                .safeText(runs.map { context.text(.simulationBand, String($0)) } ?? context.text(.simulationBandEach))))
    }

    /// Year by year, per figure: the mean without and with the levers, and the effect (the
    /// paired differences' mean, and their p10 to p90 beneath).
    static func effectTable(_ figures: SimulationOutcome.Place, context: PageContext) -> Node<HTML.BodyContext> {
        .div(
            .class("table-box"),
            .table(
                .class("sim-table"), .id("simulation-effects"),
                .thead(header(context)),
                .group(
                    SimulationOutcome.charted.map { metric in
                        .tbody(
                            .id("effect-\(metric.rawValue)"),
                            .tr(
                                .th(
                                    .attribute(named: "colspan", value: "4"),
                                    .attribute(named: "scope", value: "rowgroup"),
                                    .safeText(context.text(title(metric))))),
                            .group(
                                figures.years.indices.map { index in
                                    let effect = figures.effect[metric]?[index] ?? Band(mean: 0, p10: 0, p90: 0)
                                    return .tr(
                                        .id("effect-\(metric.rawValue)-\(figures.years[index])"),
                                        .td(.safeText(String(figures.years[index]))),
                                        .td(
                                            .safeText(
                                                SimulationNumbers.value(
                                                    figures.baseline[metric]?[index].mean ?? 0, metric, context))),
                                        .td(
                                            .safeText(
                                                SimulationNumbers.value(
                                                    figures.scenario[metric]?[index].mean ?? 0, metric, context))),
                                        .td(
                                            .class("effect"),
                                            .strong(
                                                .safeText(
                                                    SimulationNumbers.value(effect.mean, metric, context, signed: true))
                                            ),
                                            range(effect, metric, context)))
                                }))
                    })))
    }

    /// An effect's p10 to p90, each end kept on one line.
    static func range<Context: HTML.BodyContext>(_ effect: Band, _ metric: Metric, _ context: PageContext)
        -> Node<Context>
    {
        .span(
            .class("range"),
            .span(.class("n"), .safeText(SimulationNumbers.value(effect.p10, metric, context, signed: true))),
            .text(" … "),
            .span(.class("n"), .safeText(SimulationNumbers.value(effect.p90, metric, context, signed: true))))
    }

    private static func header(_ context: PageContext) -> Node<HTML.TableContext> {
        .tr(
            .th(.attribute(named: "scope", value: "col"), .safeText(context.text(.simulationYear))),
            .th(.attribute(named: "scope", value: "col"), .safeText(context.text(.simulationWithout))),
            .th(.attribute(named: "scope", value: "col"), .safeText(context.text(.simulationWith))),
            .th(.attribute(named: "scope", value: "col"), .safeText(context.text(.simulationEffect))))
    }

    /// A village: the share of runs in which it is a Taobao village each year. A town: its
    /// Taobao villages (the runs' mean) and the share of runs in which it is a Taobao town.
    static func taobaoTable(_ figures: SimulationOutcome.Place, context: PageContext) -> Node<HTML.BodyContext> {
        let town = figures.townScenario != nil
        return .div(
            .class("table-box"),
            .table(
                .class("sim-table"), .id("simulation-taobao"),
                .thead(header(context)),
                .tbody(
                    .tr(
                        .th(
                            .attribute(named: "colspan", value: "4"), .attribute(named: "scope", value: "rowgroup"),
                            .safeText(context.text(town ? .simulationTaobaoVillages : .simulationTaobaoShare)))),
                    .group(
                        figures.years.indices.map { index in
                            func show(_ value: Double, signed: Bool = false) -> String {
                                town
                                    ? SimulationNumbers.count(value, signed: signed)
                                    : SimulationNumbers.percent(value, signed: signed)
                            }
                            return .tr(
                                .id("taobao-\(figures.years[index])"),
                                .td(.safeText(String(figures.years[index]))),
                                .td(.safeText(show(figures.taobaoBaseline[index]))),
                                .td(.safeText(show(figures.taobaoScenario[index]))),
                                .td(
                                    .class("effect"),
                                    .strong(.safeText(show(figures.taobaoEffect[index].mean, signed: true)))))
                        })),
                .unwrap(figures.townScenario) { scenario in
                    .tbody(
                        .tr(
                            .th(
                                .attribute(named: "colspan", value: "4"), .attribute(named: "scope", value: "rowgroup"),
                                .safeText(context.text(.simulationTaobaoTown)))),
                        .group(
                            figures.years.indices.map { index in
                                let baseline = figures.townBaseline?[index] ?? 0
                                return .tr(
                                    .id("taobao-town-\(figures.years[index])"),
                                    .td(.safeText(String(figures.years[index]))),
                                    .td(.safeText(SimulationNumbers.percent(baseline))),
                                    .td(.safeText(SimulationNumbers.percent(scenario[index]))),
                                    .td(
                                        .class("effect"),
                                        .strong(
                                            .safeText(
                                                SimulationNumbers.percent(scenario[index] - baseline, signed: true)))))
                            }))
                }))
    }
}

/// Numbers as the simulation pages write them: counts grouped (from 100,000 in 万, or k and M),
/// small means with a decimal, sales in yuan in 万 and 亿 (Chinese) or k and M (English), shares
/// as percentages: short enough for four columns on a 360 px screen.
enum SimulationNumbers {
    static func value(_ value: Double, _ metric: Metric, _ context: PageContext, signed: Bool = false) -> String {
        if metric == .salesMinor { return money(value, context, signed: signed) }
        let size = abs(value)
        guard size >= 100_000 else { return count(value, signed: signed) }
        let text =
            context.language == .zhHans
            ? String(format: "%.1f万", size / 10_000)
            : size >= 1_000_000 ? String(format: "%.2fM", size / 1_000_000) : String(format: "%.0fk", size / 1_000)
        return sign(value, signed) + text
    }

    static func sign(_ value: Double, _ signed: Bool) -> String {
        signed && value > 0 ? "+" : value < 0 ? "−" : ""
    }

    static func count(_ value: Double, signed: Bool = false) -> String {
        let size = abs(value)
        let text: String
        if size >= 100 || size == size.rounded() {
            let whole = Int(size.rounded())
            var digits = String(whole)
            var grouped = ""
            while digits.count > 3 {
                grouped = "," + digits.suffix(3) + grouped
                digits.removeLast(3)
            }
            text = digits + grouped
        } else {
            text = String(format: "%.1f", size)
        }
        return (text == "0" || text == "0.0" ? "" : sign(value, signed)) + text
    }

    /// Fen as compact yuan.
    static func money(_ fen: Double, _ context: PageContext, signed: Bool = false) -> String {
        let yuan = abs(fen) / 100
        let text: String
        if context.language == .zhHans {
            if yuan >= 100_000_000 {
                text = String(format: "¥%.2f亿", yuan / 100_000_000)
            } else if yuan >= 10_000 {
                text = String(format: "¥%.1f万", yuan / 10_000)
            } else {
                text = "¥" + count(yuan.rounded())
            }
        } else {
            if yuan >= 1_000_000 {
                text = String(format: "¥%.1fM", yuan / 1_000_000)
            } else if yuan >= 10_000 {
                text = String(format: "¥%.0fk", yuan / 1_000)
            } else {
                text = "¥" + count(yuan.rounded())
            }
        }
        return (yuan < 0.5 ? "" : sign(fen, signed)) + text
    }

    /// A share (0–1) as "35%".
    static func percent(_ share: Double, signed: Bool = false) -> String {
        let points = Int((abs(share) * 100).rounded())
        return (points == 0 ? "" : sign(share, signed)) + "\(points)%"
    }
}
