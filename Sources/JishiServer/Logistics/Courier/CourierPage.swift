import Foundation
import JishiKit
import Logistics
import Plot

/// The courier's day.
enum CourierPage {
    struct Model: Sendable {
        var date: String
        var runs: [PlanView.Run] = []
        var maps: [UUID: RunMap] = [:]
        var shiftStart = 0
        var notice = false
        var refusal: String?
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.courierTitle), context: context,
                main: [
                    .if(model.notice, Widgets.notice(context.text(.courierSaved))),
                    .unwrap(model.refusal) { Widgets.alert(context.text(.courierRefused, $0)) },
                    .h1(.safeText(context.text(.courierTitle) + " · " + model.date)),
                    .if(model.runs.isEmpty, .p(.id("no-runs"), .safeText(context.text(.courierNone)))),
                    .group(model.runs.map(run)),
                    .if(!model.runs.isEmpty, .element(named: "script", nodes: [.raw(Layout.scanScript)])),
                ])
        }

        private var dateField: (String, String) { ("date", model.date) }

        private func run(_ run: PlanView.Run) -> Node<HTML.BodyContext> {
            let progress: L10nKey =
                switch run.progress {
                case .planned: .courierProgressPlanned
                case .loaded: .courierProgressLoaded
                case .finished: .courierProgressFinished
                }
            return .section(
                .class("card"), .id("run-\(run.vehicle.code)"),
                .h2(
                    .safeText(
                        context.text(
                            .courierRun, run.vehicle.code, context.number(run.stops.count),
                            DispatchPage.View.km(run.distanceMeters)))),
                .p(.span(.class("tag"), .id("progress-\(run.vehicle.code)"), .safeText(context.text(progress)))),
                .unwrap(model.maps[run.id]) { map in
                    .element(named: "figure", nodes: [.class("map-box"), .raw(map.svg)])
                },
                .p(
                    .a(
                        .id("manifest-\(run.vehicle.code)"), .href(SitePath.runManifest.path(run.id)),
                        .safeText(context.text(.manifestLink)))),
                .if(
                    run.progress == .planned,
                    Widgets.postButton(
                        SitePath.courierLoad.path(run.id), context.text(.courierLoad), context: context, id: "load",
                        fields: [dateField])),
                .ol(.class("stops"), .group(run.stops.map { stop($0, run: run) })),
                .if(
                    run.progress == .loaded,
                    Widgets.postButton(
                        SitePath.courierUnload.path(run.id), context.text(.courierUnload), context: context,
                        id: "unload", fields: [dateField]))
            )
        }

        private func stop(_ stop: PlanView.Stop, run: PlanView.Run) -> Node<HTML.ListContext> {
            let open = run.progress == .loaded && stop.outcome == .pending
            let outcome: String? =
                switch stop.outcome {
                case .pending: nil
                case .done: context.text(.courierOutcomeDone)
                case .failed: context.text(.courierOutcomeFailed, stop.note)
                }
            func list(_ numbers: [String]) -> String {
                numbers.isEmpty ? context.text(.courierNothing) : numbers.joined(separator: " ")
            }
            return .li(
                .class("stop"), .id("stop-\(stop.node.code)"),
                .h3(
                    .safeText(
                        OpeningHours.clock(model.shiftStart + stop.arrivalSeconds / 60) + " " + stop.node.name + " ("
                            + stop.node.code + ")")),
                .unwrap(outcome) { .p(.span(.class("tag"), .safeText($0))) },
                .p(.class("meta"), .safeText(context.text(.courierLeave, list(stop.deliver)))),
                .p(.class("meta"), .safeText(context.text(.courierCollect, list(stop.pickup)))),
                .if(
                    open,
                    .group(
                        .form(
                            .class("inline-form"), .method(.post), .action(SitePath.courierScan.path(stop.id)),
                            Layout.csrfField(context),
                            .input(.type(.hidden), .name("date"), .escaped("value", model.date)),
                            .label(
                                .safeText(context.text(.courierTracking)),
                                .input(
                                    .type(.text), .name("tracking"), .class("in"), .id("scan-\(stop.node.code)"),
                                    .attribute(named: "autocomplete", value: "off"),
                                    .attribute(named: "autocapitalize", value: "characters"),
                                    .attribute(named: "enterkeyhint", value: "go"),
                                    .attribute(named: "maxlength", value: "40"), .required(true))),
                            .button(.type(.submit), .class("button"), .safeText(context.text(.courierScan))),
                            .button(
                                .type(.button), .class("button secondary"), .id("camera-\(stop.node.code)"),
                                .attribute(named: "data-scan", value: "scan-\(stop.node.code)"),
                                .attribute(named: "hidden"), .safeText(context.text(.courierCamera)))),
                        Widgets.details(
                            open: false, summary: context.text(.courierDoor),
                            .form(
                                .class("inline-form"), .method(.post), .action(SitePath.courierDoor.path(stop.id)),
                                Layout.csrfField(context),
                                .input(.type(.hidden), .name("date"), .escaped("value", model.date)),
                                .label(
                                    .safeText(context.text(.courierTracking)),
                                    .input(
                                        .type(.text), .name("tracking"), .class("in"),
                                        .attribute(named: "maxlength", value: "40"))),
                                .label(
                                    .safeText(context.text(.courierDigits)),
                                    .input(
                                        .type(.text), .name("digits"), .class("in"),
                                        .attribute(named: "inputmode", value: "numeric"),
                                        .attribute(named: "maxlength", value: "4"))),
                                .label(
                                    .safeText(context.text(.courierSignature)),
                                    .input(
                                        .type(.text), .name("signature"), .class("in"),
                                        .attribute(named: "maxlength", value: "40"))),
                                .button(
                                    .type(.submit), .class("button secondary"),
                                    .safeText(context.text(.courierHandOver))))),
                        Widgets.postButton(
                            SitePath.courierDone.path(stop.id), context.text(.courierDone), context: context,
                            id: "done-\(stop.node.code)", fields: [dateField]),
                        Widgets.details(
                            open: false, summary: context.text(.courierFail),
                            .form(
                                .class("inline-form"), .method(.post), .action(SitePath.courierFail.path(stop.id)),
                                Layout.csrfField(context),
                                .input(.type(.hidden), .name("date"), .escaped("value", model.date)),
                                .label(
                                    .safeText(context.text(.courierReason)),
                                    .input(
                                        .type(.text), .name("reason"), .class("in"),
                                        .attribute(named: "maxlength", value: "200"), .required(true))),
                                .button(
                                    .type(.submit), .class("button secondary"),
                                    .safeText(context.text(.courierFail))))))))
        }
    }
}
