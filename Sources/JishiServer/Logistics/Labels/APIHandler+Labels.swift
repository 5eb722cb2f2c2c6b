import Community
import Foundation
import JishiAPI
import JishiKit
import Logistics
import OpenAPIRuntime
import Vapor

extension APIHandler {
    func getParcelLabel(_ input: Operations.GetParcelLabel.Input) async throws -> Operations.GetParcelLabel.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let label = try await request.jishi.parcels.label(
            try Self.uuid(input.path.parcelId, field: "parcelId"), by: principal, on: request.db)
        let language = Language.preferred(acceptLanguage: request.headers.first(name: .acceptLanguage)) ?? .default
        let svg = try LabelCaptions.svg(label, language: language)
        return .ok(.init(body: .imageSvgXml(HTTPBody(svg))))
    }
}

/// The label's captions in a language, and the label drawn with them: one drawing for the
/// page, the API and the printer.
enum LabelCaptions {
    static func captions(_ label: ParcelLabel, language: Language) -> LabelSVG.Captions {
        func text(_ key: L10nKey) -> String { Localization.string(key, language) }
        return LabelSVG.Captions(
            title: text(.labelTitle), direction: text(label.direction == .inbound ? .labelInbound : .labelOutbound),
            destination: text(.labelDestination), recipient: text(.labelRecipient), weight: text(.labelWeight),
            cashOnDelivery: text(.labelCashOnDelivery), due: text(.labelDue))
    }

    /// The label as SVG; a tracking number no symbol can hold is the parcel's fault, a `422`.
    static func svg(_ label: ParcelLabel, language: Language) throws -> String {
        do {
            return try LabelSVG.label(label, captions: captions(label, language: language), english: language == .en)
        } catch {
            throw Problem.validation("trackingNumber", "This tracking number cannot be drawn as a barcode: \(error)")
        }
    }
}
