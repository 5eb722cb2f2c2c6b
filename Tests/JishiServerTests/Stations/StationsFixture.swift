import Community
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

/// The demo county with its network and its two staffed stations (丁庄村 in Daying Town for
/// `agent`, 石井村 in Jishi Town for `agent2`), the demo seller's product, and tokens for
/// everyone the station operations must tell apart.
struct StationsFixture {
    let app: Application
    let market: MarketplaceAPIFixture
    /// 丁庄村's station, and the other town's station.
    let station: UUID
    let otherStation: UUID
    let agent: String
    let otherAgent: String
    let official: String
    let otherTownOfficial: String

    static func make(_ app: Application) async throws -> StationsFixture {
        try await LogisticsDemo.load(on: app.db)
        try await StationsDemo.load(on: app.db, context: app.jishi.stationsContext)
        let market = try await MarketplaceAPIFixture.make(app, priceMinor: 2_500)
        let station = try #require(
            try await NetworkNode.query(on: app.db).filter(\.$code == StationsDemo.stationCode(of: "agent")!).first()?
                .requireID())
        let otherStation = try #require(
            try await NetworkNode.query(on: app.db).filter(\.$code == StationsDemo.stationCode(of: "agent2")!).first()?
                .requireID())
        let jishiTown = try #require(
            try await Town.query(on: app.db).filter(\.$nameEn == "Jishi Town").first()?.requireID())
        return StationsFixture(
            app: app, market: market, station: station, otherStation: otherStation,
            agent: try await app.logIn("agent", password: DemoCounty.password),
            otherAgent: try await app.logIn("agent2", password: DemoCounty.password),
            official: try await app.logIn("official", password: DemoCounty.password),
            otherTownOfficial: try await app.tokenForNewAccount(
                "official-jishi", grant: RoleGrant(role: .official, scope: .town(jishiTown))))
    }

    func path(_ rest: String, at station: UUID? = nil) -> String {
        "/api/v1/stations/\((station ?? self.station).uuidString.lowercased())\(rest)"
    }

    /// Registers a villager at the fixture's station and returns its id.
    func villager(_ name: String = "丁玉兰", phone: String? = nil) async throws -> String {
        let phoneField = phone.map { #","phone":"\#($0)""# } ?? ""
        let response = try await app.send(
            .POST, path("/villagers"), json: #"{"name":"\#(name)"\#(phoneField),"idDigits":"4417"}"#, token: agent)
        #expect(response.status == .created, "\(response.body.string)")
        return try #require(try response.json()["id"] as? String)
    }

    /// An assisted order of `quantity` of the demo product for `villager`; its checkout id and total.
    func assistedOrder(for villager: String, quantity: Int = 1, key: String = UUID().uuidString) async throws
        -> (checkoutID: String, orderIDs: [String], totalMinor: Int64)
    {
        let response = try await app.send(
            .POST, path("/assisted-orders"),
            json:
                #"{"villagerId":"\#(villager)","items":[{"variantId":"\#(market.variantID)","quantity":\#(quantity)}]}"#,
            token: agent, headers: [("Idempotency-Key", key)])
        #expect(response.status == .created, "\(response.body.string)")
        let json = try response.json()
        let orders = (json["orders"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        return (
            try #require(json["checkoutId"] as? String), orders,
            Int64(try #require(json["totalMinor"] as? Int))
        )
    }

    func payCash(_ checkoutID: String, _ amount: Int64, token: String? = nil, key: String = UUID().uuidString)
        async throws -> TestingHTTPResponse
    {
        try await app.send(
            .POST, "/api/v1/checkouts/\(checkoutID)/cash-payments", json: #"{"amountMinor":\#(amount)}"#,
            token: token ?? agent, headers: [("Idempotency-Key", key)])
    }

    /// The drawer's balance as the API reports it (to the county's official, who oversees both).
    func balance(at station: UUID? = nil) async throws -> Int64 {
        let drawer = try await app.send(.GET, path("/cash", at: station), token: official).json()
        return Int64(try #require(drawer["balanceMinor"] as? Int))
    }

    /// Checks the ledger's invariants in the database: every entry has exactly two postings that
    /// sum to zero and match its sides, and each station's drawer (as the API reports it) is
    /// the sum of its entries taken one by one.
    func expectLedgerBalances(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let entries = try await CashEntry.query(on: app.db).all()
        let postings = try await CashPosting.query(on: app.db).all()
        let byEntry = Dictionary(grouping: postings, by: \.entryID)
        #expect(postings.count == 2 * entries.count, sourceLocation: sourceLocation)
        for entry in entries {
            let sides = byEntry[try entry.requireID()] ?? []
            #expect(sides.count == 2, sourceLocation: sourceLocation)
            #expect(sides.reduce(0) { $0 + $1.amountMinor } == 0, sourceLocation: sourceLocation)
            #expect(
                sides.first { $0.amountMinor > 0 }?.account == entry.debitAccount
                    && sides.first { $0.amountMinor < 0 }?.account == entry.creditAccount,
                sourceLocation: sourceLocation)
        }
        for station in Set(entries.map(\.stationID)) {
            let fromEntries = entries.filter { $0.stationID == station }.reduce(Int64(0)) { total, entry in
                total + (entry.debitAccount == .drawer ? entry.amountMinor : 0)
                    - (entry.creditAccount == .drawer ? entry.amountMinor : 0)
            }
            let response = try await app.send(.GET, path("/cash?limit=1", at: station), token: official)
            #expect(
                try response.json()["balanceMinor"] as? Int == Int(fromEntries), "\(response.body.string)",
                sourceLocation: sourceLocation)
        }
    }
}
