import Foundation
import JishiAPI
import JishiKit
import Logistics
import Vapor

extension APIHandler {
    /// A carrier's system registers its parcels with its key: the manifest's rows go through the
    /// same checks as a CSV import (`ParcelImport.register`), all or nothing.
    func addCarrierParcels(_ input: Operations.AddCarrierParcels.Input) async throws
        -> Operations.AddCarrierParcels.Output
    {
        let request = try RequestContext.request()
        let dependencies = request.jishi.dependencies
        let carrier = try await CarrierKeyService(dependencies: dependencies).carrier(
            forKey: request.headers.first(name: APIMapping.carrierKeyHeader), on: request.db)
        guard carrier.code == input.path.carrier.trimmingCharacters(in: .whitespaces).lowercased() else {
            throw Problem.forbidden("This key is \(carrier.code)'s: it adds parcels to that carrier only.")
        }
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let rows = body.enumerated().map { index, row in
            ParcelImport.Row(line: index, values: APIMapping.manifestValues(row))
        }
        do {
            let outcome = try await ParcelImport(dependencies: dependencies).register(
                rows, onlyFor: carrier, on: request.db)
            return .ok(.init(body: .json(.init(added: outcome.added, unchanged: outcome.unchanged))))
        } catch let refused as ParcelImport.Refused {
            throw APIMapping.problem(refused)
        }
    }
}

extension APIMapping {
    static let carrierKeyHeader = "X-Carrier-Key"

    /// The JSON fields' names for the manifest's (CSV) columns.
    static let manifestFields = [
        "carrier": "carrier", "tracking_number": "trackingNumber", "direction": "direction",
        "village_code": "villageCode", "weight_grams": "weightGrams", "due_date": "dueDate",
        "recipient_name": "recipientName", "recipient_phone": "recipientPhone", "cod_minor": "codMinor",
    ]

    /// A JSON manifest row as the import's columns.
    static func manifestValues(_ row: Components.Schemas.ManifestRow) -> [String: String] {
        var values = [
            "tracking_number": row.trackingNumber, "direction": row.direction.rawValue,
            "village_code": row.villageCode, "weight_grams": String(row.weightGrams), "due_date": row.dueDate,
        ]
        values["carrier"] = row.carrier
        values["recipient_name"] = row.recipientName
        values["recipient_phone"] = row.recipientPhone
        values["cod_minor"] = row.codMinor.map { String($0) }
        return values
    }

    /// A refused manifest as one `400` problem naming every bad row and field (`rows[3].dueDate`);
    /// `field` is the first of them.
    static func problem(_ refused: ParcelImport.Refused) -> Problem {
        let named = refused.errors.map { error in
            ("rows[\(error.line)]" + (error.column.map { "." + (manifestFields[$0] ?? $0) } ?? ""), error.message)
        }
        return Problem(
            type: .validation, detail: named.map { "\($0.0): \($0.1)" }.joined(separator: "; "),
            field: named.first?.0)
    }
}
