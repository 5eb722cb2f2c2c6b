import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Stations
import Testing
import Vapor
import VaporTesting

@Suite("The station's services desk through the API")
struct ServiceDeskAPITests {
    @Test(arguments: TestStore.available)
    func aRequestIsDoneWithItsReceiptAndItsFeeGoesIntoTheDrawerOnce(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let villager = try await fixture.villager()
            let start = try await fixture.balance()
            let key = UUID().uuidString
            let body = #"{"kind":"utility_bill","villagerId":"\#(villager)","details":"电费 户号 0531-8812"}"#
            let created = try await app.send(
                .POST, fixture.path("/service-requests"), json: body, token: fixture.agent,
                headers: [("Idempotency-Key", key)])
            #expect(created.status == .created, "\(created.body.string)")
            let request = try created.json()
            #expect(request["status"] as? String == "open")
            #expect(request["provider"] as? String == "manual")
            #expect(request["feeMinor"] as? Int == 100, "the usual fee for a bill")
            let id = try #require(request["id"] as? String)
            let again = try await app.send(
                .POST, fixture.path("/service-requests"), json: body, token: fixture.agent,
                headers: [("Idempotency-Key", key)])
            #expect(try again.json()["id"] as? String == id)
            #expect(try await ServiceRequest.query(on: app.db).count() == 1)
            #expect(try await fixture.balance() == start, "no fee before the service is done")

            // Done with the receipt: the fee is in the drawer; recording it again changes nothing;
            // a done request cannot fail any more.
            for _ in 0..<2 {
                let done = try await app.send(
                    .POST, fixture.path("/service-requests/\(id)/completion"), json: #"{"receipt":"GD-20261203-77"}"#,
                    token: fixture.agent)
                #expect(done.status == .ok, "\(done.body.string)")
                #expect(try done.json()["receipt"] as? String == "GD-20261203-77")
            }
            #expect(try await fixture.balance() == start + 100)
            try await app.send(
                .POST, fixture.path("/service-requests/\(id)/failure"), json: #"{"reason":"停电"}"#, token: fixture.agent
            ).expectProblem(.conflict)

            // A ticket that could not be bought: failed, no fee.
            let ticket = try await app.send(
                .POST, fixture.path("/service-requests"),
                json: #"{"kind":"train_ticket","details":"12 月 20 日 济南到北京","feeMinor":300}"#, token: fixture.agent,
                headers: [("Idempotency-Key", UUID().uuidString)]
            ).json()
            let ticketID = try #require(ticket["id"] as? String)
            let failed = try await app.send(
                .POST, fixture.path("/service-requests/\(ticketID)/failure"), json: #"{"reason":"没有票了"}"#,
                token: fixture.agent)
            #expect(try failed.json()["status"] as? String == "failed")
            #expect(try await fixture.balance() == start + 100)
            let listed = try await app.send(.GET, fixture.path("/service-requests"), token: fixture.official)
                .jsonArray()
            #expect(Set(listed.compactMap { $0["status"] as? String }) == ["done", "failed"])
            try await fixture.expectLedgerBalances()
        }
    }

    @Test(arguments: TestStore.available)
    func badRequestsAreRefusedAndWriteNothing(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let otherVillager = try #require(
                try await Villager.query(on: app.db).filter(\.$stationID == fixture.otherStation).first()?.requireID())
            for (body, status) in [
                (#"{"kind":"lottery","details":"x"}"#, 400),
                (#"{"kind":"remittance","details":""}"#, 400),
                (#"{"kind":"remittance","details":"汇款","feeMinor":-1}"#, 400),
                (#"{"kind":"remittance","details":"汇款","feeMinor":10001}"#, 400),
                (#"{"kind":"remittance","details":"汇款","feeMinor":2.5}"#, 400),
                (#"{"kind":"remittance","details":"汇款","villagerId":"\#(UUID())"}"#, 404),
                (#"{"kind":"remittance","details":"汇款","villagerId":"\#(otherVillager)"}"#, 404),
            ] {
                let response = try await app.send(
                    .POST, fixture.path("/service-requests"), json: body, token: fixture.agent,
                    headers: [("Idempotency-Key", UUID().uuidString)])
                #expect(response.status.code == UInt(status), "\(body): \(response.body.string)")
            }
            #expect(try await ServiceRequest.query(on: app.db).count() == 0)
            let open = try await app.send(
                .POST, fixture.path("/service-requests"), json: #"{"kind":"remittance","details":"汇款 500 元"}"#,
                token: fixture.agent, headers: [("Idempotency-Key", UUID().uuidString)]
            ).json()
            let id = try #require(open["id"] as? String)
            let entries = try await CashEntry.query(on: app.db).count()
            try await app.send(
                .POST, fixture.path("/service-requests/\(id)/completion"), json: #"{"receipt":""}"#,
                token: fixture.agent
            ).expectProblem(.validation)
            try await app.send(
                .POST, fixture.path("/service-requests/\(UUID())/completion"), json: #"{"receipt":"R1"}"#,
                token: fixture.agent
            ).expectProblem(.notFound)
            // Another station's agent cannot finish this station's request through their own station.
            try await app.send(
                .POST, fixture.path("/service-requests/\(id)/completion", at: fixture.otherStation),
                json: #"{"receipt":"R1"}"#, token: fixture.otherAgent
            ).expectProblem(.notFound)
            #expect(try await CashEntry.query(on: app.db).count() == entries)
            let requestID = try #require(UUID(uuidString: id))
            #expect(try await ServiceRequest.find(requestID, on: app.db)?.status == .open)
        }
    }
}
