import Foundation
import JishiKit
import Logistics
import Plot

extension DispatchPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.dispatchTitle), context: context,
                main: [
                    .if(model.notice, Widgets.notice(context.text(.dispatchSaved))),
                    .unwrap(model.refusal) { Widgets.alert(context.text(.dispatchRefused, $0)) },
                    .h1(.safeText(context.text(.dispatchTitle))),
                    .p(.class("meta"), .safeText(context.text(.dispatchIntro))),
                    dayForm,
                    .unwrap(model.planning, planning),
                    .unwrap(model.plan, plan, else: .p(.id("no-plan"), .safeText(context.text(.dispatchNoPlan)))),
                    .if(model.planning == nil, planForm),
                ])
        }

        /// The engine at work: seconds of the time limit and the best cost so far.
        private func planning(_ entry: PlanningBoard.Entry) -> Node<HTML.BodyContext> {
            let seconds = min(entry.seconds, entry.timeLimit)
            return .section(
                .class("box"), .id("planning"),
                .h2(.safeText(context.text(.dispatchPlanning))),
                .element(
                    named: "progress",
                    nodes: [
                        .attribute(named: "max", value: String(format: "%.1f", entry.timeLimit)),
                        .attribute(named: "value", value: String(format: "%.1f", seconds)),
                    ]),
                .p(
                    .class("meta"),
                    .safeText(
                        context.text(
                            .dispatchPlanningProgress, String(format: "%.0f", seconds),
                            String(format: "%.0f", entry.timeLimit),
                            entry.best.map { context.money(Int64($0 / 1_000)) } ?? "–"))))
        }

        private var dayForm: Node<HTML.BodyContext> {
            .form(
                .class("card inline-form"), .method(.get), .action(SitePath.dispatch.path),
                .label(
                    .for("date"), .safeText(context.text(.dispatchDate)),
                    .input(.type(.date), .name("date"), .id("date"), .escaped("value", model.date))),
                .button(.type(.submit), .class("button secondary"), .safeText(context.text(.dispatchShow))))
        }

        private var planForm: Node<HTML.BodyContext> {
            let published = model.plan?.status == .published
            return .if(
                !published,
                .form(
                    .class("card"), .id("plan-form"), .method(.post), .action(SitePath.dispatch.path),
                    Layout.csrfField(context),
                    .input(.type(.hidden), .name("date"), .escaped("value", model.date)),
                    .label(.for("timeLimit"), .safeText(context.text(.dispatchTimeLimit))),
                    .raw(
                        Self.menu(
                            "timeLimit",
                            DispatchPages.timeLimits.map {
                                (String($0), context.text(.dispatchSeconds, String($0)))
                            }, selected: "5")),
                    .p(.class("meta"), .safeText(context.text(.dispatchPlanHint))),
                    .button(
                        .type(.submit), .class("button"), .id("plan-day"),
                        .safeText(context.text(model.plan == nil ? .dispatchPlan : .dispatchPlanAgain)))))
        }

        private func plan(_ plan: PlanView) -> Node<HTML.BodyContext> {
            let parcels = plan.runs.flatMap(\.stops).reduce(0) { $0 + $1.deliver.count + $1.pickup.count }
            return .div(
                .id("plan"),
                .p(
                    .span(
                        .class("tag"), .id("plan-status"),
                        .safeText(context.text(plan.status == .draft ? .dispatchDraft : .dispatchPublished))),
                    .text(" "),
                    .span(
                        .id("plan-summary"),
                        .safeText(
                            context.text(
                                .dispatchSummary, context.number(plan.runs.count), Self.km(plan.distanceMeters),
                                context.number(parcels), context.money(Int64(plan.costMinor)))))),
                .unwrap(model.map) { map in
                    .element(
                        named: "figure",
                        nodes: [
                            .class("map-box"), .raw(map.svg),
                            .element(named: "figcaption", nodes: [.safeText(context.text(.dispatchMap))]),
                        ])
                },
                .group(plan.runs.map { run($0, plan: plan) }),
                .if(plan.status == .draft && plan.runs.contains { $0.stops.count > 0 }, moveForm(plan)),
                unassigned(plan),
                .if(
                    plan.status == .draft && !plan.runs.isEmpty,
                    Widgets.postButton(
                        SitePath.dispatchPublish.path, context.text(.dispatchPublish), context: context,
                        id: "publish", fields: [("date", plan.date)]))
            )
        }

        private func run(_ run: PlanView.Run, plan: PlanView) -> Node<HTML.BodyContext> {
            let summary =
                run.vehicle.code + " · "
                + context.text(
                    .dispatchRunMeta, Self.km(run.distanceMeters), Self.duration(run.durationSeconds),
                    context.number(run.stops.count),
                    OpeningHours.clock(plan.shiftStart + (run.stops.first?.arrivalSeconds ?? 0) / 60))
                + (run.locked ? " · " + context.text(.dispatchLocked) : "")
            return .element(
                named: "details",
                nodes: [
                    .class("box"), .id("run-\(run.vehicle.code)"),
                    .element(named: "summary", nodes: [.safeText(summary)]),
                    .unwrap(run.courierID.flatMap { model.courierNames[$0] }) {
                        .p(.class("meta"), .safeText(context.text(.dispatchCourier, $0)))
                    },
                    .ol(
                        .class("rows"),
                        .group(
                            run.stops.map { stop in
                                .li(
                                    .class("row"),
                                    .span(
                                        .class("t"),
                                        .safeText(
                                            OpeningHours.clock(plan.shiftStart + stop.arrivalSeconds / 60) + " "
                                                + stop.node.name)),
                                    .span(
                                        .class("meta"),
                                        .safeText(
                                            context.text(
                                                .dispatchStopMeta, stop.node.code, context.number(stop.deliver.count),
                                                Self.kg(stop.deliverGrams), context.number(stop.pickup.count),
                                                Self.kg(stop.pickupGrams)))))
                            })),
                    .p(
                        .a(
                            .id("manifest-\(run.vehicle.code)"), .href(SitePath.runManifest.path(run.id)),
                            .safeText(context.text(.manifestLink)))),
                    .if(
                        plan.status == .draft,
                        Widgets.postButton(
                            SitePath.dispatchLock.path(run.id),
                            context.text(run.locked ? .dispatchUnlock : .dispatchLock), context: context,
                            id: "lock-\(run.vehicle.code)", style: "button secondary",
                            fields: [("date", plan.date), ("locked", run.locked ? "0" : "1")])),
                ])
        }

        private func moveForm(_ plan: PlanView) -> Node<HTML.BodyContext> {
            let stops = plan.runs.filter { !$0.locked }.flatMap { run in
                run.stops.enumerated().map { index, stop in
                    (stop.id.uuidString, "\(run.vehicle.code) #\(index + 1) \(stop.node.name)")
                }
            }
            let runs = plan.runs.filter { !$0.locked }.map { ($0.id.uuidString, $0.vehicle.code) }
            return .form(
                .class("card"), .id("move-form"), .method(.post), .action(SitePath.dispatchMove.path),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("date"), .escaped("value", plan.date)),
                .label(.for("move-stop"), .safeText(context.text(.dispatchMoveStop))),
                .raw(Self.menu("stop", stops, id: "move-stop")),
                .label(.for("move-run"), .safeText(context.text(.dispatchMoveRun))),
                .raw(Self.menu("run", runs, id: "move-run")),
                .label(
                    .for("move-position"), .safeText(context.text(.dispatchMovePosition)),
                    .input(
                        .type(.number), .name("position"), .id("move-position"), .value("1"),
                        .attribute(named: "min", value: "1"))),
                .button(.type(.submit), .class("button secondary"), .id("move"), .safeText(context.text(.dispatchMove)))
            )
        }

        private func unassigned(_ plan: PlanView) -> Node<HTML.BodyContext> {
            guard !plan.unassigned.isEmpty else {
                return .p(.class("meta"), .id("unassigned-none"), .safeText(context.text(.dispatchNoneUnassigned)))
            }
            return .element(
                named: "details",
                nodes: [
                    .class("box"), .id("unassigned"),
                    .element(
                        named: "summary",
                        nodes: [.safeText(context.text(.dispatchUnassigned, context.number(plan.unassigned.count)))]),
                    .ul(
                        .class("rows"),
                        .group(
                            plan.unassigned.map { item in
                                .li(
                                    .class("row"), .span(.class("t"), .safeText(item.tracking)),
                                    .span(.class("meta"), .safeText(context.text(Self.reasonKey(item.reason)))))
                            })),
                ])
        }

        /// A `<select>` of `choices` (value, label), every string escaped.
        static func menu(_ name: String, _ choices: [(String, String)], id: String? = nil, selected: String? = nil)
            -> String
        {
            let options = choices.map { value, label in
                "<option value=\"\(HTMLEscaping.escape(value))\"" + (value == selected ? " selected" : "") + ">"
                    + HTMLEscaping.escape(label) + "</option>"
            }
            return "<select class=\"in\" name=\"\(name)\" id=\"\(id ?? name)\">" + options.joined() + "</select>"
        }

        static func reasonKey(_ reason: String) -> L10nKey {
            switch DayProblem.Reason(rawValue: reason) {
            case .noVehicle: .dispatchReasonNoVehicle
            case .tooHeavy: .dispatchReasonTooHeavy
            case .nodeClosed: .dispatchReasonNodeClosed
            case .outOfHours, nil: .dispatchReasonOutOfHours
            case .fleetFull: .dispatchReasonFleetFull
            }
        }

        static func km(_ meters: Int) -> String { String(format: "%.1f", Double(meters) / 1000) }
        static func kg(_ grams: Int) -> String { String(format: "%.1f", Double(grams) / 1000) }
        static func duration(_ seconds: Int) -> String { "\(seconds / 3600) h \(seconds % 3600 / 60) min" }
    }
}
