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

/// Public tracking (the API and the page) for whoever knows the number and the phone's last 4
/// digits; the whole parcel for a dispatcher.
@Suite("Logistics: tracking a parcel")
struct TrackingTests {
    static let manifest = """
        carrier,tracking_number,direction,village_code,weight_grams,due_date,recipient_name,recipient_phone
        zto,ZT7300000001,inbound,371799101201,1200,2026-12-03,王秀英,138 0000 1234
        """

    static func withParcel(on store: TestStore, _ body: (Application, Parcel) async throws -> Void) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            _ = try await ParcelImport().run(Data(Self.manifest.utf8), on: app.db)
            let parcel = try #require(try await Parcel.query(on: app.db).first())
            // The hub receives it from the carrier.
            try await app.jishi.parcels.handOver(
                parcel.requireID(), from: .carrier, to: .node(parcel.$origin.id), by: nil, at: parcel.$origin.id,
                on: app.db)
            try await body(app, parcel)
        }
    }

    @Test(arguments: TestStore.available)
    func theNumberAndTheRightDigitsShowTheJourneyAndNothingElseDoes(store: TestStore) async throws {
        try await Self.withParcel(on: store) { app, parcel in
            let tracking = try await app.send(.GET, "/api/v1/tracking/zto/ZT7300000001?phoneLast4=1234").json()
            #expect((tracking["holder"] as? [String: Any])?["kind"] as? String == "node")
            #expect(
                ((tracking["holder"] as? [String: Any])?["node"] as? [String: Any])?["code"] as? String
                    == LogisticsDemo.hubCode)
            #expect(
                (tracking["events"] as? [[String: Any]])?.map { $0["kind"] as? String } == [
                    "registered", "handed_over",
                ])
            #expect(tracking["contactPhone"] == nil && tracking["contactName"] == nil)
            // Wrong digits, another carrier, an unknown number: the same 404.
            for path in [
                "/api/v1/tracking/zto/ZT7300000001?phoneLast4=9999",
                "/api/v1/tracking/yto/ZT7300000001?phoneLast4=1234",
                "/api/v1/tracking/zto/ZT0000000000?phoneLast4=1234",
            ] {
                try await app.send(.GET, path).expectProblem(.notFound)
            }
            try await app.send(.GET, "/api/v1/tracking/zto/ZT7300000001?phoneLast4=12").expectProblem(.validation)

            let buyer = try await app.logIn("buyer", password: DemoCounty.password)
            try await app.send(.GET, "/api/v1/parcels/\(try parcel.requireID())", token: buyer).expectProblem(
                .forbidden)
            let dispatcher = try await app.logIn("dispatcher", password: DemoCounty.password)
            let detail = try await app.send(.GET, "/api/v1/parcels/\(try parcel.requireID())", token: dispatcher).json()
            #expect(detail["contactPhone"] as? String == "13800001234" && detail["contactName"] as? String == "王秀英")
        }
    }

    @Test func theTrackingPageFindsTheParcelInBothLanguages() async throws {
        try await Self.withParcel(on: .sqlite) { app, _ in
            var browser = WebBrowser(app)
            let found = try await browser.get("/track?carrier=zto&number=ZT7300000001&last4=1234")
            #expect(found.status == .ok)
            #expect(found.body.string.contains(#"id="journey""#) && found.body.string.contains("大集县共同配送中心"))
            #expect(found.body.string.contains("已交接") && !found.body.string.contains("13800001234"))
            let wrong = try await browser.get("/track?carrier=zto&number=ZT7300000001&last4=4321")
            #expect(wrong.status == .notFound && wrong.body.string.contains("没有找到这个单号"))
            var english = WebBrowser(app, acceptLanguage: "en")
            let page = try await english.get("/track")
            #expect(page.status == .ok && page.body.string.contains("Where is my parcel?"))
            #expect(page.body.string.contains("ZTO Express"))
        }
    }
}
