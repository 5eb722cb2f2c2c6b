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

@Suite("A station's cash ledger under random sequences")
struct StationLedgerTests {
    /// Random sequences of every movement the API makes today (deposits, retries with the same
    /// key, reversals and second reversals, assisted orders paid in cash and cancelled, bad
    /// amounts, two agents of one station at once), checked against a model of the drawer kept
    /// from the answers alone; then the day's close against the model.
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

            func deposit(_ amount: Int64, key: String, token: String) async throws -> TestingHTTPResponse {
                try await app.send(
                    .POST, fixture.path("/cash-entries"),
                    json: #"{"kind":"deposit_top_up","amountMinor":\#(amount),"reason":"保证金"}"#, token: token,
                    headers: [("Idempotency-Key", key)])
            }

            for step in 0..<40 {
                switch Int.random(in: 0..<6, using: &random) {
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
}
