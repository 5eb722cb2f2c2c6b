import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Logistics
import Marketplace
import Stations
import Testing
import Vapor
import VaporTesting

@Suite("Service stations through the API")
struct StationsAPITests {
    @Test(arguments: TestStore.available)
    func stationsAreListedAndGrantsNameRealOnes(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let stations = try await app.send(.GET, "/api/v1/stations").jsonArray()
            let codes = stations.compactMap { $0["code"] as? String }
            #expect(codes.contains(StationsDemo.stationCode(of: "agent")!))
            #expect(codes.contains(StationsDemo.stationCode(of: "agent2")!))
            #expect(!codes.contains(LogisticsDemo.hubCode), "the hub keeps no counter")
            #expect(stations.allSatisfy { $0["villageId"] is String && $0["opens"] is String })

            let admin = try await app.logIn("admin", password: DemoCounty.password)
            _ = try await app.tokenForNewAccount("newcomer", grant: RoleGrant(role: .buyer))
            let account = try #require(
                try await Account.query(on: app.db).filter(\.$username == "newcomer").first()?.requireID())
            let grants = try await RoleGrantRecord.query(on: app.db).count()
            try await app.send(
                .POST, "/api/v1/accounts/\(account)/roles",
                json: #"{"role":"agent","scope":{"kind":"station","id":"\#(UUID())"}}"#, token: admin
            ).expectProblem(.notFound, field: "scope.id")
            let hub = try #require(
                try await NetworkNode.query(on: app.db).filter(\.$code == LogisticsDemo.hubCode).first()?.requireID())
            try await app.send(
                .POST, "/api/v1/accounts/\(account)/roles",
                json: #"{"role":"agent","scope":{"kind":"station","id":"\#(hub)"}}"#, token: admin
            ).expectProblem(.notFound, field: "scope.id")
            #expect(try await RoleGrantRecord.query(on: app.db).count() == grants)
            let granted = try await app.send(
                .POST, "/api/v1/accounts/\(account)/roles",
                json: #"{"role":"agent","scope":{"kind":"station","id":"\#(fixture.otherStation)"}}"#, token: admin)
            #expect(granted.status.code < 300, "\(granted.body.string)")
            #expect(try await RoleGrantRecord.query(on: app.db).count() == grants + 1)
        }
    }

    @Test(arguments: TestStore.available)
    func villagersAreRegisteredWithConsentAndMaskedToOthers(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let before = try await Villager.query(on: app.db).count()
            // Bad input writes nothing: no consent, a whole ID number, a bad phone, a household
            // of another village, an empty name.
            let household = try #require(
                try await Household.query(on: app.db).join(Village.self, on: \Household.$village.$id == \Village.$id)
                    .filter(Village.self, \.$nameEn == "Shijing").first()?.requireID())
            for (body, field) in [
                (#"{"name":"丁玉兰","consent":false}"#, "consent"),
                (#"{"name":"丁玉兰","idDigits":"37179919800101441X"}"#, "idDigits"),
                (#"{"name":"丁玉兰","phone":"12345"}"#, "phone"),
                (#"{"name":"丁玉兰","householdId":"\#(household)"}"#, "householdId"),
                (#"{"name":"   "}"#, "name"),
            ] {
                let response = try await app.send(.POST, fixture.path("/villagers"), json: body, token: fixture.agent)
                #expect(response.status.code >= 400 && response.status.code < 500, "\(body): \(response.body.string)")
                #expect(try response.json()["field"] as? String == field, "\(response.body.string)")
            }
            #expect(try await Villager.query(on: app.db).count() == before)

            // Registered once per key; the agent sees names, the county official masks.
            let key = [("Idempotency-Key", "villager-key-1")]
            let first = try await app.send(
                .POST, fixture.path("/villagers"), json: #"{"name":"丁玉兰","phone":"139 0530 9999","idDigits":"441x"}"#,
                token: fixture.agent, headers: key)
            #expect(first.status == .created, "\(first.body.string)")
            let again = try await app.send(
                .POST, fixture.path("/villagers"), json: #"{"name":"丁玉兰","phone":"139 0530 9999","idDigits":"441x"}"#,
                token: fixture.agent, headers: key)
            #expect(try again.json()["id"] as? String == first.json()["id"] as? String)
            #expect(try first.json()["idDigits"] as? String == "441X")
            #expect(try await Villager.query(on: app.db).count() == before + 1)

            let mine = try await app.send(.GET, fixture.path("/villagers"), token: fixture.agent).jsonArray()
            #expect(mine.contains { $0["name"] as? String == "丁玉兰" && $0["phone"] as? String == "13905309999" })
            let overseen = try await app.send(.GET, fixture.path("/villagers"), token: fixture.official).jsonArray()
            #expect(overseen.count == mine.count)
            #expect(!overseen.contains { $0["name"] as? String == "丁玉兰" })
            #expect(overseen.contains { $0["name"] as? String == "丁**" && $0["phone"] as? String == "139****9999" })
            #expect(overseen.allSatisfy { $0["idDigits"] == nil })
        }
    }

    @Test(arguments: TestStore.available)
    func anAssistedOrderIsPaidIntoTheDrawerAndItsCancellationPaysOut(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let villager = try await fixture.villager()
            let start = try await fixture.balance()
            #expect(start == StationsDemo.depositMinor)

            // Bad input: an unknown villager, another station's villager, no items.
            let otherVillager = try #require(
                try await Villager.query(on: app.db).filter(\.$stationID == fixture.otherStation).first()?.requireID())
            for body in [
                #"{"villagerId":"\#(UUID())","items":[{"variantId":"\#(fixture.market.variantID)","quantity":1}]}"#,
                #"{"villagerId":"\#(otherVillager)","items":[{"variantId":"\#(fixture.market.variantID)","quantity":1}]}"#,
            ] {
                try await app.send(
                    .POST, fixture.path("/assisted-orders"), json: body, token: fixture.agent,
                    headers: [("Idempotency-Key", UUID().uuidString)]
                ).expectProblem(.notFound, field: "villagerId")
            }
            #expect(try await AssistedOrder.query(on: app.db).count() == 0)

            let key = UUID().uuidString
            let placed = try await fixture.assistedOrder(for: villager, quantity: 2, key: key)
            #expect(placed.totalMinor == 5_000)
            let replay = try await fixture.assistedOrder(for: villager, quantity: 2, key: key)
            #expect(replay.checkoutID == placed.checkoutID)
            let listed = try await app.send(.GET, fixture.path("/assisted-orders"), token: fixture.agent).jsonArray()
            #expect(listed.map { $0["villagerName"] as? String } == ["丁玉兰"])

            // The other station's agent may not take this cash; this station's agent takes it once.
            try await fixture.payCash(placed.checkoutID, placed.totalMinor, token: fixture.otherAgent)
                .expectProblem(.notFound)
            let payKey = UUID().uuidString
            for _ in 0..<2 {
                let paid = try await fixture.payCash(placed.checkoutID, placed.totalMinor, key: payKey)
                #expect(paid.status == .created, "\(paid.body.string)")
            }
            #expect(try await fixture.balance() == start + 5_000)
            #expect(try await fixture.balance(at: fixture.otherStation) == StationsDemo.depositMinor)

            // The agent cancels before shipping: the cash comes back out of the drawer, once.
            let orderID = try #require(placed.orderIDs.first)
            let cancelled = try await app.send(
                .POST, "/api/v1/orders/\(orderID)/cancel", json: #"{"reason":"村民不要了"}"#, token: fixture.agent)
            #expect(cancelled.status == .ok, "\(cancelled.body.string)")
            #expect(try await fixture.balance() == start)
            let entries =
                try await app.send(.GET, fixture.path("/cash"), token: fixture.agent).json()["entries"]
                as? [[String: Any]] ?? []
            #expect(entries.prefix(2).compactMap { $0["kind"] as? String } == ["cash_refund", "order_cash"])
            #expect(entries.first?["villagerId"] as? String == villager)
            try await fixture.expectLedgerBalances()
        }
    }

    @Test(arguments: TestStore.available)
    func theDayIsClosedOnceAgainstTheLedgerAndConfirmedByTheCounty(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let expected = try await fixture.balance()
            let entries = try await CashEntry.query(on: app.db).count()
            // Short by 5 yuan with no explanation; a negative count; keeping more than counted.
            try await app.send(
                .POST, fixture.path("/cash-closes"), json: #"{"countedMinor":\#(expected - 500)}"#,
                token: fixture.agent,
                headers: [("Idempotency-Key", "close-key-0")]
            ).expectProblem(.validation, field: "explanation")
            for (body, field) in [
                (#"{"countedMinor":-1}"#, "countedMinor"), (#"{"countedMinor":12.5}"#, nil),
                (#"{"countedMinor":100,"keptMinor":200}"#, "keptMinor"),
            ] {
                let response = try await app.send(
                    .POST, fixture.path("/cash-closes"), json: body, token: fixture.agent,
                    headers: [("Idempotency-Key", "close-key-x")])
                #expect(response.status == .badRequest, "\(body): \(response.body.string)")
                if let field { #expect(try response.json()["field"] as? String == field) }
            }
            #expect(try await CashEntry.query(on: app.db).count() == entries)
            #expect(try await CashClose.query(on: app.db).count() == 0)

            let body = #"{"countedMinor":\#(expected - 500),"keptMinor":20000,"explanation":"找错零钱"}"#
            let close = try await app.send(
                .POST, fixture.path("/cash-closes"), json: body, token: fixture.agent,
                headers: [("Idempotency-Key", "close-key-1")])
            #expect(close.status == .created, "\(close.body.string)")
            let json = try close.json()
            #expect(json["expectedMinor"] as? Int == Int(expected))
            #expect(json["differenceMinor"] as? Int == -500)
            #expect(json["remittedMinor"] as? Int == Int(expected - 500 - 20_000))
            // What stays in the drawer is what was kept; the retry answers the same close; another
            // count of the same day is refused and writes nothing.
            #expect(try await fixture.balance() == 20_000)
            let retry = try await app.send(
                .POST, fixture.path("/cash-closes"), json: body, token: fixture.agent,
                headers: [("Idempotency-Key", "close-key-1")])
            #expect(try retry.json()["id"] as? String == json["id"] as? String)
            try await app.send(
                .POST, fixture.path("/cash-closes"), json: #"{"countedMinor":1}"#, token: fixture.agent,
                headers: [("Idempotency-Key", "close-key-1")]
            ).expectProblem(.idempotencyKeyReused)
            try await app.send(
                .POST, fixture.path("/cash-closes"), json: #"{"countedMinor":20000}"#, token: fixture.agent,
                headers: [("Idempotency-Key", "close-key-2")]
            ).expectProblem(.conflict)
            #expect(try await CashClose.query(on: app.db).count() == 1)

            // The agent cannot confirm their own hand-over; an official of another town cannot;
            // the county's official can, once.
            let closeID = try #require(json["id"] as? String)
            let confirm = fixture.path("/cash-closes/\(closeID)/confirmation")
            try await app.send(.POST, confirm, token: fixture.agent).expectProblem(.forbidden)
            try await app.send(.POST, confirm, token: fixture.otherTownOfficial).expectProblem(.forbidden)
            let confirmed = try await app.send(.POST, confirm, token: fixture.official)
            #expect(confirmed.status == .ok)
            #expect(try confirmed.json()["confirmedAt"] is String)
            let closes = try await app.send(.GET, fixture.path("/cash-closes"), token: fixture.official).jsonArray()
            #expect(closes.count == 1)
            try await fixture.expectLedgerBalances()
        }
    }

    @Test(arguments: TestStore.available)
    func everyStationOperationKeepsToItsStation(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await StationsFixture.make(app)
            let villager = try #require(
                try await Villager.query(on: app.db).filter(\.$stationID == fixture.station).first()?.requireID())
            let entry = try #require(
                try await CashEntry.query(on: app.db).filter(\.$stationID == fixture.station).first()?.requireID())
            let seller = fixture.market.seller
            let buyer = fixture.market.buyer
            let service =
                try await app.send(
                    .POST, fixture.path("/service-requests"), json: #"{"kind":"utility_bill","details":"电费 户号 0531"}"#,
                    token: fixture.agent, headers: [("Idempotency-Key", UUID().uuidString)]
                ).json()["id"] as? String ?? ""
            let course = try #require(try await TrainingCourse.query(on: app.db).first()?.requireID())
            let session = try #require(
                try await TrainingSession.query(on: app.db).filter(\.$stationID == fixture.station).first()?.requireID()
            )
            let waiting = try #require(
                try await Parcel.query(on: app.db).filter(\.$holder == Holder.node(fixture.station).rawValue).first()?
                    .requireID())
            // (method, path, body, who may): "a" this station's agent, "o" the officials over it.
            let operations: [(HTTPMethod, String, String?, String)] = [
                (.GET, "/villagers", nil, "ao"),
                (.POST, "/villagers", #"{"name":"新村民"}"#, "a"),
                (.GET, "/assisted-orders", nil, "a"),
                (
                    .POST, "/assisted-orders",
                    #"{"villagerId":"\#(villager)","items":[{"variantId":"\#(fixture.market.variantID)","quantity":1}]}"#,
                    "a"
                ),
                (.GET, "/cash", nil, "ao"),
                (.POST, "/cash-entries", #"{"kind":"deposit_top_up","amountMinor":100,"reason":"补保证金"}"#, "a"),
                (.POST, "/cash-entries/\(entry)/reversal", #"{"reason":"记错了"}"#, "a"),
                (.GET, "/cash-closes", nil, "ao"),
                (.GET, "/commissions", nil, "ao"),
                (.GET, "/service-requests", nil, "ao"),
                (.GET, "/training-sessions", nil, "ao"),
                (.GET, "/demand", nil, "ao"),
                (.POST, "/parcels/\(waiting)/arrival", #"{"shelf":"A-01"}"#, "a"),
                (.POST, "/uncollected-returns", nil, "a"),
                (
                    .POST, "/training-sessions",
                    #"{"courseId":"\#(course)","day":"2026-12-20","place":"村委会","trainer":"李老师"}"#, "a"
                ),
                (.POST, "/training-sessions/\(session)/attendance", #"{"villagerId":"\#(villager)"}"#, "a"),
                (.POST, "/service-requests", #"{"kind":"phone_top_up","details":"话费 50 元"}"#, "a"),
                (.POST, "/service-requests/\(service)/completion", #"{"receipt":"GD20261203"}"#, "a"),
                (.GET, "/consignments", nil, "a"),
                (.GET, "/returns", nil, "ao"),
                (
                    .POST, "/consignments",
                    #"{"villagerId":"\#(villager)","title":"红薯粉条","categoryId":"\#(CategoryTaxonomy.id(for: "food"))","priceMinor":3000,"stock":4,"consignorShareBasisPoints":9000,"consent":{"agreed":true,"witness":"邻居"}}"#,
                    "a"
                ),
                (.GET, "/villagers/\(villager)/consignment-account", nil, "a"),
            ]
            let people: [(String, String?, Character?)] = [
                ("this station's agent", fixture.agent, "a"), ("another station's agent", fixture.otherAgent, nil),
                ("a buyer", buyer, nil), ("a seller", seller, nil),
                ("an official of another town", fixture.otherTownOfficial, nil),
                ("the county's official", fixture.official, "o"),
                ("nobody", nil, nil),
            ]
            for (method, rest, body, allowed) in operations {
                for (who, token, mark) in people {
                    let response = try await app.send(
                        method, fixture.path(rest), json: body, token: token,
                        headers: [("Idempotency-Key", UUID().uuidString)])
                    let may = mark.map { allowed.contains($0) } ?? false
                    if may {
                        #expect(response.status.code < 300, "\(who) \(method) \(rest): \(response.body.string)")
                    } else {
                        let expected: [UInt] = token == nil ? [401] : [403, 404]
                        #expect(expected.contains(response.status.code), "\(who) \(method) \(rest): \(response.status)")
                    }
                }
            }
            try await fixture.expectLedgerBalances()
        }
    }
}
