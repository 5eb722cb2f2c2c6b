import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Logistics
import Stations
import Testing
import Vapor
import VaporTesting

@Suite("Parcels at a station's counter")
struct CounterAPITests {
    /// A parcel held at the fixture's station.
    static func parcel(
        _ app: Application, _ fixture: StationsFixture, _ tracking: String, to name: String, phone: String?,
        cod: Int64? = nil, direction: Parcel.Direction = .inbound
    ) async throws -> String {
        let station = try #require(try await NetworkNode.find(fixture.station, on: app.db))
        let hub = try #require(
            try await NetworkNode.query(on: app.db).filter(\.$code == LogisticsDemo.hubCode).first()?.requireID())
        let carrier = try #require(try await Carrier.query(on: app.db).filter(\.$code == "zto").first()?.requireID())
        let id = UUID()
        try await Parcel(
            id: id, carrierID: carrier, trackingNumber: tracking, direction: direction, weightGrams: 800, codMinor: cod,
            contactName: name, contactPhone: phone, villageID: try #require(station.$village.id),
            originID: direction == .inbound ? hub : fixture.station,
            destinationID: direction == .inbound ? fixture.station : hub, dueDate: "2026-12-02",
            holder: .node(fixture.station), createdAt: Date()
        ).create(on: app.db)
        return id.uuidString.lowercased()
    }

    @Test(arguments: TestStore.available)
    func aParcelIsHandedOutOnceOnProofWithItsCashOnDelivery(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let byPhone = try await Self.parcel(app, fixture, "ZT100000001", to: "丁秀兰", phone: "13905301111")
            let byID = try await Self.parcel(app, fixture, "ZT100000002", to: "丁大山", phone: nil, cod: 3_500)
            let outbound = try await Self.parcel(
                app, fixture, "ZT100000003", to: "丁庄服饰", phone: nil, direction: .outbound)

            // The demo's own two parcels wait there too.
            let listed = try await app.send(.GET, fixture.path("/parcels"), token: fixture.agent).jsonArray()
                .filter { ($0["trackingNumber"] as? String ?? "").hasPrefix("ZT1000") }
            #expect(
                listed.compactMap { $0["trackingNumber"] as? String } == ["ZT100000001", "ZT100000002", "ZT100000003"])
            #expect(listed.first?["contactPhone"] as? String == "139****1111")
            try await app.send(.GET, fixture.path("/parcels"), token: fixture.otherAgent).expectProblem(.forbidden)

            func handOut(_ parcel: String, _ body: String, key: String = UUID().uuidString, token: String? = nil)
                async throws -> TestingHTTPResponse
            {
                try await app.send(
                    .POST, fixture.path("/parcels/\(parcel)/hand-out"), json: body, token: token ?? fixture.agent,
                    headers: [("Idempotency-Key", key)])
            }
            let start = try await fixture.balance()
            // Wrong proof, no signature, cash not taken: nothing is written.
            try await handOut(byPhone, #"{"proof":"phone","digits":"2222","signature":"丁秀兰"}"#)
                .expectProblem(.validation, field: "digits")
            try await handOut(byPhone, #"{"proof":"phone","digits":"1111","signature":"  "}"#)
                .expectProblem(.validation, field: "signature")
            try await handOut(byID, #"{"proof":"id_card","digits":"3021","signature":"丁大山"}"#)
                .expectProblem(.validation, field: "digits")
            try await handOut(byID, #"{"proof":"id_card","digits":"118x","signature":"丁大山"}"#)
                .expectProblem(.validation, field: "codMinor")
            try await handOut(outbound, #"{"proof":"phone","digits":"1111","signature":"丁"}"#)
                .expectProblem(.conflict)
            try await handOut(
                byPhone, #"{"proof":"phone","digits":"1111","signature":"丁秀兰"}"#, token: fixture.otherAgent
            )
            .expectProblem(.forbidden)
            #expect(try await CounterHandout.query(on: app.db).count() == 0)
            #expect(try await Parcel.query(on: app.db).filter(\.$holder == "recipient").count() == 0)

            // By phone: once per key, and a second key finds it gone.
            let key = UUID().uuidString
            let first = try await handOut(byPhone, #"{"proof":"phone","digits":"1111","signature":"丁秀兰"}"#, key: key)
            #expect(first.status == .created, "\(first.body.string)")
            let again = try await handOut(byPhone, #"{"proof":"phone","digits":"1111","signature":"丁秀兰"}"#, key: key)
            #expect(try again.json()["id"] as? String == first.json()["id"] as? String)
            try await handOut(byPhone, #"{"proof":"phone","digits":"1111","signature":"丁秀兰"}"#)
                .expectProblem(.conflict)

            // By the villager's ID digits, with the cash on delivery into the drawer.
            let cod = try await handOut(
                byID, #"{"proof":"id_card","digits":"118x","signature":"丁大山","codMinor":3500}"#)
            #expect(cod.status == .created, "\(cod.body.string)")
            #expect(try cod.json()["villagerId"] is String)
            #expect(try await fixture.balance() == start + 3_500)
            #expect(try await Parcel.query(on: app.db).filter(\.$holder == "recipient").count() == 2)
            let remaining = try await app.send(.GET, fixture.path("/parcels"), token: fixture.agent).jsonArray()
                .compactMap { $0["trackingNumber"] as? String }.filter { $0.hasPrefix("ZT1000") }
            #expect(remaining == ["ZT100000003"])
            let journey = try await ParcelEvent.query(on: app.db)
                .filter(\.$parcel.$id == UUID(uuidString: byID)!).all()
            #expect(journey.map(\.kind) == [.delivered])
            try await fixture.expectLedgerBalances()
        }
    }

    @Test(arguments: TestStore.available)
    func arrivalsAreShelvedAndParcelsNotCollectedInAWeekGoBackWithTheNextRun(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestApp(on: store, seedDemo: true, dependencies: clock.dependencies) { app in
            let fixture = try await StationsFixture.make(app)
            let waiting = try await app.send(.GET, fixture.path("/parcels"), token: fixture.agent).jsonArray()
                .filter { $0["direction"] as? String == "inbound" }
            #expect(waiting.count == 2, "the demo's two parcels")
            #expect(
                waiting.allSatisfy {
                    $0["arrivedAt"] is String && $0["shelf"] == nil && $0["overdue"] as? Bool == false
                })
            let first = try #require(waiting.first?["id"] as? String)

            // The agent confirms it with its shelf place, then moves it; a blank place, a parcel of
            // another counter and another station's agent are refused.
            let arrival = fixture.path("/parcels/\(first)/arrival")
            for shelf in ["A-03", "B-01"] {
                let confirmed = try await app.send(
                    .POST, arrival, json: #"{"shelf":"\#(shelf)"}"#, token: fixture.agent)
                #expect(confirmed.status == .ok, "\(confirmed.body.string)")
                #expect(try confirmed.json()["shelf"] as? String == shelf)
                #expect(try confirmed.json()["confirmedAt"] is String)
            }
            try await app.send(.POST, arrival, json: #"{"shelf":" "}"#, token: fixture.agent).expectProblem(.validation)
            let elsewhere = try #require(
                try await Parcel.query(on: app.db).filter(\.$holder == Holder.node(fixture.otherStation).rawValue)
                    .first()?
                    .requireID())
            try await app.send(
                .POST, fixture.path("/parcels/\(elsewhere)/arrival"), json: #"{"shelf":"A-01"}"#, token: fixture.agent
            ).expectProblem(.notFound)
            try await app.send(.POST, arrival, json: #"{"shelf":"C-01"}"#, token: fixture.otherAgent)
                .expectProblem(.forbidden)
            #expect(try await CounterArrival.query(on: app.db).count() == 1)

            // Within the week nothing goes back; after it, both waiting parcels turn round for the
            // next run to the hub, once.
            let sendBack = fixture.path("/uncollected-returns")
            #expect(try await app.send(.POST, sendBack, token: fixture.agent).jsonArray().isEmpty)
            try await app.send(.POST, sendBack, token: fixture.otherAgent).expectProblem(.forbidden)
            clock.advance(by: 8 * 86_400)
            // A week on, the agent signs in again (tokens do not last that long).
            let agent = try await app.logIn("agent", password: DemoCounty.password)
            let overdue = try await app.send(.GET, fixture.path("/parcels"), token: agent).jsonArray()
                .filter { $0["direction"] as? String == "inbound" }
            #expect(overdue.count == 2 && overdue.allSatisfy { $0["overdue"] as? Bool == true })
            let sent = try await app.send(.POST, sendBack, token: agent).jsonArray()
            #expect(Set(sent.compactMap { $0["id"] as? String }) == Set(waiting.compactMap { $0["id"] as? String }))
            #expect(try await app.send(.POST, sendBack, token: agent).jsonArray().isEmpty)
            let hub = try #require(
                try await NetworkNode.query(on: app.db).filter(\.$code == LogisticsDemo.hubCode).first()?.requireID())
            let firstID = try #require(UUID(uuidString: first))
            let parcel = try #require(try await Parcel.find(firstID, on: app.db))
            #expect(parcel.direction == .outbound)
            #expect(parcel.$origin.id == fixture.station && parcel.$destination.id == hub)
            #expect(parcel.currentHolder == .node(fixture.station))
            let events = try await ParcelEvent.query(on: app.db).filter(\.$parcel.$id == parcel.requireID()).all()
            #expect(events.map(\.kind).last == .sentBack || events.contains { $0.kind == .sentBack })
            // Its recipient can no longer take it at the counter.
            try await app.send(
                .POST, fixture.path("/parcels/\(first)/hand-out"),
                json: #"{"proof":"id_card","digits":"3021","signature":"丁秀兰"}"#, token: agent,
                headers: [("Idempotency-Key", UUID().uuidString)]
            ).expectProblem(.conflict)
        }
    }
}
