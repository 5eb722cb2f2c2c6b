import Community
import Foundation
import JishiKit
import Logistics
import Plot
import Vapor

/// `GET /parcels/:parcel/label`: the parcel's label as it prints on a 100 × 150 mm thermal
/// label, with a print button, for whoever may read the parcel (the domain's rule, as for
/// `GET /api/v1/parcels/{id}`). The label is the same SVG the API sends to printers.
enum LabelPage {
    struct Model: Sendable {
        var parcelID: UUID
        var label: ParcelLabel
        /// The whole label, drawn by `LabelSVG` in the reader's language.
        var svg: String
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let id = try request.pageID("parcel")
        let label = try await request.jishi.parcels.label(id, by: principal, on: request.db)
        let model = Model(parcelID: id, label: label, svg: try LabelCaptions.svg(label, language: session.language))
        let context = PageContext(session: session, current: .parcelLabel, returnPath: SitePath.parcelLabel.path(id))
        return WebPage.response(View(model: model, context: context).html, session: session, runsPrintScript: true)
    }

    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.labelTitle) + " " + model.label.trackingNumber, context: context,
                main: [
                    .div(
                        .class("noprint"),
                        .h1(.safeText(context.text(.labelTitle) + " " + model.label.trackingNumber)),
                        .p(.class("hint"), .safeText(context.text(.labelHint))),
                        .button(
                            .type(.button), .id("print"), .class("button"), .attribute(named: "hidden"),
                            .safeText(context.text(.labelPrint))),
                        .element(named: "script", nodes: [.raw(Layout.printScript)])),
                    // LabelSVG escapes every text it draws.
                    .div(.class("label"), .id("label"), .raw(model.svg)),
                ])
        }
    }
}

extension Layout {
    /// The label page's styles: on screen the label fills a phone's width; in print it is one
    /// 100 × 150 mm page of its own (a named page, so other pages keep the printer's paper).
    static let labelStylesheet = """
        .label{max-width:100mm;margin:12px auto;background:#fff;border:1px solid #999}
        .label svg{display:block;width:100%;height:auto}
        @page label{size:100mm 150mm;margin:0}
        @media print{.label{page:label;width:100mm;height:150mm;max-width:none;margin:0;border:0}\
        .label svg{width:100mm;height:150mm}}

        """
}
