import Community
import DomainTesting
import FluentKit
import JishiKit
import JishiServer
import JishiServerTesting
import Testing

@Suite("Demo county")
struct DemoCountyTests {
    @Test(arguments: TestStore.available)
    func isBelievableAndComplete(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            #expect(try await County.query(on: app.db).count() == 1)
            #expect(try await Town.query(on: app.db).count() >= 3)
            let villages = try await Village.query(on: app.db).all()
            #expect(villages.count >= 30)
            // Spread over roughly 40 × 40 km.
            let centre = DemoCounty.centre
            let farthest = villages.map { centre.distance(to: $0.location) }.max() ?? 0
            #expect(farthest > 10_000 && farthest < 30_000)
            #expect(villages.contains { $0.specialty == .costumes })
            #expect(villages.contains { $0.specialty == .urbanWholesale })
            #expect(villages.filter { $0.specialty == .farmProducts }.count >= 3)
            #expect(try await Household.query(on: app.db).count() > villages.count * 5 - 1)
            // One login per role.
            var roles = Set<Role>()
            for record in try await RoleGrantRecord.query(on: app.db).all() { roles.insert(record.role) }
            #expect(roles == Set(Role.allCases))
        }
    }

    @Test func isTheSameEveryTime() async throws {
        func snapshot() async throws -> [String] {
            try await withTestApp(seedDemo: true) { app in
                try await Village.query(on: app.db).sort(\.$name).all().map {
                    "\(try $0.requireID()) \($0.name) \($0.latitude) \($0.longitude)"
                }
            }
        }
        let first = try await snapshot()
        let second = try await snapshot()
        #expect(first == second)
    }

    @Test func refusesANonEmptyDatabase() async throws {
        try await withTestApp(seedDemo: true) { app in
            let error = await #expect(throws: DemoCounty.SeedError.self) {
                try await DemoCounty.load(on: app.db, accounts: app.jishi.accounts)
            }
            #expect(error?.description.contains("not empty") == true)
        }
    }
}
