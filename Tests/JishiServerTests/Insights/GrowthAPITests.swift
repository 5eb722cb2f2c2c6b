import Community
import DomainTesting
import FluentKit
import Foundation
import Insights
import JishiKit
import JishiServer
import JishiServerTesting
import Logistics
import Testing
import Vapor
import VaporTesting

@Suite("Insights API and pages: growth, the map's layers and the shop registry")
struct GrowthAPITests {
    @Test(arguments: TestStore.available)
    func growthTheMapAndTheRegistryForTheCountyAndATown(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let official = try await app.logIn("official", password: DemoCounty.password)
            let shops = try await RecognitionAPITests.upload(app, "shops", RecognitionAPITests.shops, token: official)
            #expect(shops.status == .ok)
            _ = try await RecognitionAPITests.upload(app, "sales", RecognitionAPITests.sales, token: official)
            try await LogisticsDemo.load(on: app.db)
            let today = PageDate.string(Date())
            try await LogisticsDemo.loadDay(today, at: Date(), on: app.db)

            let year = try await app.send(.GET, "/api/v1/insights/growth?from=2025&to=2026", token: official)
            #expect(year.status == .ok, "\(year.body.string)")
            let body = try year.json()
            #expect(body["place"] as? String == DemoCounty.countyCode)
            let points = try #require(body["points"] as? [[String: Any]])
            #expect(points.map { $0["period"] as? String } == ["2025", "2026"])
            #expect(points.last?["salesMinor"] as? Int == 1_000_000_000)
            #expect(points.last?["orders"] as? Int == 128)
            #expect(points.last?["shops"] as? Int == 32)
            // The day's parcels are this year's, in and out as registered.
            let parcels = try await Parcel.query(on: app.db).all()
            #expect(points.last?["parcelsIn"] as? Int == parcels.filter { $0.direction == .inbound }.count)
            #expect(points.last?["parcelsOut"] as? Int == parcels.filter { $0.direction == .outbound }.count)

            let village = try await app.send(
                .GET,
                "/api/v1/insights/growth?place=\(RecognitionAPITests.dingzhuang)&by=month&from=2026-04&to=2026-06",
                token: official
            ).json()
            #expect(village["level"] as? String == "village")
            #expect((village["points"] as? [[String: Any]])?.map { $0["orders"] as? Int } == [32, 32, 64])
            let csv = try await app.send(
                .GET, "/api/v1/insights/growth/csv?place=\(RecognitionAPITests.daying)", token: official,
                headers: RecognitionAPITests.csv)
            #expect(csv.body.string.hasPrefix(GrowthFigures.csvHeader + "\r\n"))

            let map = try await app.send(
                .GET, "/api/v1/insights/map/geojson?year=2026", token: official,
                headers: [("Accept", "application/geo+json")])
            #expect(map.status == .ok, "\(map.body.string)")
            let features = try #require(try map.json()["features"] as? [[String: Any]])
            let layers = features.compactMap { ($0["properties"] as? [String: Any])?["layer"] as? String }
            #expect(layers.filter { $0 == "village" }.count == DemoCounty.villageCount)
            #expect(layers.contains("station"))
            let ding = features.first {
                ($0["properties"] as? [String: Any])?["code"] as? String == RecognitionAPITests.dingzhuang
            }
            #expect((ding?["properties"] as? [String: Any])?["recognised"] as? Bool == true)

            // The registry: a snapshot now, CSV of it.
            let taken = try await app.send(.POST, "/api/v1/insights/registry/snapshots", token: official)
            #expect(taken.status == .ok, "\(taken.body.string)")
            let month = try #require(try taken.json()["month"] as? String)
            let snapshots = try await app.send(.GET, "/api/v1/insights/registry/snapshots", token: official).jsonArray()
            #expect(snapshots.first?["shops"] as? Int == 32)
            let registry = try await app.send(
                .GET, "/api/v1/insights/registry/csv?month=\(month)", token: official, headers: RecognitionAPITests.csv)
            #expect(registry.body.string.split(separator: "\r\n").count == 33)
            let changes = try await app.send(
                .GET, "/api/v1/insights/registry/changes?from=\(month)&to=\(month)", token: official)
            #expect(try changes.jsonArray().isEmpty)
            try await app.send(.GET, "/api/v1/insights/registry/changes?from=2020-01&to=\(month)", token: official)
                .expectProblem(.notFound)

            // A town's official: their town's growth, not the county's; no snapshots taken.
            let daying = try #require(
                try await Town.query(on: app.db).filter(\.$code == RecognitionAPITests.daying).first())
            let townOfficial = try await app.tokenForNewAccount(
                "official-daying", grant: RoleGrant(role: .official, scope: .town(try daying.requireID())))
            let own = try await app.send(.GET, "/api/v1/insights/growth", token: townOfficial).json()
            #expect(own["place"] as? String == RecognitionAPITests.daying)
            try await app.send(.GET, "/api/v1/insights/growth?place=\(DemoCounty.countyCode)", token: townOfficial)
                .expectProblem(.forbidden)
            try await app.send(.POST, "/api/v1/insights/registry/snapshots", token: townOfficial)
                .expectProblem(.forbidden)
            let seller = try await app.logIn("seller", password: DemoCounty.password)
            try await app.send(.GET, "/api/v1/insights/growth", token: seller).expectProblem(.forbidden)
            try await app.send(.GET, "/api/v1/insights/growth?from=2026&to=2020", token: official)
                .expectProblem(.validation, field: "to")
            // An empty or malformed place is refused, not read as "the county".
            for place in ["", "37179", "3717991012011"] {
                try await app.send(.GET, "/api/v1/insights/growth?place=\(place)", token: official)
                    .expectProblem(.validation, field: "place")
            }
            try await app.send(
                .GET, "/api/v1/insights/map/geojson?year=2026&place=\(RecognitionAPITests.dingzhuang)", token: official,
                headers: [("Accept", "application/geo+json")]
            ).expectProblem(.validation, field: "place")
            try await app.send(.POST, "/api/v1/insights/siting", json: #"{"place":"","sites":1}"#, token: official)
                .expectProblem(.validation, field: "place")

            // The pages, in both languages.
            for language in ["zh-Hans", "en"] {
                var browser = try await WebBrowser.signedIn(app, "official", acceptLanguage: language)
                let growth = try await browser.get("/insights/growth")
                #expect(growth.status == .ok)
                #expect(growth.body.string.contains("<svg class=\"chart\""))
                #expect(growth.body.string.contains("id=\"map-\(RecognitionAPITests.dingzhuang)\""))
                let page = try await browser.get("/insights/registry")
                #expect(page.status == .ok)
                #expect(page.body.string.contains("id=\"snapshot-\(month)\""))
            }
        }
    }
}
