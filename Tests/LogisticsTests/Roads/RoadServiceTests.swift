import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Logistics
import Persistence
import SQLKit
import Testing

/// Travel between nodes on the county's roads: the demo's river and mountain, the cache, the
/// straight-line fallback, and importing roads whole or not at all.
@Suite("Logistics: roads and distances")
struct RoadServiceTests {
    /// The demo's far villages: across the river from the hub (桃园村, 蜂场村, 杨湖村, 青堤村),
    /// and up the mountain (木匠村).
    static let farVillages = ["STA-371799200201", "STA-371799200205", "STA-371799200206", "STA-371799200207"]
    static let mountainVillage = "STA-371799102203"

    @Test(arguments: TestStore.available)
    func theRiverAndTheMountainMakeSomeVillagesMuchFartherByRoadThanByAir(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let network = NetworkService()
            let roads = RoadService()
            let hub = try #require(try await network.node(code: LogisticsDemo.hubCode, on: county.db))
            for code in Self.farVillages {
                let station = try #require(try await network.node(code: code, on: county.db))
                let air = hub.location.distance(to: station.location)
                let matrix = try await roads.matrix(between: [hub, station], on: county.db)
                #expect(
                    Double(matrix.meters(0, 1)) >= 1.5 * Double(air), "\(code): \(matrix.meters(0, 1)) m vs \(air) m")
                let route = try #require(try await roads.route(from: hub, to: station, on: county.db))
                #expect(
                    route.roads.contains(LogisticsDemo.westBridgeName)
                        || route.roads.contains(LogisticsDemo.eastBridgeName), "\(route.roads)")
                #expect(route.meters == matrix.meters(0, 1))
            }
            let mountain = try #require(try await network.node(code: Self.mountainVillage, on: county.db))
            let depot = try #require(try await network.node(code: "DEP-371799102", on: county.db))
            let up = try await roads.matrix(between: [depot, mountain], on: county.db)
            #expect(Double(up.meters(0, 1)) >= 2 * Double(depot.location.distance(to: mountain.location)))
            #expect(
                try await roads.route(from: depot, to: mountain, on: county.db)?.roads == [
                    LogisticsDemo.mountainRoadName
                ])
            // A village on the hub's bank is not sent round by a bridge.
            let near = try #require(try await network.node(code: "STA-371799100203", on: county.db))
            let nearRoute = try #require(try await roads.route(from: hub, to: near, on: county.db))
            #expect(!nearRoute.roads.contains(LogisticsDemo.westBridgeName))
            #expect(!nearRoute.roads.contains(LogisticsDemo.eastBridgeName))
        }
    }

    /// Overwrites every cached row's metres, so a matrix read from the cache shows it.
    static func tamperWithCache(on database: any Database) async throws {
        try await database.sql().update(RoadService.cacheTable).set("meters", to: 7).run()
    }

    @Test(arguments: TestStore.available)
    func aSecondCallReadsTheCacheAndAMovedNodeOrNewRoadsAreRecomputed(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let roads = RoadService()
            let nodes = try await NetworkService().nodes(on: county.db)
            let first = try await roads.matrix(between: nodes, on: county.db)
            let rows = try await county.db.sql().raw("SELECT COUNT(*) AS n FROM \(ident: RoadService.cacheTable)")
                .first(decodingColumn: "n", as: Int.self)
            #expect(rows == nodes.count * (nodes.count - 1))
            #expect(try await roads.matrix(between: nodes, on: county.db) == first)

            try await Self.tamperWithCache(on: county.db)
            let cached = try await roads.matrix(between: nodes, on: county.db)
            #expect(cached.meters(0, 1) == 7 && cached.meters(5, 2) == 7, "the second call reads the cache")

            // Move one node: its row and column are computed again, the rest still come from the cache.
            let moved = nodes[3]
            moved.latitude += 0.01
            try await moved.save(on: county.db)
            let after = try await roads.matrix(between: nodes, on: county.db)
            #expect(after.meters(3, 0) != 7 && after.meters(0, 3) != 7)
            #expect(after.meters(3, 0) != first.meters(3, 0))
            #expect(after.meters(1, 2) == 7)

            // A new import empties the cache: everything is computed again.
            let export = try await RoadImport.export(on: county.db)
            _ = try await RoadImport().run(export, on: county.db)
            let reimported = try await roads.matrix(between: nodes, on: county.db)
            #expect(reimported.meters(1, 2) == first.meters(1, 2))
            #expect(!reimported.meters.enumerated().contains { $0.element == 7 && $0.offset % (nodes.count + 1) != 0 })
        }
    }

    @Test(arguments: TestStore.available)
    func withoutRoadsItIsTheStraightLineTimesTheCircuity(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let nodes = try await NetworkService().nodes(on: county.db)
            let empty = Data(#"{"type":"FeatureCollection","features":[]}"#.utf8)
            _ = try await RoadImport().run(empty, on: county.db)
            let roads = RoadService(circuity: 1.25, fallbackSpeedKmh: 36)
            let matrix = try await roads.matrix(between: nodes, on: county.db)
            #expect(matrix == roads.straightLine(nodes.map(\.location)))
            let air = nodes[0].location.distance(to: nodes[1].location)
            #expect(abs(matrix.meters(0, 1) - Int((Double(air) * 1.25).rounded())) <= 1)
            #expect(abs(matrix.seconds(0, 1) - Int((Double(matrix.meters(0, 1)) / 10).rounded())) <= 1)

            // The county's own setting wins over the service's default.
            let set = Data(#"{"type":"FeatureCollection","circuity":1.5,"fallback_speed_kmh":30,"features":[]}"#.utf8)
            _ = try await RoadImport().run(set, on: county.db)
            #expect(
                try await roads.matrix(between: nodes, on: county.db)
                    == RoadService(circuity: 1.5, fallbackSpeedKmh: 30).straightLine(nodes.map(\.location)))
        }
    }

    static let badFile = """
        {"type":"FeatureCollection","circuity":9,"features":[
          {"type":"Feature","properties":{"speed_class":"village"},"geometry":{"type":"LineString","coordinates":[[115.5,34.8],[115.51,34.8]]}},
          {"type":"Feature","properties":{"speed_class":"village"},"geometry":{"type":"Point","coordinates":[115.5,34.8]}},
          {"type":"Feature","properties":{"speed_class":"motorway"},"geometry":{"type":"LineString","coordinates":[[115.5,34.8],[115.51,34.8]]}},
          {"type":"Feature","properties":{"speed_class":"county"},"geometry":{"type":"LineString","coordinates":[[115.5,34.8],[215.51,34.8]]}},
          {"type":"Feature","properties":{"speed_class":"track"},"geometry":{"type":"LineString","coordinates":[[115.5,34.8]]}},
          {"type":"Feature","properties":{"speed_class":"track"},"geometry":{"type":"MultiLineString","coordinates":[[[115.5,34.8],[115.6,34.8]],[[115.5,34.8],[115.6,"x"]]]}},
          {"type":"Feature","geometry":{"type":"LineString","coordinates":[[115.5,34.8],[115.51,34.8]]}}
        ]}
        """

    @Test(arguments: TestStore.available)
    func aBadFileWritesNothingAndNamesEveryFeatureAndField(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let before = try await RoadImport.export(on: county.db)
            let segments = try await RoadSegment.query(on: county.db).count()
            #expect(segments > 10)
            do {
                _ = try await RoadImport().run(Data(Self.badFile.utf8), on: county.db)
                Issue.record("a bad file was taken")
            } catch let refused as RoadImport.Refused {
                #expect(
                    refused.errors.map(\.path) == [
                        "circuity", "features[1].geometry.type", "features[2].properties.speed_class",
                        "features[3].geometry.coordinates", "features[4].geometry.coordinates",
                        "features[5].geometry.coordinates[1]", "features[6].properties",
                    ])
                #expect(refused.description.contains("feature 2, properties.speed_class: \"motorway\" is not"))
            }
            for text in [#"{"type":"Feature","features":[]}"#, "[1,2]", "not json", #"{"type":"FeatureCollection"}"#] {
                await #expect(throws: RoadImport.Refused.self) {
                    _ = try await RoadImport().run(Data(text.utf8), on: county.db)
                }
            }
            #expect(try await RoadSegment.query(on: county.db).count() == segments)
            #expect(try await RoadImport.export(on: county.db) == before)
        }
    }

    @Test(arguments: TestStore.available)
    func anExportImportsAgainAsTheSameNetwork(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let text = """
                {"type":"FeatureCollection","fallback_speed_kmh":35,"features":[
                  {"type":"Feature","properties":{"speed_class":"national","name":"国道 \\"G1\\""},
                   "geometry":{"type":"LineString","coordinates":[[115.5,34.8,12],[115.51,34.8]]}},
                  {"type":"Feature","properties":{"speed_kmh":25},
                   "geometry":{"type":"MultiLineString","coordinates":[[[115.5,34.8],[115.5,34.81]],[[115.6,34.8],[115.6,34.81]]]}}
                ]}
                """
            let outcome = try await RoadImport().run(Data(text.utf8), on: county.db)
            #expect(outcome.features == 2 && outcome.lines == 3)
            let exported = try await RoadImport.export(on: county.db)
            let parsed = try RoadImport.parse(exported)
            #expect(parsed == (try RoadImport.parse(Data(text.utf8))))
            #expect(parsed.features[0].name == "国道 \"G1\"" && parsed.features[1].speedKmh == 25)
            let again = try await RoadImport().run(exported, on: county.db)
            #expect(again.version == outcome.version + 1)
        }
    }
}
