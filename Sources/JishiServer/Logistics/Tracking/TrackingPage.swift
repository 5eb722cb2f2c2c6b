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
                    .unwrap(model.tracking) { ParcelJourney($0, language: context.language).node(context) },
                ])
        }
    }
}
