import Community
import Foundation
import JishiKit
import Logistics
import Plot
import Vapor

/// `GET /track`: anyone finds a parcel by its carrier, tracking number and the last 4 digits
/// of its contact's phone (the same rule as the API), and sees where it has been.
enum TrackingPage {
    struct Model: Sendable {
        var carriers: [(code: String, name: String)]
        var carrier = ""
        var number = ""
        var digits = ""
        var tracking: ParcelService.Tracking?
        var failure: FormMessage?
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let services = request.jishi
        let carriers = try await CarrierService().carriers(on: request.db)
        var model = Model(
            carriers: carriers.map { ($0.code, session.language == .zhHans ? $0.name : $0.nameEn) })
        model.carrier = String(((try? request.query.get(String.self, at: "carrier")) ?? "").prefix(16))
        model.number = String(((try? request.query.get(String.self, at: "number")) ?? "").prefix(40))
        model.digits = String(((try? request.query.get(String.self, at: "last4")) ?? "").prefix(4))
        var status = HTTPResponseStatus.ok
        if !model.number.isEmpty || !model.digits.isEmpty {
            do {
                model.tracking = try await services.parcels.track(
                    carrierCode: model.carrier, trackingNumber: model.number, phoneLast4: model.digits,
                    on: request.db)
            } catch let problem as Problem where problem.status == 400 || problem.status == 404 {
                model.failure = FormMessage(problem.status == 400 ? .trackingDigits : .trackingNotFound)
                status = HTTPResponseStatus(statusCode: problem.status)
            }
        }
        let view = View(model: model, context: PageContext(session: session, current: .track))
        return WebPage.response(view.html, status: status, session: session)
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.trackingTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.trackingTitle))),
                    .form(
                        .class("card"), .id("track-form"), .method(.get), .action(SitePath.track.path),
                        .unwrap(model.failure) { Widgets.alert($0.text(context)) },
                        FormField(
                            name: "carrier", label: .trackingCarrier,
                            kind: .menu([
                                FormField.MenuGroup(heading: nil, choices: model.carriers.map { ($0.code, $0.name) })
                            ]),
                            value: model.carrier
                        ).node(context),
                        FormField(name: "number", label: .trackingNumber, kind: .identifier, value: model.number)
                            .node(context),
                        FormField(
                            name: "last4", label: .trackingDigitsLabel, kind: .number, value: model.digits,
                            hint: .trackingDigitsHint
                        ).node(context),
                        .button(
                            .type(.submit), .class("button"), .id("track"), .safeText(context.text(.trackingSubmit)))
                    ),
                    .unwrap(model.tracking) { journey($0) },
                ])
        }

        private func journey(_ tracking: ParcelService.Tracking) -> Node<HTML.BodyContext> {
            let parcel = tracking.parcel
            let destination = tracking.nodes[parcel.$destination.id]?.name ?? ""
            return .section(
                .class("box"), .id("journey"),
                .h2(.safeText(tracking.carrier.name + " " + parcel.trackingNumber)),
                Widgets.facts([
                    (context.text(.trackingWhere), whereText(parcel.currentHolder, tracking)),
                    (context.text(.trackingDestination), destination),
                ]),
                .ol(
                    .class("rows history"),
                    .group(
                        tracking.events.reversed().map { event in
                            .li(
                                .span(.class("when"), .safeText(context.time(event.at))),
                                .span(.class("t"), .safeText(context.text(eventKey(event.kind)))),
                                .unwrap(place(of: event, tracking)) { .span(.class("meta"), .safeText($0)) },
                                .if(
                                    event.kind == .failed && !event.note.isEmpty,
                                    .span(.class("meta"), .safeText(event.note))))
                        }))
            )
        }

        private func place(of event: ParcelEvent, _ tracking: ParcelService.Tracking) -> String? {
            if let id = event.nodeID { return tracking.nodes[id]?.name }
            if case .node(let id)? = Holder(rawValue: event.toHolder) { return tracking.nodes[id]?.name }
            return nil
        }

        private func whereText(_ holder: Holder?, _ tracking: ParcelService.Tracking) -> String {
            switch holder {
            case .node(let id)?: tracking.nodes[id]?.name ?? ""
            case .run?: context.text(.trackingOnTheWay)
            case .recipient?: context.text(.trackingDelivered)
            case .carrier?, nil: context.text(.trackingWithCarrier)
            }
        }

        private func eventKey(_ kind: ParcelEvent.Kind) -> L10nKey {
            switch kind {
            case .registered: .trackingEventRegistered
            case .handedOver: .trackingEventHandedOver
            case .failed: .trackingEventFailed
            case .delivered: .trackingEventDelivered
            case .returned: .trackingEventReturned
            }
        }
    }
}
