import Foundation
import JishiKit
import Logistics
import Plot

extension FiguresPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.figuresTitle), context: context,
                main: [
                    .unwrap(model.refusal) { Widgets.alert(context.text(.figuresRefused, $0)) },
                    .h1(.safeText(context.text(.figuresTitle))),
                    .p(.class("meta"), .safeText(context.text(.figuresIntro))),
                    rangeForm,
                    .unwrap(model.report) { report($0) },
                    dayMap,
                    compareForm,
                    .unwrap(model.compared) { compared($0) },
                ])
        }

        private var rangeForm: Node<HTML.BodyContext> {
            var towns: [(String, String)] = model.countyWide ? [("", context.text(.figuresWholeCounty))] : []
            towns += model.towns.map { ($0.id.uuidString.lowercased(), $0.name) }
            return .form(
                .class("card inline-form"), .id("figures-form"), .method(.get), .action(SitePath.figures.path),
                .label(
                    .for("from"), .safeText(context.text(.figuresFrom)),
                    .input(.type(.date), .name("from"), .id("from"), .escaped("value", model.from))),
                .label(
                    .for("to"), .safeText(context.text(.figuresTo)),
                    .input(.type(.date), .name("to"), .id("to"), .escaped("value", model.to))),
                .label(.for("town"), .safeText(context.text(.figuresTown))),
                .raw(
                    DispatchPage.View.menu(
                        "town", towns, selected: model.townID?.uuidString.lowercased() ?? "")),
                .button(.type(.submit), .class("button secondary"), .id("show"), .safeText(context.text(.figuresShow))))
        }

        private func report(_ report: LogisticsFigures.Report) -> Node<HTML.BodyContext> {
            let parcels = report.parcels
            let perParcel = parcels == 0 ? 0 : (report.costMinor * 2 + parcels) / (parcels * 2)
            let share =
                report.delivered == 0
                ? "–" : String(format: "%.0f%%", Double(report.firstAttemptDelivered) * 100 / Double(report.delivered))
            let widest = max(1, model.villages.compactMap(\.costPerParcel).max() ?? 1)
            return .div(
                .id("figures"),
                .p(
                    .id("figures-summary"),
                    .safeText(
                        context.text(
                            .figuresSummary, context.number(report.plans), context.number(parcels),
                            context.money(Int64(report.costMinor)), context.money(Int64(perParcel)), share))),
                .p(
                    .a(
                        .class("button secondary"), .id("figures-csv"),
                        .href(SitePath.figuresCSV.path + model.query), .safeText(context.text(.figuresCSV)))),
                .if(
                    report.rows.isEmpty,
                    .p(.id("figures-none"), .class("meta"), .safeText(context.text(.figuresNone))),
                    else: .group(
                        .h2(.safeText(context.text(.figuresVillages))),
                        .ul(
                            .class("rows"), .id("figures-villages"),
                            .group(model.villages.map { village($0, widest: widest) })))),
                dwell(report.dwell))
        }

        private func village(_ village: Model.Village, widest: Int) -> Node<HTML.ListContext> {
            let perParcel = village.costPerParcel ?? 0
            let dwell = FiguresPage.median(village.dwellMedians).map { String(format: "%.1f", $0) } ?? "–"
            // A bar for the cost of a parcel, against the dearest village's.
            let width = Double(perParcel) / Double(widest) * 100
            let bar =
                "<svg class=\"cost-bar\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" role=\"img\" "
                + "aria-label=\"\(HTMLEscaping.escape(context.text(.figuresCostPerParcel)))\" "
                + "xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"100\" height=\"6\" fill=\"#efe9df\"/>"
                + "<rect width=\"\(String(format: "%.1f", width))\" height=\"6\" fill=\"#b23a1e\"/></svg>"
            return .li(
                .class("row"), .id("village-\(village.code)"),
                .span(.class("t"), .safeText(village.name)),
                .span(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .figuresVillageMeta, context.number(village.parcelsIn), context.number(village.parcelsOut),
                            context.money(Int64(village.costMinor)), context.money(Int64(perParcel))))),
                .span(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .figuresFirstAttempt, context.number(village.firstAttempt),
                            context.number(village.delivered), dwell))),
                .raw(bar))
        }

        private func dwell(_ nodes: [LogisticsFigures.NodeDwell]) -> Node<HTML.BodyContext> {
            func hours(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "–" }
            return .group(
                .h2(.safeText(context.text(.figuresDwellTitle))),
                .if(
                    nodes.isEmpty, .p(.class("meta"), .id("dwell-none"), .safeText(context.text(.figuresDwellNone))),
                    else: .ul(
                        .class("rows"), .id("figures-dwell"),
                        .group(
                            nodes.map { node in
                                .li(
                                    .class("row"), .id("dwell-\(node.nodeCode)"),
                                    .span(.class("t"), .safeText(node.nodeName)),
                                    .span(
                                        .class("meta"),
                                        .safeText(
                                            context.text(
                                                .figuresDwellMeta, context.number(node.handedOut),
                                                hours(node.medianHours), hours(node.meanHours),
                                                context.number(node.waiting)))))
                            }))))
        }

        private var dayMap: Node<HTML.BodyContext> {
            .group(
                .h2(.safeText(context.text(.figuresMapTitle, model.day))),
                .unwrap(
                    model.map,
                    { map in
                        .element(
                            named: "figure",
                            nodes: [
                                .class("map-box"), .id("figures-map"), .raw(map.svg),
                                .element(
                                    named: "figcaption", nodes: [.safeText(context.text(.figuresMapCaption))]),
                            ])
                    }, else: .p(.class("meta"), .id("no-map"), .safeText(context.text(.figuresNoMap, model.day)))))
        }

        private var compareForm: Node<HTML.BodyContext> {
            .form(
                .class("card inline-form"), .id("compare-form"), .method(.get), .action(SitePath.figures.path),
                .h2(.safeText(context.text(.figuresCompareTitle))),
                .p(.class("meta"), .safeText(context.text(.figuresCompareHint))),
                .input(.type(.hidden), .name("from"), .escaped("value", model.from)),
                .input(.type(.hidden), .name("to"), .escaped("value", model.to)),
                .unwrap(model.townID) {
                    .input(.type(.hidden), .name("town"), .escaped("value", $0.uuidString.lowercased()))
                },
                .label(
                    .for("compare"), .safeText(context.text(.dispatchDate)),
                    .input(
                        .type(.date), .name("compare"), .id("compare"), .escaped("value", model.day))),
                .button(
                    .type(.submit), .class("button secondary"), .id("compare-day"),
                    .safeText(context.text(.figuresCompare))))
        }

        private func compared(_ figure: Consolidation) -> Node<HTML.BodyContext> {
            func km(_ meters: Int) -> String { String(format: "%.1f", Double(meters) / 1000) }
            return .div(
                .class("card"), .id("consolidation"),
                .p(
                    .id("consolidation-result"),
                    .safeText(
                        context.text(
                            .figuresCompareResult, String(format: "%.2f", figure.sharedKmPerParcel),
                            km(figure.sharedMeters), context.number(figure.sharedRuns),
                            String(format: "%.2f", figure.separateKmPerParcel), km(figure.separateMeters)))),
                .ul(
                    .class("rows"),
                    .group(
                        figure.separate.map { part in
                            .li(
                                .class("meta"),
                                .safeText(
                                    context.text(
                                        .figuresCompareCarrier, part.carrier, context.number(part.runs),
                                        context.number(part.parcels), km(part.distanceMeters))))
                        })))
        }
    }

    /// The median of `values`, nil when empty.
    static func median(_ values: [Double]) -> Double? { LogisticsFigures.median(values) }
}
