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

@Suite("Logistics API: roads")
struct RoadsAPITests {
    static let good = """
        {"type":"FeatureCollection","circuity":1.4,"features":[
          {"type":"Feature","properties":{"speed_class":"county","name":"县道"},
           "geometry":{"type":"LineString","coordinates":[[115.5,34.8],[115.51,34.8],[115.52,34.81]]}}
        ]}
        """

    @Test(arguments: TestStore.available)
    func aDispatcherReplacesAndReadsTheRoadsAndABuyerCannot(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            try await app.send(.GET, "/api/v1/network/roads").expectProblem(.unauthenticated)
            let buyer = try await app.logIn("buyer", password: DemoCounty.password)
            try await app.send(.GET, "/api/v1/network/roads", token: buyer).expectProblem(.forbidden)
            try await app.send(.PUT, "/api/v1/network/roads", json: Self.good, token: buyer).expectProblem(.forbidden)

            let dispatcher = try await app.logIn("dispatcher", password: DemoCounty.password)
            let demo = try await app.send(.GET, "/api/v1/network/roads", token: dispatcher).json()
            #expect(demo["type"] as? String == "FeatureCollection")
            #expect(((demo["features"] as? [[String: Any]]) ?? []).count > 10)

            let replaced = try await app.send(.PUT, "/api/v1/network/roads", json: Self.good, token: dispatcher)
            #expect(replaced.status == .ok, "\(replaced.body.string)")
            #expect(try replaced.json()["features"] as? Int == 1)
            let now = try await app.send(.GET, "/api/v1/network/roads", token: dispatcher).json()
            #expect(now["circuity"] as? Double == 1.4)
            let feature = try #require((now["features"] as? [[String: Any]])?.first)
            #expect((feature["properties"] as? [String: Any])?["name"] as? String == "县道")
            #expect(((feature["geometry"] as? [String: Any])?["coordinates"] as? [[Double]])?.count == 3)
        }
    }

    @Test(arguments: TestStore.available)
    func badGeoJSONIsA400NamingTheFeatureAndFieldAndWritesNothing(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            let admin = try await app.logIn("admin", password: DemoCounty.password)
            let before = try await RoadSegment.query(on: app.db).count()
            let line = #"{"type":"LineString","coordinates":[[115.5,34.8],[115.51,34.8]]}"#
            let cases: [(String, String)] = [
                (#"{"type":"Feature","features":[]}"#, "type"),
                (
                    #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"speed_class":"village"},"geometry":{"type":"Point","coordinates":[115.5,34.8]}}]}"#,
                    "features[0].geometry.type"
                ),
                (
                    #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"speed_class":"village"},"geometry":\#(line)},{"type":"Feature","properties":{"speed_class":"jet"},"geometry":\#(line)}]}"#,
                    "features[1].properties.speed_class"
                ),
                (
                    #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"speed_class":"village"},"geometry":{"type":"LineString","coordinates":[[115.5,94.8],[115.51,34.8]]}}]}"#,
                    "features[0].geometry.coordinates"
                ),
                (
                    #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"speed_class":"village"},"geometry":{"type":"LineString","coordinates":[[115.5,34.8]]}}]}"#,
                    "features[0].geometry.coordinates"
                ),
            ]
            for (body, field) in cases {
                try await app.send(.PUT, "/api/v1/network/roads", json: body, token: admin).expectProblem(
                    .validation, field: field)
            }
            // Not JSON at all, or not an object: refused before the importer.
            let broken = try await app.send(.PUT, "/api/v1/network/roads", json: "{\"type\":", token: admin)
            #expect((400..<500).contains(Int(broken.status.code)))
            let array = try await app.send(.PUT, "/api/v1/network/roads", json: "[]", token: admin)
            #expect((400..<500).contains(Int(array.status.code)))
            #expect(try await RoadSegment.query(on: app.db).count() == before)
        }
    }
}
