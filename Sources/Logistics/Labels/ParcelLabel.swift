import Community
import FluentKit
import Foundation
import JishiKit

/// What a parcel's printed label says: the facts a courier or a station agent needs, with the
/// phone masked, and the two symbols' contents.
public struct ParcelLabel: Sendable, Equatable {
    public var carrierCode: String
    public var carrierName: String
    public var carrierNameEn: String
    public var trackingNumber: String
    public var direction: Parcel.Direction
    public var destinationCode: String
    public var destinationName: String
    public var villageName: String
    public var villageNameEn: String
    public var recipientName: String
    /// The contact's phone as the label prints it (`138****5678`), or `nil` without one.
    public var maskedPhone: String?
    public var weightGrams: Int
    /// Cash to collect on delivery, in fen; `nil` when there is none to collect.
    public var codMinor: Int64?
    /// The day it is due, as `2026-12-03`.
    public var dueDate: String

    /// What the Code 128 barcode holds: the tracking number, as couriers' scanners expect.
    public var barcodeText: String { trackingNumber }

    /// What the QR code holds: the tracking number too (not a link), so any scanner app, the
    /// carrier's or a phone's camera, reads the same key as the barcode; a link to `/track`
    /// would also need the phone's last digits, which a label must not carry.
    public var qrText: String { trackingNumber }

    /// The phone with its middle hidden: the first 3 and the last 4 digits of a mobile number
    /// (`138****5678`); a shorter number keeps only its last 2.
    public static func maskPhone(_ phone: String) -> String {
        let digits = phone.filter { $0.isASCII && $0.isNumber }
        if digits.count >= 8 {
            return String(digits.prefix(3)) + String(repeating: "*", count: digits.count - 7) + String(digits.suffix(4))
        }
        return String(repeating: "*", count: max(digits.count - 2, 2)) + String(digits.suffix(2))
    }

    /// The weight as a label prints it: `850 g`, `1.2 kg`.
    public var weightText: String { Self.weightText(weightGrams) }

    /// A weight as labels and pages print it: `850 g`, `1.2 kg`.
    public static func weightText(_ grams: Int) -> String {
        if grams < 1_000 { return "\(grams) g" }
        let tenths = (grams + 50) / 100
        return tenths % 10 == 0 ? "\(tenths / 10) kg" : "\(tenths / 10).\(tenths % 10) kg"
    }
}

extension ParcelService {
    /// The label of parcel `id`, for whoever may read the whole parcel (`parcel(_:by:on:)`:
    /// a dispatcher or admin whose scope reaches its village); the same `403`/`404` otherwise.
    public func label(_ id: UUID, by principal: Principal, on database: any Database) async throws -> ParcelLabel {
        let tracking = try await parcel(id, by: principal, on: database)
        let parcel = tracking.parcel
        let destination = tracking.nodes[parcel.$destination.id]
        let village = try await Village.find(parcel.$village.id, on: database)
        return ParcelLabel(
            carrierCode: tracking.carrier.code, carrierName: tracking.carrier.name,
            carrierNameEn: tracking.carrier.nameEn, trackingNumber: parcel.trackingNumber,
            direction: parcel.direction, destinationCode: destination?.code ?? "",
            destinationName: destination?.name ?? "", villageName: village?.name ?? "",
            villageNameEn: village?.nameEn ?? "", recipientName: parcel.contactName,
            maskedPhone: parcel.contactPhone.map(ParcelLabel.maskPhone), weightGrams: parcel.weightGrams,
            codMinor: parcel.codMinor.flatMap { $0 > 0 ? $0 : nil }, dueDate: parcel.dueDate)
    }
}
