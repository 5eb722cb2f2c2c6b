import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Stations
import Testing
import Vapor
import VaporTesting

@Suite("Agents' commission through the API")
struct CommissionAPITests {
    @Test(arguments: TestStore.available)
    func eachAssistedSaleEarnsTheRateOfItsTimeAndARefundGivesItsShareBack(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let admin = try await app.logIn("admin", password: DemoCounty.password)
            let county = try #require(try await County.query(on: app.db).first()?.requireID()).uuidString
            let terms = "/api/v1/counties/\(county)/station-terms"
            #expect(
                try await app.send(.GET, terms, token: fixture.agent).json()["commissionBasisPoints"] as? Int == 400)
            let villager = try await fixture.villager()

            // A sale of ¥50.00 at 4 %: ¥2.00, taken once however often the cash is confirmed.
            let first = try await fixture.assistedOrder(for: villager, quantity: 2)
            let payKey = UUID().uuidString
            for _ in 0..<2 {
                #expect(try await fixture.payCash(first.checkoutID, first.totalMinor, key: payKey).status == .created)
            }

            // Not the agent, not another county's id, not 20.01 %: refused, nothing changes.
            try await app.send(.PUT, terms, json: #"{"commissionBasisPoints":500}"#, token: fixture.agent)
                .expectProblem(.forbidden)
            try await app.send(.PUT, terms, json: #"{"commissionBasisPoints":2001}"#, token: admin)
                .expectProblem(.validation)
            try await app.send(
                .PUT, "/api/v1/counties/\(UUID().uuidString)/station-terms", json: #"{"commissionBasisPoints":500}"#,
                token: admin
            ).expectProblem(.notFound)
            #expect(try await CommissionRate.query(on: app.db).count() == 0)

            // The county raises the rate to 5 %: the next sale earns it, the first keeps its 4 %.
            let raised = try await app.send(.PUT, terms, json: #"{"commissionBasisPoints":500}"#, token: admin)
            #expect(raised.status == .ok, "\(raised.body.string)")
            let second = try await fixture.assistedOrder(for: villager, quantity: 1)
            #expect(try await fixture.payCash(second.checkoutID, second.totalMinor).status == .created)

            var statement = try await app.send(.GET, fixture.path("/commissions"), token: fixture.agent).json()
            var lines = statement["lines"] as? [[String: Any]] ?? []
            #expect(lines.map { $0["basisPoints"] as? Int } == [400, 500])
            #expect(lines.map { $0["amountMinor"] as? Int } == [200, 125])
            #expect(statement["commissionMinor"] as? Int == 325)
            #expect(statement["baseMinor"] as? Int == Int(first.totalMinor + second.totalMinor))
            #expect(statement["currentBasisPoints"] as? Int == 500)

            // The first order is cancelled: its 4 % comes back, once, though the rate is now 5 %.
            let orderID = try #require(first.orderIDs.first)
            let cancelled = try await app.send(
                .POST, "/api/v1/orders/\(orderID)/cancel", json: #"{"reason":"村民不要了"}"#, token: fixture.agent)
            #expect(cancelled.status == .ok, "\(cancelled.body.string)")
            statement = try await app.send(.GET, fixture.path("/commissions"), token: fixture.official).json()
            lines = statement["lines"] as? [[String: Any]] ?? []
            #expect(lines.map { $0["amountMinor"] as? Int } == [200, 125, -200])
            #expect(statement["commissionMinor"] as? Int == 125)
            #expect(statement["baseMinor"] as? Int == Int(second.totalMinor))

            // Another month has nothing; a month that is not one is a 400; another station's
            // agent and a buyer read nothing.
            let empty = try await app.send(.GET, fixture.path("/commissions?month=2020-01"), token: fixture.agent)
            #expect(
                try empty.json()["lines"] as? [Any] == nil || (try empty.json()["lines"] as? [Any])?.isEmpty == true)
            for month in ["2020-13", "20-01-01", "abcd-ef"] {
                let response = try await app.send(
                    .GET, fixture.path("/commissions?month=\(month)"), token: fixture.agent)
                #expect(response.status == .badRequest, "\(month): \(response.body.string)")
            }
            try await app.send(.GET, fixture.path("/commissions"), token: fixture.otherAgent).expectProblem(.forbidden)
            try await app.send(.GET, fixture.path("/commissions"), token: fixture.market.buyer)
                .expectProblem(.forbidden)
        }
    }

    @Test func theShareIsRoundedHalfUpToTheFen() {
        #expect(CommissionService.share(of: 2_500, basisPoints: 400) == 100)
        #expect(CommissionService.share(of: 1_237, basisPoints: 400) == 49)  // 49.48
        #expect(CommissionService.share(of: 1_238, basisPoints: 400) == 50)  // 49.52
        #expect(CommissionService.share(of: 12_500, basisPoints: 0) == 0)
    }
}
