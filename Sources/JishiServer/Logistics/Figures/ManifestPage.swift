import Community
import Foundation
import JishiKit
import Logistics
import Plot
import Vapor

/// `GET /dispatch/runs/:run/manifest`: a run's printable manifest for the dispatcher or admin
/// who sees the plan: the stops in order, each stop's parcels to leave and to collect with
/// tracking number, weight, contact and masked phone, and a line for the signature of whoever
/// takes or hands over the parcels. It prints on A4 (`@media print` in the stylesheet).
enum ManifestPage {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let runID = try request.pageID("run")
        let manifest = try await RunManifest.load(runID, by: principal, on: request.db)
        let context = PageContext(
            session: session, current: .runManifest, returnPath: SitePath.runManifest.path(runID))
        return WebPage.response(
            View(manifest: manifest, context: context).html, session: session, runsPrintScript: true)
    }

    struct View {
        var manifest: RunManifest
        var context: PageContext

        var html: HTML {
            let title = context.text(.manifestTitle) + " " + manifest.vehicleCode + " " + manifest.date
            return Layout.page(
                title: title, context: context,
                main: [
                    Widgets.back(SitePath.dispatch.path + "?date=" + manifest.date, context.text(.dispatchTitle))
                        as Node<HTML.BodyContext>,
                    .h1(.safeText(title)),
                    .p(
                        .class("meta"), .id("manifest-meta"),
                        .safeText(
                            context.text(
                                .manifestMeta, manifest.vehicleName, DispatchPage.View.km(manifest.distanceMeters),
                                context.number(manifest.stops.count), manifest.hubName,
                                OpeningHours.clock(
                                    manifest.shiftStart + (manifest.stops.first?.arrivalSeconds ?? 0) / 60)))),
                    .if(
                        manifest.status == .draft,
                        .p(.class("tag"), .id("manifest-draft"), .safeText(context.text(.manifestDraft)))),
                    .div(
                        .class("noprint"),
                        .p(.class("hint"), .safeText(context.text(.manifestHint))),
                        .button(
                            .type(.button), .id("print"), .class("button"), .attribute(named: "hidden"),
                            .safeText(context.text(.manifestPrint))),
                        .element(named: "script", nodes: [.raw(Layout.printScript)])),
                    .ol(.class("manifest"), .id("manifest"), .group(manifest.stops.map(stop))),
                ])
        }

        private func stop(_ stop: RunManifest.Stop) -> Node<HTML.ListContext> {
            .li(
                .class("box slip manifest-stop"), .id("stop-\(stop.position)"),
                .h2(
                    .safeText(
                        context.text(
                            .manifestStop, String(stop.position),
                            OpeningHours.clock(manifest.shiftStart + stop.arrivalSeconds / 60),
                            stop.node.name + " (" + stop.node.code + ")"))),
                table(
                    context.text(.manifestLeave, String(stop.deliver.count)), stop.deliver, id: "leave-\(stop.position)"
                ),
                table(
                    context.text(.manifestCollect, String(stop.pickup.count)), stop.pickup,
                    id: "collect-\(stop.position)"),
                .p(.class("signature"), .safeText(context.text(.manifestSignature))))
        }

        private func table(_ caption: String, _ lines: [RunManifest.Line], id: String) -> Node<HTML.BodyContext> {
            .group(
                .h3(.safeText(caption)),
                .if(
                    lines.isEmpty, .p(.class("meta"), .safeText(context.text(.manifestNothing))),
                    else: .table(
                        .class("pack"), .id(id),
                        .thead(
                            .tr(
                                .th(.safeText(context.text(.manifestTracking))),
                                .th(.class("n"), .safeText(context.text(.manifestWeight))),
                                .th(.safeText(context.text(.manifestContact))))),
                        .tbody(
                            .group(
                                lines.map { line in
                                    .tr(
                                        .td(.class("mono"), .safeText(line.carrier + " " + line.tracking)),
                                        .td(.class("n"), .safeText(DispatchPage.View.kg(line.grams) + " kg")),
                                        .td(.safeText(line.contactName + " " + line.maskedPhone)))
                                })))))
        }
    }
}

extension Layout {
    /// The figures page's bars and the manifest's print layout: each stop kept on one page
    /// where it fits, a signature line under each.
    static let figuresStylesheet = """
        .cost-bar{display:block;width:100%;height:8px;margin-top:4px}
        .manifest{list-style:none;padding:0}
        .manifest-stop{margin:0 0 12px;padding:10px 12px}
        .manifest-stop h2{font-size:17px;margin:0 0 6px}
        .manifest-stop h3{font-size:15px;margin:8px 0 2px}
        .manifest .mono{font-family:ui-monospace,monospace;word-break:break-all}
        .manifest .pack th,.manifest .pack td{padding:6px 2px}
        .signature{margin:14px 0 4px;padding-bottom:22px;border-bottom:1px solid #333}
        @media print{.manifest-stop{break-inside:avoid;page-break-inside:avoid}.manifest .pack{font-size:10pt}\
        .cost-bar rect{print-color-adjust:exact}}

        """
}
