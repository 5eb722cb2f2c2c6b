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

@Suite("Logistics API: carriers and the network")
struct NetworkAPITests {
    @Test(arguments: TestStore.available)
    func anyoneSignedInReadsTheCarriersAndNodes(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            try await app.send(.GET, "/api/v1/carriers").expectProblem(.unauthenticated)
            let buyer = try await app.logIn("buyer", password: DemoCounty.password)
            let carriers = try await app.send(.GET, "/api/v1/carriers", token: buyer).jsonArray()
            #expect(carriers.compactMap { $0["code"] as? String } == LogisticsDemo.carriers.map(\.code).sorted())
            #expect(carriers.first { $0["code"] as? String == "ems" }?["kind"] as? String == "postal")

            let hubs = try await app.send(.GET, "/api/v1/network/nodes?kind=county_hub", token: buyer).jsonArray()
            #expect(hubs.count == 1 && hubs[0]["code"] as? String == LogisticsDemo.hubCode)
            #expect(hubs[0]["opens"] as? String == "06:00" && hubs[0]["closes"] as? String == "22:00")
            try await app.send(.GET, "/api/v1/network/nodes?kind=castle", token: buyer).expectProblem(
                .validation, field: "kind")
        }
    }

    @Test(arguments: TestStore.available)
    func aDispatcherAddsAPickupPointAndABuyerCannot(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            let village = try #require(try await Village.query(on: app.db).filter(\.$name == "孙庄村").first())
            let body = """
                {"code":"PUP-SUN-2","kind":"pickup_point","name":"孙庄村 小王超市","villageId":"\(try village.requireID())",
                "opens":"7:00","closes":"21:30","shelfCapacity":80,"operatorName":"王老板"}
                """
            let buyer = try await app.logIn("buyer", password: DemoCounty.password)
            try await app.send(.POST, "/api/v1/network/nodes", json: body, token: buyer).expectProblem(.forbidden)
            let dispatcher = try await app.logIn("dispatcher", password: DemoCounty.password)
            let created = try await app.send(.POST, "/api/v1/network/nodes", json: body, token: dispatcher)
            #expect(created.status == .created, "\(created.body.string)")
            let node = try created.json()
            #expect(node["opens"] as? String == "07:00" && node["townId"] as? String == village.$town.id.uuidString)
            try await app.send(.POST, "/api/v1/network/nodes", json: body, token: dispatcher).expectProblem(
                .conflict, field: "code")
            let late = body.replacingOccurrences(of: "\"closes\":\"21:30\"", with: "\"closes\":\"25:00\"")
            try await app.send(
                .PUT, "/api/v1/network/nodes/\(node["id"] as? String ?? "")", json: late, token: dispatcher
            )
            .expectProblem(.validation, field: "closes")
            #expect(
                try await NetworkNode.query(on: app.db).filter(\.$code == "PUP-SUN-2").first()?.closesAt == 21 * 60 + 30
            )
        }
    }
}
