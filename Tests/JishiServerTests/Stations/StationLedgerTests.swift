import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Marketplace
import Stations
import Testing
import Vapor
import VaporTesting

@Suite("A station's cash ledger under random sequences")
struct StationLedgerTests {
    /// Random sequences of every movement the API makes today (deposits, retries with the same
    /// key, reversals and second reversals, assisted orders paid in cash and cancelled, services
    /// done with their fees, consignors paid out, and payouts above what is owed, bad amounts,
    /// two agents of one station at once), checked against a model of the drawer kept from the
    /// answers alone; then the day's close against the model.
    @Test(arguments: TestStore.available)
    func theDrawerIsAlwaysTheSumOfItsEntries(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let colleague = try await app.tokenForNewAccount(
                "agent-colleague", grant: RoleGrant(role: .agent, scope: .station(fixture.station)))
            let villager = try await fixture.villager()
            var random = SeededGenerator(seed: 2026_1202)
            var expected = try await fixture.balance()
            /// Deposits made: the key, the body, the answer's id, the amount, whether reversed.
            var deposits: [(key: String, body: String, id: String, amount: Int64, reversed: Bool)] = []
            var payable = try await Self.consignorOwed(fixture, villager: villager)
            let payouts = fixture.path("/villagers/\(villager)/consignment-payouts")

            func deposit(_ amount: Int64, key: String, token: String) async throws -> TestingHTTPResponse {
                try await app.send(
                    .POST, fixture.path("/cash-entries"),
                    json: #"{"kind":"deposit_top_up","amountMinor":\#(amount),"reason":"保证金"}"#, token: token,
                    headers: [("Idempotency-Key", key)])
            }

            for step in 0..<60 {
                switch Int.random(in: 0..<8, using: &random) {
                case 0:
                    let amount = Int64.random(in: 1...50_000, using: &random)
                    let key = "deposit-\(step)"
                    let response = try await deposit(amount, key: key, token: fixture.agent)
                    #expect(response.status == .created, "\(response.body.string)")
                    deposits.append((key, "", try #require(try response.json()["id"] as? String), amount, false))
                    expected += amount
                case 1 where !deposits.isEmpty:
                    // A retry (by the colleague, even) answers the first entry and moves nothing.
                    let earlier = deposits[Int.random(in: 0..<deposits.count, using: &random)]
                    let response = try await deposit(earlier.amount, key: earlier.key, token: colleague)
                    #expect(try response.json()["id"] as? String == earlier.id)
                    try await deposit(earlier.amount + 1, key: earlier.key, token: fixture.agent)
                        .expectProblem(.idempotencyKeyReused)
                case 2 where deposits.contains { !$0.reversed }:
                    let index = try #require(deposits.indices.filter { !deposits[$0].reversed }.first)
                    let path = fixture.path("/cash-entries/\(deposits[index].id)/reversal")
                    let reversal = try await app.send(
                        .POST, path, json: #"{"reason":"记错了"}"#, token: fixture.agent,
                        headers: [("Idempotency-Key", "reversal-\(step)")])
                    #expect(reversal.status == .created, "\(reversal.body.string)")
                    deposits[index].reversed = true
                    expected -= deposits[index].amount
                    try await app.send(
                        .POST, path, json: #"{"reason":"再记一次"}"#, token: colleague,
                        headers: [("Idempotency-Key", "reversal-again-\(step)")]
                    ).expectProblem(.conflict)
                case 3:
                    let quantity = Int.random(in: 1...3, using: &random)
                    let placed = try await fixture.assistedOrder(for: villager, quantity: quantity)
                    let paid = try await fixture.payCash(placed.checkoutID, placed.totalMinor)
                    #expect(paid.status == .created, "\(paid.body.string)")
                    expected += placed.totalMinor
                    if Bool.random(using: &random) {
                        let cancelled = try await app.send(
                            .POST, "/api/v1/orders/\(placed.orderIDs[0])/cancel", json: #"{"reason":"不要了"}"#,
                            token: fixture.agent)
                        #expect(cancelled.status == .ok, "\(cancelled.body.string)")
                        expected -= placed.totalMinor
                    }
                case 4:
                    // Two agents at once, each sending their deposit twice with one key.
                    let amounts = (0..<2).map { _ in Int64.random(in: 1...9_999, using: &random) }
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for (index, amount) in amounts.enumerated() {
                            for _ in 0..<2 {
                                group.addTask {
                                    let response = try await deposit(
                                        amount, key: "together-\(step)-\(index)",
                                        token: index == 0 ? fixture.agent : colleague)
                                    #expect(response.status == .created, "\(response.body.string)")
                                }
                            }
                        }
                        try await group.waitForAll()
                    }
                    expected += amounts.reduce(0, +)
                case 5:
                    let fee = Int64.random(in: 0...500, using: &random)
                    let taken = try await app.send(
                        .POST, fixture.path("/service-requests"),
                        json: #"{"kind":"train_ticket","details":"G\#(step) 济南","feeMinor":\#(fee)}"#,
                        token: fixture.agent, headers: [("Idempotency-Key", "service-\(step)")])
                    let id = try #require(try taken.json()["id"] as? String)
                    for token in [fixture.agent, colleague] {  // recorded twice: one fee
                        let done = try await app.send(
                            .POST, fixture.path("/service-requests/\(id)/completion"),
                            json: #"{"receipt":"T\#(step)"}"#,
                            token: token)
                        #expect(done.status == .ok, "\(done.body.string)")
                    }
                    expected += fee
                case 6:
                    // A payout within what the consignor may be paid, sent twice with one key,
                    // then one above what is left: refused, nothing moves.
                    if payable > 0 {
                        let amount = Int64.random(in: 1...payable, using: &random)
                        for _ in 0..<2 {
                            let paid = try await app.send(
                                .POST, payouts, json: #"{"amountMinor":\#(amount)}"#, token: fixture.agent,
                                headers: [("Idempotency-Key", "payout-\(step)")])
                            #expect(paid.status == .created, "\(paid.body.string)")
                        }
                        payable -= amount
                        expected -= amount
                    }
                    try await app.send(
                        .POST, payouts, json: #"{"amountMinor":\#(payable + 1)}"#, token: colleague,
                        headers: [("Idempotency-Key", "payout-over-\(step)")]
                    ).expectProblem(.conflict)
                default:
                    for amount in ["0", "-300", "1.5", "\"100\""] {
                        let response = try await app.send(
                            .POST, fixture.path("/cash-entries"),
                            json: #"{"kind":"deposit_top_up","amountMinor":\#(amount),"reason":"错"}"#,
                            token: fixture.agent, headers: [("Idempotency-Key", "bad-\(step)")])
                        #expect(response.status == .badRequest, "\(amount): \(response.body.string)")
                    }
                }
                #expect(try await fixture.balance() == expected, "after step \(step)")
            }
            try await fixture.expectLedgerBalances()
            #expect(try await Self.consignorOwed(fixture, villager: villager) == payable)

            let close = try await app.send(
                .POST, fixture.path("/cash-closes"), json: #"{"countedMinor":\#(expected)}"#, token: fixture.agent,
                headers: [("Idempotency-Key", "close-after-random")])
            #expect(close.status == .created, "\(close.body.string)")
            #expect(try close.json()["expectedMinor"] as? Int == Int(expected))
            #expect(try close.json()["differenceMinor"] as? Int == 0)
            #expect(try await fixture.balance() == 0)
            try await fixture.expectLedgerBalances()
        }
    }

