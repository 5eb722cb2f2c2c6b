import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Logistics
import Testing

/// The county network: the demo's hub, depots, stations and pickup points; where a village's
/// parcels wait; who may add and change nodes, and what they may not write.
@Suite("Logistics: the network")
struct NetworkServiceTests {
    @Test(arguments: TestStore.available)
    func theDemoCountyHasAHubADepotPerTownAndStationsInMostVillages(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let network = NetworkService()
            #expect(try await network.nodes(kind: .countyHub, on: county.db).map(\.code) == [LogisticsDemo.hubCode])
            #expect(try await network.nodes(kind: .townDepot, on: county.db).count == DemoCounty.towns.count)
            let stations = try await network.nodes(kind: .villageStation, on: county.db)
            #expect(stations.count > DemoCounty.villageCount / 2 && stations.count < DemoCounty.villageCount)
            #expect(stations.allSatisfy { $0.$village.id != nil && $0.hours.isValid })
            #expect(try await network.nodes(kind: .pickupPoint, on: county.db).count == 3)
            #expect(try await CarrierService().carriers(on: county.db).count == LogisticsDemo.carriers.count)

            // Every village is served: by its station, or else by its grocery pickup point.
            let villages = try await Village.query(on: county.db).all()
            var byPickup = 0
            let bulk = try await network.servingNodes(ofVillages: villages.map { try $0.requireID() }, on: county.db)
            for village in villages {
                let node = try await network.servingNode(ofVillage: village.requireID(), on: county.db)
                #expect(bulk[try village.requireID()]?.id == node?.id, "one rule for one village and for many")
                if node?.kind == .pickupPoint { byPickup += 1 }
                if node == nil { #expect(village.code.hasSuffix("4") || village.code.hasSuffix("8")) }
            }
            #expect(byPickup == 2, "two pickup points stand where there is no station")
        }
    }

    @Test(arguments: TestStore.available)
    func aDispatcherAddsAndChangesNodesInTheirCountyAndNoOneElseDoes(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            let network = NetworkService()
            let dispatcher = try await county.principal("dispatcher")
            let courier = try await county.principal("courier")
            let village = try #require(try await Village.query(on: county.db).filter(\.$name == "孙庄村").first())
            var input = NetworkService.NodeInput(
                code: "PUP-SUN-2", kind: .pickupPoint, name: "孙庄村 小王超市", villageID: try village.requireID(),
                hours: OpeningHours(opens: 7 * 60, closes: 21 * 60), shelfCapacity: 80, operatorName: "王老板")
            await #expect(throws: Problem.self) { _ = try await network.create(input, by: courier, on: county.db) }
            let node = try await network.create(input, by: dispatcher, on: county.db)
            #expect(node.$town.id == village.$town.id && node.location == village.location)
            // The same code again is a conflict.
            await #expect(throws: Problem(type: .conflict, detail: "Another node has this code.", field: "code")) {
                _ = try await network.create(input, by: dispatcher, on: county.db)
            }
            input.shelfCapacity = 150
            input.active = false
            let changed = try await network.update(try node.requireID(), input, by: dispatcher, on: county.db)
            #expect(changed.shelfCapacity == 150 && !changed.active)
            #expect(try await network.servingNode(ofVillage: village.requireID(), on: county.db)?.code != "PUP-SUN-2")
        }
    }

    @Test(arguments: [
        (
            "code",
            NetworkService.NodeInput(
                code: "站 1", kind: .townDepot, name: "x", hours: OpeningHours(opens: 480, closes: 1080),
                shelfCapacity: 1,
                operatorName: "")
        ),
        (
            "hours",
            NetworkService.NodeInput(
                code: "DEP-X", kind: .townDepot, name: "x", hours: OpeningHours(opens: 1080, closes: 480),
                shelfCapacity: 1,
                operatorName: "")
        ),
        (
            "villageId",
            NetworkService.NodeInput(
                code: "STA-X", kind: .villageStation, name: "x", hours: OpeningHours(opens: 480, closes: 1080),
                shelfCapacity: 1, operatorName: "")
        ),
        (
            "shelfCapacity",
            NetworkService.NodeInput(
                code: "DEP-X", kind: .townDepot, name: "x", hours: OpeningHours(opens: 480, closes: 1080),
                shelfCapacity: -1, operatorName: "")
        ),
    ])
    func badNodesAreRefusedNamingTheFieldAndWriteNothing(field: String, input: NetworkService.NodeInput) async throws {
        try await withTestNetwork { county in
            let admin = try await county.principal("admin")
            let before = try await NetworkNode.query(on: county.db).count()
            do {
                _ = try await NetworkService().create(input, by: admin, on: county.db)
                Issue.record("accepted a node with a bad \(field)")
            } catch let problem as Problem {
                #expect(problem.field == field, "\(problem)")
            }
            #expect(try await NetworkNode.query(on: county.db).count() == before)
        }
    }

    @Test func openingHoursReadAndWriteAsAClock() {
        #expect(OpeningHours.minutes("8:30") == 510)
        #expect(OpeningHours.minutes("24:00") == 1440)
        #expect(OpeningHours.minutes("24:01") == nil && OpeningHours.minutes("8:5") == nil)
        #expect(OpeningHours.minutes("08") == nil && OpeningHours.minutes("ab:cd") == nil)
        #expect(OpeningHours(opens: 480, closes: 1290).text == "08:00–21:30")
    }
}
