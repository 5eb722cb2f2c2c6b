import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Logistics
import Testing
import Vapor

/// `POST /api/v1/carriers/{carrier}/parcels`: a carrier's system, with its key, registers its
/// own parcels, all or nothing, once.
@Suite("Logistics: the carriers' parcels API")
struct CarrierParcelsAPITests {
    static let manifest = """
        [{"trackingNumber":"ZT7300000001","direction":"inbound","villageCode":"371799101201","weightGrams":1200,
          "dueDate":"2026-12-03","recipientName":"王秀英","recipientPhone":"138 0000 1234"},
         {"carrier":"zto","trackingNumber":"ZT7300000002","direction":"outbound","villageCode":"371799200201",
          "weightGrams":5000,"dueDate":"2026-12-03","codMinor":4500}]
        """

    @Test(arguments: TestStore.available)
    func aCarriersKeyAddsItsOwnParcelsOnceAndNothingElse(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            let zto = try await CarrierKeyService().issue(carrierCode: "zto", on: app.db)
            let yto = try await CarrierKeyService().issue(carrierCode: "yto", on: app.db)
            let path = "/api/v1/carriers/zto/parcels"

            // No key, an unknown key, a user's session: 401.
            try await app.send(.POST, path, json: Self.manifest).expectProblem(.unauthenticated)
            try await app.send(.POST, path, json: Self.manifest, headers: [("X-Carrier-Key", "jck_guessed-key")])
                .expectProblem(.unauthenticated)
            let admin = try await app.logIn("admin", password: DemoCounty.password)
            try await app.send(.POST, path, json: Self.manifest, token: admin).expectProblem(.unauthenticated)
            // Another carrier's key on this carrier's path: 403.
            try await app.send(.POST, path, json: Self.manifest, headers: [("X-Carrier-Key", yto)])
                .expectProblem(.forbidden)
            // A row of another carrier, and bad rows: 400 naming each, nothing written.
            let bad = """
                [{"trackingNumber":"ZT7300000003","direction":"inbound","villageCode":"371799101201","weightGrams":1,
                  "dueDate":"2026-12-03"},
                 {"carrier":"yto","trackingNumber":"YT7300000004","direction":"inbound","villageCode":"371799101201",
                  "weightGrams":1,"dueDate":"2026-12-03"},
                 {"trackingNumber":"ZT7300000005","direction":"inbound","villageCode":"000","weightGrams":1,
                  "dueDate":"2026-02-30"}]
                """
            let refused = try await app.send(.POST, path, json: bad, headers: [("X-Carrier-Key", zto)])
            try refused.expectProblem(.validation, field: "rows[1].carrier")
            let detail = try refused.json()["detail"] as? String ?? ""
            #expect(detail.contains("rows[2].villageCode") && detail.contains("rows[2].dueDate"), "\(detail)")
            #expect(try await Parcel.query(on: app.db).count() == 0)

            let first = try await app.send(.POST, path, json: Self.manifest, headers: [("X-Carrier-Key", zto)])
            #expect(first.status == .ok, "\(first.body.string)")
            #expect(try first.json()["added"] as? Int == 2 && first.json()["unchanged"] as? Int == 0)
            let again = try await app.send(
                .POST, "/api/v1/carriers/ZTO/parcels", json: Self.manifest, headers: [("X-Carrier-Key", zto)])
            #expect(try again.json()["added"] as? Int == 0 && again.json()["unchanged"] as? Int == 2)
            #expect(try await Parcel.query(on: app.db).count() == 2)
            #expect(try await ParcelEvent.query(on: app.db).count() == 2)
            let tracked = try await app.send(.GET, "/api/v1/tracking/zto/ZT7300000001?phoneLast4=1234")
            #expect(tracked.status == .ok)
        }
    }
}
