import Community
import DomainTesting
import FluentKit
import JishiKit
import JishiServer
import JishiServerTesting
import SQLKit
import Testing
import Vapor

@Suite("Geography API")
struct GeographyAPITests {
    @Test(arguments: TestStore.available)
    func townsListTheDemoCounty(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let towns = try await app.send(.GET, "/api/v1/towns").jsonArray()
            #expect(towns.count == DemoCounty.towns.count)
            #expect(Set(towns.compactMap { $0["nameEn"] as? String }) == Set(DemoCounty.towns.map(\.nameEn)))
            #expect(towns.reduce(0) { $0 + ($1["villageCount"] as? Int ?? 0) } == DemoCounty.villageCount)
        }
    }

    @Test(arguments: TestStore.available)
    func villagesFilterByTown(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let all = try await app.send(.GET, "/api/v1/villages").jsonArray()
            #expect(all.count == DemoCounty.villageCount)
            let daying = try #require(try await Town.query(on: app.db).filter(\.$nameEn == "Daying Town").first())
            let villages = try await app.send(.GET, "/api/v1/villages?town=\(daying.requireID())").jsonArray()
            #expect(villages.count == 8)
            #expect(villages.allSatisfy { $0["townId"] as? String == daying.id?.uuidString })
            #expect(
                villages.contains {
                    $0["nameEn"] as? String == "Dingzhuang" && $0["specialty"] as? String == "costumes"
                })

            try await app.send(.GET, "/api/v1/villages?town=\(UUID())").expectProblem(.notFound, field: "town")
            try await app.send(.GET, "/api/v1/villages?town=not-a-uuid").expectProblem(.validation, field: "town")
        }
    }

    /// Every place has its statistical division code: the town's starts with the county's, the
    /// village's with its town's, each unique; and its kind.
    @Test(arguments: TestStore.available)
    func placesCarryTheirDivisionCodesAndKinds(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let towns = try await app.send(.GET, "/api/v1/towns").jsonArray()
            let townCodes = Dictionary(
                uniqueKeysWithValues: towns.compactMap { town in
                    (town["id"] as? String).map { ($0, town["code"] as? String ?? "") }
                })
            #expect(towns.allSatisfy { ($0["code"] as? String)?.hasPrefix(DemoCounty.countyCode) == true })
            #expect(towns.first { $0["nameEn"] as? String == "Qinghe Township" }?["kind"] as? String == "township")
            #expect(towns.first { $0["nameEn"] as? String == "Daying Town" }?["code"] as? String == "371799101")
            let villages = try await app.send(.GET, "/api/v1/villages").jsonArray()
            let codes = villages.compactMap { $0["code"] as? String }
            #expect(codes.count == DemoCounty.villageCount && Set(codes).count == codes.count)
            for village in villages {
                let code = try #require(village["code"] as? String)
                let town = try #require(townCodes[village["townId"] as? String ?? ""])
                #expect(code.count == 12 && code.hasPrefix(town) && code.allSatisfy(\.isNumber))
                #expect(village["kind"] as? String == "administrative")
            }
            #expect(villages.first { $0["nameEn"] as? String == "Dingzhuang" }?["code"] as? String == "371799101201")
        }
    }

    /// A database from before codes: the migration numbers its towns and villages under their
    /// parents, uniquely.
    @Test(arguments: TestStore.available)
    func placesFromBeforeCodesAreNumbered(store: TestStore) async throws {
        let before = Array(CommunityMigrations.all.prefix { !($0 is AddPlaceCodes) })
        try await withTestDatabase(on: store, migrations: before) { database in
            let sql = try database.db.sql()
            let county = UUID()
            try await sql.raw(
                "INSERT INTO counties (id, code, name, name_en) VALUES (\(bind: county), '370000', '旧县', 'Old')"
            ).run()
            var towns: [UUID] = []
            for name in ["乙镇", "甲镇"] {
                let town = UUID()
                towns.append(town)
                try await sql.raw(
                    """
                    INSERT INTO towns (id, county_id, name, name_en, latitude, longitude)
                    VALUES (\(bind: town), \(bind: county), \(bind: name), 'T', 0, 0)
                    """
                ).run()
                for village in ["二村", "一村"] {
                    try await sql.raw(
                        """
                        INSERT INTO villages (id, town_id, name, name_en, latitude, longitude, household_count, specialty)
                        VALUES (\(bind: UUID()), \(bind: town), \(bind: village), 'V', 0, 0, 10, 'mixed')
                        """
                    ).run()
                }
            }
            try await AddPlaceCodes().prepare(on: database.db)
            let coded = try await Town.query(on: database.db).sort(\.$code).all()
            #expect(coded.map(\.code) == ["370000100", "370000101"])
            #expect(coded.map(\.kind) == [.town, .town])
            let villages = try await Village.query(on: database.db).sort(\.$code).all()
            #expect(villages.map(\.code) == ["370000100200", "370000100201", "370000101200", "370000101201"])
            #expect(villages.allSatisfy { $0.kind == .administrative })
        }
    }

    @Test(arguments: TestStore.available)
    func villageHasHouseholdCounts(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let shijing = try #require(try await Village.query(on: app.db).filter(\.$nameEn == "Shijing").first())
            let registered = try await Household.query(on: app.db).filter(\.$village.$id == shijing.requireID()).count()
            let village = try await app.send(.GET, "/api/v1/villages/\(shijing.requireID())").json()
            #expect(village["householdCount"] as? Int == 2_380)
            #expect(village["registeredHouseholds"] as? Int == registered)
            #expect(registered > 0)
            #expect(village["specialty"] as? String == "urban_wholesale")
            let location = try #require(village["location"] as? [String: Double])
            #expect(abs(location["latitude"]! - shijing.latitude) < 1e-9)

            try await app.send(.GET, "/api/v1/villages/\(UUID())").expectProblem(.notFound)
            try await app.send(.GET, "/api/v1/villages/123").expectProblem(.validation, field: "id")
        }
    }
}

