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

@Suite("Logistics API and pages: the county's figures, GeoJSON and run manifests")
struct FiguresAPITests {
    static let date = "2026-12-03"
    static let csv: [(String, String)] = [("Accept", "text/csv")]
    static let geoJSON: [(String, String)] = [("Accept", "application/geo+json")]

    /// The demo day planned and published through the API; the plan as JSON.
    static func publishedDay(_ app: Application) async throws -> (dispatcher: String, plan: [String: Any]) {
        try await LogisticsDemo.load(on: app.db)
        try await LogisticsDemo.loadDay(Self.date, at: Date(), on: app.db)
        let dispatcher = try await app.logIn("dispatcher", password: DemoCounty.password)
        let planned = try await app.send(
            .POST, "/api/v1/dispatch/plans", json: #"{"date":"\#(Self.date)","timeLimitSeconds":0.3}"#,
            token: dispatcher)
        #expect(planned.status == .ok, "\(planned.body.string)")
        let plan = try await app.send(.POST, "/api/v1/dispatch/plans/\(Self.date)/publish", token: dispatcher).json()
        return (dispatcher, plan)
    }

    @Test(arguments: TestStore.available)
    func theFiguresCSVAndGeoJSONAreForTheCountysReadersOnly(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let (dispatcher, plan) = try await Self.publishedDay(app)
            let official = try await app.logIn("official", password: DemoCounty.password)
            let range = "from=\(Self.date)&to=\(Self.date)"
            let figures = try await app.send(.GET, "/api/v1/logistics/figures?\(range)", token: official)
            #expect(figures.status == .ok, "\(figures.body.string)")
            let body = try figures.json()
            let rows = try #require(body["rows"] as? [[String: Any]])
            #expect(!rows.isEmpty)
            #expect(rows.reduce(0) { $0 + ($1["costMinor"] as? Int ?? 0) } == plan["costMinor"] as? Int)

            let csv = try await app.send(
                .GET, "/api/v1/logistics/figures/csv?\(range)", token: official, headers: Self.csv)
            #expect(csv.status == .ok)
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let lines = csv.body.string.split(separator: "\r\n").map(String.init)
            #expect(lines.first == FiguresCSV.header)
            #expect(lines.count == rows.count + 1)
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(Self.date + ",") })

            let network = try await app.send(.GET, "/api/v1/network/geojson", token: dispatcher, headers: Self.geoJSON)
            #expect(network.status == .ok, "\(network.body.string)")
            #expect(network.headers.first(name: .contentType)?.hasPrefix("application/geo+json") == true)
            let features = try #require(try network.json()["features"] as? [[String: Any]])
            #expect(features.contains { ($0["properties"] as? [String: Any])?["kind"] as? String == "county_hub" })
            let day = try await app.send(
                .GET, "/api/v1/dispatch/plans/\(Self.date)/geojson", token: dispatcher, headers: Self.geoJSON)
            #expect(day.status == .ok, "\(day.body.string)")
            #expect(day.headers.first(name: .contentType)?.hasPrefix("application/geo+json") == true)
            let lines2 = try #require(try day.json()["features"] as? [[String: Any]]).filter {
                ($0["geometry"] as? [String: Any])?["type"] as? String == "LineString"
            }
            #expect(lines2.count == (plan["runs"] as? [[String: Any]])?.count)

            // Bad input is a 400; a day without a plan a 404.
            try await app.send(.GET, "/api/v1/logistics/figures?from=2026-12-05&to=\(Self.date)", token: official)
                .expectProblem(.validation, field: "to")
            try await app.send(.GET, "/api/v1/logistics/figures?from=2026-01-01&to=2026-12-31", token: official)
                .expectProblem(.validation, field: "to")
            try await app.send(
                .GET, "/api/v1/dispatch/plans/2026-01-01/geojson", token: dispatcher, headers: Self.geoJSON
            )
            .expectProblem(.notFound)

            for username in ["courier", "seller"] {
                let token = try await app.logIn(username, password: DemoCounty.password)
                try await app.send(.GET, "/api/v1/logistics/figures?\(range)", token: token).expectProblem(.forbidden)
                try await app.send(.GET, "/api/v1/logistics/figures/csv?\(range)", token: token, headers: Self.csv)
                    .expectProblem(.forbidden)
                try await app.send(.GET, "/api/v1/network/geojson", token: token, headers: Self.geoJSON).expectProblem(
                    .forbidden)
                try await app.send(
                    .GET, "/api/v1/dispatch/plans/\(Self.date)/geojson", token: token, headers: Self.geoJSON
                )
                .expectProblem(.forbidden)
            }
            try await app.send(.GET, "/api/v1/logistics/figures?\(range)").expectProblem(.unauthenticated)
        }
    }

    @Test(arguments: TestStore.available)
    func theFiguresPageAndARunsManifestShowAndPrint(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let (_, plan) = try await Self.publishedDay(app)
            var official = try await WebBrowser.signedIn(app, "official", acceptLanguage: "zh-CN")
            #expect(try await official.get("/manage").body.string.contains(#"href="/figures""#))
            let page = try await official.get("/figures?from=\(Self.date)&to=\(Self.date)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("物流数据") && html.contains("id=\"figures-villages\""))
            #expect(html.contains("href=\"/figures/csv?from=\(Self.date)&to=\(Self.date)\""))
            // The day's map draws the county's roads under the runs.
            #expect(html.contains("<g class=\"roads\"") && html.contains("<svg class=\"map\""))
            let csv = try await official.get("/figures/csv?from=\(Self.date)&to=\(Self.date)")
            #expect(csv.status == .ok && csv.body.string.hasPrefix(FiguresCSV.header + "\r\n"))
            #expect(try await official.get("/figures?from=2026-13-01").status == .badRequest)

            var dispatcher = try await WebBrowser.signedIn(app, "dispatcher", acceptLanguage: "zh-CN")
            let dispatch = try await dispatcher.get("/dispatch?date=\(Self.date)")
            let runs = try #require(plan["runs"] as? [[String: Any]])
            let run = try #require(runs.first { ($0["stops"] as? [Any])?.isEmpty == false })
            let runID = try #require(run["id"] as? String).lowercased()
            #expect(dispatch.body.string.contains("href=\"/dispatch/runs/\(runID)/manifest\""))
            let manifest = try await dispatcher.get("/dispatch/runs/\(runID)/manifest")
            #expect(manifest.status == .ok)
            let text = manifest.body.string
            #expect(text.contains("车次交接单") && text.contains("交接人签字"))
            let stops = try #require(run["stops"] as? [[String: Any]])
            for stop in stops {
                for tracking in (stop["deliver"] as? [String] ?? []) + (stop["pickup"] as? [String] ?? []) {
                    #expect(text.contains(tracking))
                }
            }
            #expect(text.contains("****"), "phones are masked")
            #expect(text.range(of: #"(?<![0-9])1[3-9][0-9]{9}(?![0-9])"#, options: .regularExpression) == nil)
            #expect(text.components(separatedBy: "class=\"signature\"").count == stops.count + 1)

            // The courier reads the manifest of the run given to them, and no other's.
            let courierID = try #require(
                try await Account.query(on: app.db).filter(\.$username == "courier").first()?.requireID())
            let given = try #require(try await DispatchRun.find(UUID(uuidString: runID), on: app.db))
            var courier = try await WebBrowser.signedIn(app, "courier", acceptLanguage: "zh-CN")
            given.$courier.id = nil
            try await given.save(on: app.db)
            #expect(try await courier.get("/dispatch/runs/\(runID)/manifest").status == .forbidden)
            given.$courier.id = courierID
            try await given.save(on: app.db)
            #expect(try await courier.get("/dispatch/runs/\(runID)/manifest").status == .ok)
            for username in ["courier", "seller"] {
                var other = try await WebBrowser.signedIn(app, username, acceptLanguage: "zh-CN")
                #expect(try await other.get("/figures").status == .forbidden)
                #expect(try await other.get("/figures/csv").status == .forbidden)
            }
            var seller = try await WebBrowser.signedIn(app, "seller", acceptLanguage: "zh-CN")
            #expect(try await seller.get("/dispatch/runs/\(runID)/manifest").status == .forbidden)
        }
    }
}
