import Foundation
import JishiKit
import Plot
import Stations
import Vapor

/// `GET /certificates?code=…`: anyone, signed in or not, checks a training certificate by the
/// code printed on it and sees the course, the day, the station and the holder's name masked.
enum CertificatePage {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let code = String((request.query[String.self, at: "code"] ?? "").prefix(40))
        var found: TrainingService.Certificate?
        var missing = false
        if !code.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                found = try await request.jishi.training.certificate(code, on: request.db)
            } catch let problem as Problem where problem.status == 404 {
                missing = true
            }
        }
        let context = PageContext(session: session, current: .certificates)
        let html = Layout.page(
            title: context.text(.certificatesTitle), context: context,
            main: [
                .h1(.safeText(context.text(.certificatesTitle))),
                .p(.class("meta"), .safeText(context.text(.certificatesIntro))),
                .form(
                    .class("card"), .id("certificate-form"), .method(.get), .action(SitePath.certificates.path),
                    .label(.for("code"), .safeText(context.text(.certificatesCode))),
                    .input(
                        .type(.text), .class("in"), .name("code"), .id("code"), .escaped("value", code),
                        .attribute(named: "autocapitalize", value: "characters"),
                        .attribute(named: "autocomplete", value: "off")),
                    .button(.type(.submit), .class("button"), .id("check"), .safeText(context.text(.certificatesCheck)))
                ),
                .unwrap(found) { certificate in
                    .section(
                        .class("box"), .id("certificate"),
                        .h2(.safeText(context.text(.certificatesValid) + " · " + certificate.code)),
                        .p(
                            .safeText(
                                context.text(
                                    .certificatesDetail, certificate.holder, certificate.course,
                                    String(certificate.hours), certificate.day, certificate.station))))
                },
                .if(missing, Widgets.alert(context.text(.certificatesNotFound))),
            ])
        return WebPage.response(html, status: missing ? .notFound : .ok, session: session)
    }
}
