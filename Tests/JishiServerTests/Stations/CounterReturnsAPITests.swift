import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Logistics
import Stations
import Testing
import Vapor
import VaporTesting

@Suite("Returns taken in at the counter through the API")
struct CounterReturnsAPITests {
    @Test(arguments: TestStore.available)
    func goodsBroughtBackLeaveAsAReturnParcelAndTheCashComesOutOfTheDrawerWhenTheShopHasThem(store: TestStore)
        async throws
    {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let seller = fixture.market.seller
            let villager = try await fixture.villager()
            let bought = try await fixture.assistedOrder(for: villager, quantity: 2)
            #expect(try await fixture.payCash(bought.checkoutID, bought.totalMinor).status == .created)
            let orderID = try #require(bought.orderIDs.first)
            let returns = fixture.path("/returns")
            func takeBack(_ order: String = orderID, key: String = UUID().uuidString, token: String? = nil)
                async throws -> TestingHTTPResponse
            {
                try await app.send(
                    .POST, returns, json: #"{"orderId":"\#(order)","reason":"尺码不合适"}"#,
                    token: token ?? fixture.agent, headers: [("Idempotency-Key", key)])
            }

            // Not received yet, not bought here, not this agent's station: refused, nothing written.
            try await takeBack().expectProblem(.conflict)
            try await takeBack(UUID().uuidString).expectProblem(.notFound)
            try await takeBack(token: fixture.otherAgent).expectProblem(.forbidden)
            try await takeBack(token: fixture.market.buyer).expectProblem(.forbidden)
            try await takeBack(token: fixture.official).expectProblem(.forbidden)
            #expect(try await CounterReturn.query(on: app.db).count() == 0)

            for step in ["ship", "deliver"] {
                let moved = try await app.send(.POST, "/api/v1/orders/\(orderID)/\(step)", token: seller)
                #expect(moved.status == .ok, "\(step): \(moved.body.string)")
            }
            let parcelsBefore = try await Parcel.query(on: app.db).count()
            let drawer = try await fixture.balance()

            // Taken in once however often it is sent: a refund asked of the shop and a parcel out.
            let key = UUID().uuidString
            let taken = try await takeBack(key: key)
            #expect(taken.status == .created, "\(taken.body.string)")
            let again = try await takeBack(key: key)
            let json = try taken.json()
            #expect(try again.json()["id"] as? String == json["id"] as? String)
            #expect(json["refundStatus"] as? String == "requested")
            #expect(json["amountMinor"] as? Int == Int(bought.totalMinor))
            #expect(json["villagerId"] as? String == villager.lowercased() || json["villagerId"] as? String == villager)
            try await takeBack().expectProblem(.conflict)  // nothing left to refund
            #expect(try await Parcel.query(on: app.db).count() == parcelsBefore + 1)
            let parcelID = try #require(UUID(uuidString: json["parcelId"] as? String ?? ""))
            let parcel = try #require(try await Parcel.find(parcelID, on: app.db))
            #expect(parcel.direction == .outbound)
            #expect(parcel.currentHolder == .node(fixture.station))
            #expect(try await fixture.balance() == drawer, "no cash moves before the shop has the goods")

            // The shop approves and confirms the goods arrived: the cash comes out of the drawer.
            let refundID = try #require(json["refundId"] as? String)
            for step in ["approve", "confirm-return"] {
                let moved = try await app.send(.POST, "/api/v1/refunds/\(refundID)/\(step)", token: seller)
                #expect(moved.status == .ok, "\(step): \(moved.body.string)")
            }
            #expect(try await fixture.balance() == drawer - bought.totalMinor)
            let listed = try await app.send(.GET, returns, token: fixture.official).jsonArray()
            #expect(listed.map { $0["refundStatus"] as? String } == ["refunded"])
            try await app.send(.GET, returns, token: fixture.otherAgent).expectProblem(.forbidden)
            try await fixture.expectLedgerBalances()
            let commission = try await app.send(.GET, fixture.path("/commissions"), token: fixture.agent).json()
            #expect(commission["commissionMinor"] as? Int == 0, "the commission went back with the refund")
        }
    }
}
