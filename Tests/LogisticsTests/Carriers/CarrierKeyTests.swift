import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Logistics
import Testing

/// A carrier's key: kept only as a hash, shown once, naming its carrier; and a manifest sent
/// with it holds that carrier's parcels only.
@Suite("Logistics: carriers' keys and their manifests")
struct CarrierKeyTests {
    static func row(_ line: Int, _ values: [String: String]) -> ParcelImport.Row {
        ParcelImport.Row(
            line: line,
            values: [
                "tracking_number": "ZT73000000\(10 + line)", "direction": "inbound", "village_code": "371799101201",
                "weight_grams": "800", "due_date": "2026-12-03",
            ].merging(values) { _, new in new })
    }

    @Test(arguments: TestStore.available)
    func aKeyIsStoredAsAHashAndNamesItsCarrierUntilRevoked(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let keys = CarrierKeyService()
            let first = try await keys.issue(carrierCode: "ZTO ", on: county.db)
            #expect(first.hasPrefix("jck_") && first.count == 47)
            #expect(try await keys.carrier(forKey: first, on: county.db).code == "zto")
            let stored = try await CarrierKey.query(on: county.db).all()
            #expect(stored.count == 1 && !stored[0].keyHash.contains(first) && stored[0].keyHash.count == 64)

            let second = try await keys.issue(carrierCode: "zto", revokingOthers: true, on: county.db)
            #expect(second != first)
            #expect(try await keys.carrier(forKey: second, on: county.db).code == "zto")
            for key in [first, nil, "", "jck_not-a-key-at-all"] {
                await #expect(
                    throws: Problem(type: .unauthenticated, detail: "Send the carrier's key in X-Carrier-Key.")
                ) {
                    _ = try await keys.carrier(forKey: key, on: county.db)
                }
            }
            await #expect(throws: Problem.self) { _ = try await keys.issue(carrierCode: "dhl", on: county.db) }
        }
    }

    @Test(arguments: TestStore.available)
    func aCarriersManifestHoldsItsOwnParcelsOnlyAndIsTakenOnce(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let zto = try #require(try await CarrierService().carrier(code: "zto", on: county.db))
            let importer = ParcelImport()
            // Another carrier's row, and bad rows, refuse the whole manifest.
            do {
                _ = try await importer.register(
                    [
                        Self.row(0, [:]), Self.row(1, ["carrier": "yto"]), Self.row(2, ["village_code": "1"]),
                        Self.row(3, ["due_date": "2026-13-01", "recipient_phone": "12"]),
                    ], onlyFor: zto, on: county.db)
                Issue.record("a manifest with another carrier's row was taken")
            } catch let refused as ParcelImport.Refused {
                #expect(
                    refused.errors.map { "\($0.line) \($0.column ?? "")" } == [
                        "1 carrier", "2 village_code", "3 due_date", "3 recipient_phone",
                    ])
            }
            #expect(try await Parcel.query(on: county.db).count() == 0)

            let rows = [Self.row(0, [:]), Self.row(1, ["carrier": "ZTO", "direction": "outbound"])]
            #expect(
                try await importer.register(rows, onlyFor: zto, on: county.db)
                    == ParcelImport.Outcome(added: 2, unchanged: 0))
            #expect(
                try await importer.register(rows, onlyFor: zto, on: county.db)
                    == ParcelImport.Outcome(added: 0, unchanged: 2))
            let parcels = try await Parcel.query(on: county.db).all()
            #expect(parcels.count == 2 && parcels.allSatisfy { $0.$carrier.id == zto.id })
            #expect(try await ParcelEvent.query(on: county.db).count() == 2)
        }
    }
}
