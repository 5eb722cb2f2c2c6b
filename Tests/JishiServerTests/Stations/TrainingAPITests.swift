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

@Suite("Training at the stations through the API")
struct TrainingAPITests {
    @Test(arguments: TestStore.available)
    func aSessionsAttendeesGetCertificatesAnyoneCanCheckAndTheCountyCountsThem(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let courses = try await app.send(.GET, "/api/v1/training/courses", token: fixture.agent).jsonArray()
            #expect(courses.count == 3, "the demo's courses")
            // Only the county's officials and admins add courses; a course's hours are 1 to 200.
            try await app.send(
                .POST, "/api/v1/training/courses", json: #"{"title":"直播带货","hours":6}"#, token: fixture.agent
            ).expectProblem(.forbidden)
            try await app.send(
                .POST, "/api/v1/training/courses", json: #"{"title":"直播带货","hours":0}"#, token: fixture.official
            ).expectProblem(.validation)
            let added = try await app.send(
                .POST, "/api/v1/training/courses", json: #"{"title":"直播带货","hours":6}"#, token: fixture.official)
            #expect(added.status == .created, "\(added.body.string)")
            let course = try #require(try added.json()["id"] as? String)

            // A bad day, an unknown course: refused, nothing held.
            let sessions = try await TrainingSession.query(on: app.db).count()
            for (body, status) in [
                (#"{"courseId":"\#(course)","day":"2031-02-30","place":"村委会","trainer":"李老师"}"#, 400),
                (#"{"courseId":"\#(UUID())","day":"2031-03-01","place":"村委会","trainer":"李老师"}"#, 404),
                (#"{"courseId":"\#(course)","day":"2031-03-01","place":"","trainer":"李老师"}"#, 400),
            ] {
                let response = try await app.send(
                    .POST, fixture.path("/training-sessions"), json: body, token: fixture.agent,
                    headers: [("Idempotency-Key", UUID().uuidString)])
                #expect(response.status.code == UInt(status), "\(body): \(response.body.string)")
            }
            #expect(try await TrainingSession.query(on: app.db).count() == sessions)
            let key = UUID().uuidString
            let body = #"{"courseId":"\#(course)","day":"2031-03-01","place":"丁庄村村委会","trainer":"李老师"}"#
            let held = try await app.send(
                .POST, fixture.path("/training-sessions"), json: body, token: fixture.agent,
                headers: [("Idempotency-Key", key)])
            #expect(held.status == .created, "\(held.body.string)")
            let session = try #require(try held.json()["id"] as? String)
            let again = try await app.send(
                .POST, fixture.path("/training-sessions"), json: body, token: fixture.agent,
                headers: [("Idempotency-Key", key)])
            #expect(try again.json()["id"] as? String == session)

            // A villager attends, once, and gets a certificate; a villager of another station, an
            // attendee named twice or not at all are refused.
            let villager = try await fixture.villager("丁春生")
            let attendance = fixture.path("/training-sessions/\(session)/attendance")
            let first = try await app.send(
                .POST, attendance, json: #"{"villagerId":"\#(villager)"}"#, token: fixture.agent)
            #expect(first.status == .created, "\(first.body.string)")
            let code = try #require(try first.json()["certificateCode"] as? String)
            #expect(code.count == 10)
            let second = try await app.send(
                .POST, attendance, json: #"{"villagerId":"\#(villager)"}"#, token: fixture.agent)
            #expect(try second.json()["certificateCode"] as? String == code)
            let other = try #require(
                try await Villager.query(on: app.db).filter(\.$stationID == fixture.otherStation).first()?.requireID())
            try await app.send(.POST, attendance, json: #"{"villagerId":"\#(other)"}"#, token: fixture.agent)
                .expectProblem(.notFound)
            for bad in [#"{}"#, #"{"villagerId":"\#(villager)","accountId":"\#(UUID())"}"#] {
                try await app.send(.POST, attendance, json: bad, token: fixture.agent).expectProblem(.validation)
            }

            // Anyone checks the certificate, signed in or not, in any case; the name is masked.
            let checked = try await app.send(.GET, "/api/v1/certificates/\(code.lowercased())")
            #expect(checked.status == .ok, "\(checked.body.string)")
            let certificate = try checked.json()
            #expect(certificate["holder"] as? String == "丁**")
            #expect(certificate["course"] as? String == "直播带货")
            #expect(certificate["day"] as? String == "2031-03-01")
            try await app.send(.GET, "/api/v1/certificates/ABCDEFGHJK").expectProblem(.notFound)

            // The county's official counts 2031's one person-time; the other town's official none;
            // an agent reads no totals.
            let totals = try await app.send(.GET, "/api/v1/training/totals?year=2031", token: fixture.official).json()
            #expect(totals["personTimes"] as? Int == 1)
            #expect(totals["sessions"] as? Int == 1)
            #expect(totals["target"] as? Int == 3_000)
            let elsewhere = try await app.send(
                .GET, "/api/v1/training/totals?year=2031", token: fixture.otherTownOfficial
            ).json()
            #expect(elsewhere["personTimes"] as? Int == 0)
            try await app.send(.GET, "/api/v1/training/totals?year=2031", token: fixture.agent)
                .expectProblem(.forbidden)
        }
    }
}