@Suite("Machine endpoints")
struct MachineEndpointTests {
    @Test(arguments: TestStore.available)
    func healthChecksTheDatabase(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            let health = try await app.send(.GET, "/healthz")
            #expect(health.status == .ok)
            #expect(try health.json()["database"] as? String == store.rawValue)
        }
    }

    @Test func healthIs503WhenTheDatabaseIsGone() async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(
                app, JishiConfig(store: .sqlite(path: "/nonexistent-dir/jishi.sqlite"), logLevel: .critical))
            try await app.send(.GET, "/healthz").expectProblem(.unavailable)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test func openAPIDocumentIsServed() async throws {
        try await withTestApp { app in
            let response = try await app.send(.GET, "/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "yaml")
            #expect(response.body.string.contains(#"openapi: "3.1.0""#))
            #expect(response.body.string.contains("/api/v1/villages/{id}"))
        }
    }

    @Test func metricsCountRequests() async throws {
        try await withTestApp(adjust: { $0.metricsToken = "metrics-token-for-tests" }) { app in
            try await app.send(.GET, "/api/v1/towns")
            try await app.send(.GET, "/api/v1/towns")
            let metrics = try await app.send(
                .GET, "/metrics", headers: [("Authorization", "Bearer metrics-token-for-tests")]
            ).body.string
            #expect(
                metrics.contains(#"http_requests_total{method="GET",route="/api/v1/towns",status="200"} 2"#),
                "\(metrics)")
            #expect(metrics.contains("http_request_duration_seconds_bucket"))
        }
    }

    @Test func metricsAreForOperatorsOnly() async throws {
        try await withTestApp { app in
            try await app.send(.GET, "/metrics").expectProblem(.notFound)
        }
        try await withTestApp(adjust: { $0.metricsToken = "metrics-token-for-tests" }) { app in
            try await app.send(.GET, "/metrics").expectProblem(.unauthenticated)
            try await app.send(.GET, "/metrics", headers: [("Authorization", "Bearer wrong-token-for-tests")])
                .expectProblem(.unauthenticated)
            let metrics = try await app.send(
                .GET, "/metrics", headers: [("Authorization", "Bearer metrics-token-for-tests")])
            #expect(metrics.status == .ok)
        }
    }

    @Test func requestIDIsEchoedOrMade() async throws {
        try await withTestApp { app in
            let given = try await app.send(.GET, "/healthz", headers: [("X-Request-Id", "abc-123")])
            #expect(given.headers.first(name: "X-Request-Id") == "abc-123")
            let made = try await app.send(.GET, "/healthz", headers: [("X-Request-Id", "bad id with spaces")])
            let id = try #require(made.headers.first(name: "X-Request-Id"))
            #expect(id != "bad id with spaces" && !id.isEmpty)
        }
    }

    @Test func unknownAPIPathIsAProblem() async throws {
        try await withTestApp { app in
            try await app.send(.GET, "/api/v1/nothing-here").expectProblem(.notFound)
        }
    }
}
