import Community
import DomainTesting
import FluentKit
import Foundation
import Insights
import JishiKit
import Logistics
import Testing

/// Station siting on a county without roads (straight lines times the circuity): the answer is
/// checked against every choice of sites tried by hand, with the existing station kept.
@Suite("Insights: where the next stations go, the existing ones kept")
struct SitingTests {
    /// Eight villages along a line of latitude, about 2.7 km apart, with households.
    static let households = [300, 40, 60, 500, 80, 20, 400, 100]

    static func world() -> InsightsWorld {
        var world = InsightsWorld()
        world.county("371700")
        world.town("371700101")
        for (index, count) in households.enumerated() {
            world.village(
                "371700101" + String(201 + index), households: count,
                at: GeoPoint(latitude: 35, longitude: 115 + Double(index) * 0.03))
        }
        return world
    }

    @Test(arguments: TestStore.available)
    func theChosenSitesAreTheBestWithTheExistingStationKept(store: TestStore) async throws {
        try await withInsights(on: store) { county, context in
            let ids = try await Self.world().write(on: county.db)
            // A station at the first village already.
            let town = try #require(try await Town.query(on: county.db).first())
            try await NetworkNode(
                code: "STA-1", kind: .villageStation, name: "站", villageID: ids["371700101201"],
                townID: try town.requireID(), location: GeoPoint(latitude: 35, longitude: 115),
                hours: OpeningHours(opens: 480, closes: 1080), shelfCapacity: 100, operatorName: "x"
            ).create(on: county.db)

            let points = (0..<8).map { GeoPoint(latitude: 35, longitude: 115 + Double($0) * 0.03) }
            let matrix = RoadService().straightLine(points)
            // Every pair of new sites among villages 2…8, with village 1's station kept.
            func cost(_ sites: [Int]) -> Int {
                (0..<8).reduce(0) { sum, i in
                    sum + Self.households[i] * (([0] + sites).map { matrix.meters(i, $0) }.min() ?? 0)
                }
            }
            var best = (cost: Int.max, sites: [Int]())
            for a in 1..<8 {
                for b in (a + 1)..<8 where cost([a, b]) < best.cost { best = (cost([a, b]), [a, b]) }
            }
            let siting = StationSiting(context: context)
            let answer = try await siting.answer(.init(sites: 2), by: nil, on: county.db)
            #expect(Set(answer.chosen.map(\.code)) == Set(best.sites.map { "371700101" + String(201 + $0) }))
            #expect(answer.objectiveValue == best.cost)
            #expect(answer.provenOptimal)
            #expect(answer.existing.map(\.code) == ["STA-1"])
            #expect(answer.before.total == Self.households.reduce(0, +))
            #expect(answer.after.meanMeters < answer.before.meanMeters)
            #expect(answer.after.worstMeters <= answer.before.worstMeters)
            #expect(answer.before.meanMeters == cost([]) / Self.households.reduce(0, +))

            // Covering within 3 km: the best pair reaches the most households.
            func covered(_ sites: [Int]) -> Int {
                (0..<8).reduce(0) { sum, i in
                    sum + (([0] + sites).contains { matrix.meters(i, $0) <= 3_000 } ? Self.households[i] : 0)
                }
            }
            var most = 0
            for a in 1..<8 { for b in (a + 1)..<8 { most = max(most, covered([a, b])) } }
            let reach = try await siting.answer(
                .init(sites: 2, objective: .covering, radiusMeters: 3_000), by: nil, on: county.db)
            #expect(reach.after.covered == most)
            #expect(reach.objectiveValue == most)

            // Out of bounds: more sites than villages without a station, a radius too small.
            await #expect(throws: Problem.self) { _ = try await siting.answer(.init(sites: 8), by: nil, on: county.db) }
            await #expect(throws: Problem.self) {
                _ = try await siting.answer(.init(sites: 1, radiusMeters: 10), by: nil, on: county.db)
            }
            let seller = Principal(accountID: UUID(), grants: [RoleGrant(role: .seller)])
            await #expect(throws: Problem.self) {
                _ = try await siting.answer(.init(sites: 1), by: seller, on: county.db)
            }
        }
    }
}
