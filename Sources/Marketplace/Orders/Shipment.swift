import Foundation
import JishiKit

/// How a shipped order travels: its carrier and, for an express company, the tracking number
/// on the parcel's label.
public struct Shipment: Equatable, Sendable {
    public var carrier: Carrier
    public var trackingNumber: String?

    public static let trackingNumberLength = 4...40

    public init(carrier: Carrier, trackingNumber: String?) {
        self.carrier = carrier
        self.trackingNumber = trackingNumber
    }

    /// The shipment as typed: a known carrier, and a tracking number of 4 to 40 letters,
    /// digits or hyphens (spaces dropped, letters upper-cased) for an express company, or none
    /// yet when the county network is to issue it; none for the shop's own delivery. A `400`
    /// names `carrier` or `trackingNumber`.
    public static func validated(carrier: String, trackingNumber: String?) throws -> Shipment {
        guard let known = Carrier(rawValue: carrier.trimmingCharacters(in: .whitespaces)) else {
            throw Problem.validation(
                "carrier", "Choose one of: \(Carrier.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let number = (trackingNumber ?? "").filter { !$0.isWhitespace }.uppercased()
        guard known.hasTrackingNumbers else {
            guard number.isEmpty else {
                throw Problem.validation("trackingNumber", "The shop's own delivery has no tracking number.")
            }
            return Shipment(carrier: known, trackingNumber: nil)
        }
        // Left empty, the county network issues one when it carries the parcel (`OrderService`
        // refuses the step when it does not).
        guard !number.isEmpty else { return Shipment(carrier: known, trackingNumber: nil) }
        guard trackingNumberLength.contains(number.count),
            number.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") })
        else {
            throw Problem.validation("trackingNumber", "A tracking number is 4 to 40 letters, digits or hyphens.")
        }
        return Shipment(carrier: known, trackingNumber: number)
    }
}