    /// Lists the villager's goods at the station, sells ten to the demo buyer (received), and
    /// answers what the villager may be paid: the share of a final sale.
    static func consignorOwed(_ fixture: StationsFixture, villager: String) async throws -> Int64 {
        let app = fixture.app
        let path = fixture.path("/villagers/\(villager)/consignment-account")
        let account = try await app.send(.GET, path, token: fixture.agent).json()
        if let lines = account["lines"] as? [Any], !lines.isEmpty {
            return Int64(try #require(account["payableMinor"] as? Int))
        }
        let category = CategoryTaxonomy.id(for: "farm").uuidString
        let listed = try await app.send(
            .POST, fixture.path("/consignments"),
            json: #"""
                {"villagerId":"\#(villager)","title":"小米 5斤","categoryId":"\#(category)","priceMinor":3900,
                 "stock":20,"consignorShareBasisPoints":9000,"consent":{"agreed":true,"witness":"丁会计"}}
                """#, token: fixture.agent, headers: [("Idempotency-Key", UUID().uuidString)]
        ).json()
        let product = try await app.send(.GET, "/api/v1/products/\(listed["productId"] as? String ?? "")").json()
        let variant = try #require((product["variants"] as? [[String: Any]])?.first?["id"] as? String)
        let checkout = try await app.send(
            .POST, "/api/v1/checkout",
            json:
                #"{"items":[{"variantId":"\#(variant)","quantity":10}],"delivery":\#(fixture.market.delivery),"paymentMethod":"online"}"#,
            token: fixture.market.buyer, headers: [("Idempotency-Key", UUID().uuidString)]
        ).json()
        let order = try #require((checkout["orders"] as? [[String: Any]])?.first?["id"] as? String)
        #expect(try await fixture.market.pay(try #require(checkout["checkoutId"] as? String)).status == .created)
        for (step, token) in [
            ("ship", fixture.agent), ("deliver", fixture.agent), ("confirm-receipt", fixture.market.buyer),
        ] {
            let moved = try await app.send(.POST, "/api/v1/orders/\(order)/\(step)", token: token)
            #expect(moved.status == .ok, "\(step): \(moved.body.string)")
        }
        return Int64(try #require(try await app.send(.GET, path, token: fixture.agent).json()["payableMinor"] as? Int))
    }
}
