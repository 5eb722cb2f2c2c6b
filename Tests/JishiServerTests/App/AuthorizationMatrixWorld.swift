import Community
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Marketplace
import SQLKit
import Stations
import Testing
import Vapor
import VaporTesting

/// The world the authorisation matrix asks in: the whole demo county (`jishi demo`'s seed),
/// one account for every column and, for every path parameter and id field of the contract,
/// a real object that the column's "own" principal owns or reaches — the demo seller's
/// costume shop in 丁庄村 (Daying Town), the demo agent's station there, orders the demo buyer
/// placed for delivery to 丁庄村 — so that the "other" columns (a seller of another shop, an
/// agent of another station, an official, courier, dispatcher or admin of Jishi Town) ask
/// about something that exists and is not theirs.
struct AuthorizationMatrixWorld {
    let app: Application
    /// Each column's account (none for `nobody`).
    let accounts: [Asker: UUID]
    /// What fills path parameters, required query parameters and body fields, looked up as
    /// `operationId.name`, then `segment/{name}` (the path segment before it) for path
    /// parameters, then `name`.
    let values: [String: String]

    static func make(_ app: Application) async throws -> AuthorizationMatrixWorld {
        _ = try await DemoSeed.loadIfEmpty(app)
        let sql = try #require(app.db as? any SQLDatabase)
        func account(_ username: String) async throws -> UUID {
            try #require(try await Account.query(on: app.db).filter(\.$username == username).first()?.requireID())
        }
        let jishiTown = try #require(
            try await Town.query(on: app.db).filter(\.$nameEn == "Jishi Town").first()?.requireID())
        func newAccount(_ username: String, _ grants: [RoleGrant]) async throws -> UUID {
            let created = Account(
                id: UUID(), username: username, passwordHash: "-", displayName: username,
                preferredLanguage: .zhHans)
            try await created.create(on: app.db)
            for grant in grants {
                try await RoleGrantRecord(id: UUID(), accountID: try created.requireID(), grant: grant).create(
                    on: app.db)
            }
            return try created.requireID()
        }
        var accounts: [Asker: UUID] = [
            .buyer: try await account("buyer"), .seller: try await account("seller"),
            .agent: try await account("agent"), .otherAgent: try await account("agent2"),
            .dispatcher: try await account("dispatcher"), .courier: try await account("courier"),
            .official: try await account("official"), .admin: try await account("admin"),
        ]
        accounts[.otherBuyer] = try await newAccount("matrix-buyer", [RoleGrant(role: .buyer)])
        accounts[.otherSeller] = try await newAccount("matrix-seller", [RoleGrant(role: .seller)])
        for (asker, role) in [
            (Asker.otherDispatcher, Role.dispatcher), (.otherCourier, .courier), (.otherOfficial, .official),
            (.otherAdmin, .admin),
        ] {
            accounts[asker] = try await newAccount(
                "matrix-\(asker.rawValue)", [RoleGrant(role: role, scope: .town(jishiTown))])
        }
        let staffer = try await newAccount("matrix-staffer", [RoleGrant(role: .seller)])
        _ = try await newAccount("matrix-staffer2", [RoleGrant(role: .seller)])

        let world = AuthorizationMatrixWorld(app: app, accounts: accounts, values: [:])
        var values: [String: String] = [:]
        func id(_ value: UUID) -> String { value.uuidString.lowercased() }
        func first(_ query: SQLQueryString) async throws -> String? {
            try await sql.raw(query).first()?.decode(column: "id", as: UUID.self).uuidString.lowercased()
        }

        // Geography.
        let dingzhuang = try #require(
            try await Village.query(on: app.db).filter(\.$name == "丁庄村").first()?.requireID())
        values["villages/{id}"] = id(dingzhuang)
        values["villageId"] = id(dingzhuang)
        let county = try #require(try await County.query(on: app.db).first()?.requireID())
        values["counties/{countyId}"] = id(county)
        values["accounts/{id}"] = id(try #require(accounts[.otherBuyer]))

        // The market: the demo seller's costume shop and its first product.
        let shop = DemoMarket.id("shop.hanfu")
        values["shops/{shopId}"] = id(shop)
        values["shopId"] = id(shop)
        values["products/{id}"] = id(DemoMarket.id("product.mamian"))
        values["productId"] = id(DemoMarket.id("product.mamian"))
        values["sourceProductId"] = id(DemoMarket.id("product.mamian"))
        let variant = id(DemoMarket.id("variant.MM-RED-M"))
        values["variants/{variantId}"] = variant
        values["items/{variantId}"] = variant
        values["variantId"] = variant
        values["photos/{photoId}"] = id(DemoMarket.id("photo.mamian"))
        let costumes = id(CategoryTaxonomy.id(for: "costumes"))
        values["categories/{categoryId}"] = costumes
        values["categoryId"] = costumes
        values["username"] = "matrix-staffer2"
        values["createAccount.username"] = "matrix-new"
        values["createSession.username"] = "buyer"
        values["password"] = DemoCounty.password
        values["staff/{accountId}"] = id(staffer)
        try await world.expect(
            .POST, "/api/v1/shops/\(id(shop))/staff", #"{"username":"matrix-staffer"}"#, as: .seller)

        // The other seller's own shop, in 丁庄村 too: ownership, not place, sets it apart.
        let otherShop = try await world.expect(
            .POST, "/api/v1/shops", #"{"name":"矩阵另一家","villageId":"\#(id(dingzhuang))","kind":"individual"}"#,
            as: .otherSeller)
        values["resellerShopId"] = try #require(otherShop["id"] as? String)

        // The buyer's orders, for delivery to 丁庄村: one checkout left unpaid, one paid order
        // for the order operations, one paid order with a refund asked.
        let delivery = #"{"name":"李敏","phone":"13800000000","addressLine":"村口第三家","villageId":"\#(id(dingzhuang))"}"#
        func checkout(_ method: String = "online") async throws -> (checkout: String, order: String) {
            let placed = try await world.expect(
                .POST, "/api/v1/checkout",
                #"{"items":[{"variantId":"\#(variant)","quantity":1}],"delivery":\#(delivery),"paymentMethod":"\#(method)"}"#,
                as: .buyer)
            let orders = try #require(placed["orders"] as? [[String: Any]])
            return (try #require(placed["checkoutId"] as? String), try #require(orders.first?["id"] as? String))
        }
        func pay(_ checkoutID: String) async throws {
            try await world.expect(
                .POST, "/api/v1/checkouts/\(checkoutID)/payments", #"{"provider":"sandbox","token":"tok_ok"}"#,
                as: .buyer)
        }
        let unpaid = try await checkout("cash_at_station")
        values["checkouts/{checkoutId}"] = unpaid.checkout
        let paid = try await checkout()
        try await pay(paid.checkout)
        values["orders/{id}"] = paid.order
        values["orderId"] = paid.order
        let refunded = try await checkout()
        try await pay(refunded.checkout)
        let refund = try await world.expect(
            .POST, "/api/v1/orders/\(refunded.order)/refunds", #"{"amountMinor":100,"reason":"线头"}"#, as: .buyer)
        values["refunds/{refundId}"] = try #require(refund["id"] as? String)

        // The demo buyer's delivered order (the farm shop's, also the demo seller's): its line
        // and a review of it.
        let delivered = try #require(
            try await first(
                "SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status = 'delivered'"))
        values["order-lines/{lineId}"] = delivered
        let review = try await world.expect(
            .POST, "/api/v1/order-lines/\(delivered)/review",
            #"{"ratings":{"described":5,"service":5,"shipping":5},"text":"好"}"#, as: .buyer)
        values["reviews/{reviewId}"] = try #require(review["id"] as? String)

        // The buyer's conversation with the costume shop.
        let conversation = try await world.expect(.POST, "/api/v1/shops/\(id(shop))/conversation", nil, as: .buyer)
        values["conversations/{conversationId}"] = try #require(conversation["id"] as? String)

        // Stations: the demo agent's, with its villagers, cash and training.
        let stationCode = StationsDemo.stationCode(of: "agent") ?? ""
        let station = try #require(try await first("SELECT id FROM network_nodes WHERE code = \(bind: stationCode)"))
        let stationID = try #require(UUID(uuidString: station))
        values["stations/{stationId}"] = station
        values["nodes/{nodeId}"] = station
        values["node"] = stationCode
        if let villager = try await first("SELECT id FROM villagers WHERE station_id = \(bind: stationID)") {
            values["villagers/{villagerId}"] = villager
            values["villagerId"] = villager
        }
        values["cash-entries/{entryId}"] = try await first(
            "SELECT id FROM cash_entries WHERE station_id = \(bind: stationID)")
        values["training-sessions/{sessionId}"] = try await first(
            "SELECT id FROM training_sessions WHERE station_id = \(bind: stationID)")
        values["stations/{stationId}/parcels/{parcelId}"] = try await first(
            "SELECT id FROM parcels WHERE destination_node_id = \(bind: stationID)")

        if let session = values["training-sessions/{sessionId}"] {
            values["certificates/{code}"] = try await sql.raw(
                "SELECT certificate_code FROM training_attendance WHERE session_id = \(bind: UUID(uuidString: session))"
            ).first()?.decode(column: "certificate_code", as: String.self)
        }
        let serviceRequest = try await world.expect(
            .POST, "/api/v1/stations/\(station)/service-requests", #"{"kind":"utility_bill","details":"电费"}"#,
            as: .agent)
        values["service-requests/{requestId}"] = serviceRequest["id"] as? String
        let close = try await world.expect(
            .POST, "/api/v1/stations/\(station)/cash-closes", #"{"countedMinor":0,"explanation":"矩阵"}"#, as: .agent,
            mayFail: true)
        values["cash-closes/{closeId}"] = close["id"] as? String

        // Logistics: the demo day's parcels, a booking, today's plan with its runs and stops.
        let parcel = try #require(
            try await sql.raw(
                """
                SELECT p.id, p.tracking_number, p.contact_phone, c.code FROM parcels p
                JOIN carriers c ON c.id = p.carrier_id
                WHERE p.contact_phone IS NOT NULL AND p.destination_node_id = \(bind: stationID)
                ORDER BY p.tracking_number
                """
            ).first())
        values["parcels/{parcelId}"] = try parcel.decode(column: "id", as: UUID.self).uuidString.lowercased()
        values["tracking/{carrier}"] = try parcel.decode(column: "code", as: String.self)
        values["tracking/{carrier}/{trackingNumber}"] = try parcel.decode(column: "tracking_number", as: String.self)
        values["phoneLast4"] = String(try parcel.decode(column: "contact_phone", as: String.self).suffix(4))
        values["carriers/{carrier}"] = "zto"
        values["carrier"] = "zto"
        let today = AuthorizationMatrixClock.day(Date())
        values["plans/{date}"] = today
        let booking = try await world.expect(
            .POST, "/api/v1/bookings",
            #"{"node":"\#(stationCode)","carrier":"zto","date":"\#(today)","count":1,"weightGrams":500,"contents":"桃子"}"#,
            as: .seller)
        values["bookings/{id}"] = booking["id"] as? String
        // The solver gets a tenth of a second, not its default ten seconds, each time the matrix plans the day.
        values["planDispatch.body"] = #"{"date":"\#(today)","timeLimitSeconds":0.1}"#
        try await world.expect(.POST, "/api/v1/dispatch/plans", values["planDispatch.body"], as: .dispatcher)
        values["runs/{runId}"] = try await first("SELECT id FROM dispatch_runs")
        if let run = values["runs/{runId}"].flatMap(UUID.init(uuidString:)) {
            values["runId"] = run.uuidString.lowercased()
            values["stops/{stopId}"] = try await first("SELECT id FROM dispatch_stops WHERE run_id = \(bind: run)")
        }

        // Sourcing: the costume offered to resellers, the other seller's request and supply order.
        try await world.expect(
            .PUT, "/api/v1/products/\(id(DemoMarket.id("product.mamian")))/sourcing",
            #"{"audience":"everyone","variants":[{"variantId":"\#(variant)","tiers":[{"minQuantity":1,"unitPriceMinor":9000}]}]}"#,
            as: .seller)
        let otherShopID = values["resellerShopId"] ?? ""
        let approval = try await world.expect(
            .POST, "/api/v1/shops/\(id(shop))/reseller-requests", #"{"resellerShopId":"\#(otherShopID)"}"#,
            as: .otherSeller)
        values["reseller-requests/{approvalId}"] = approval["id"] as? String
        let supply = try await world.expect(
            .POST, "/api/v1/shops/\(otherShopID)/supply-orders",
            #"{"items":[{"variantId":"\#(variant)","quantity":1}],"delivery":\#(delivery)}"#, as: .otherSeller)
        values["supply-orders/{supplyOrderId}"] = supply["id"] as? String

        // Insights: the county office's alerts, filings and copy alerts, a platform shop.
        values["imports/{kind}"] = "shops"
        // The other seller links the costume to its own shop (a shop may not link its own products).
        values["linkProduct.shopId"] = otherShopID
        values["sourceVariantId"] = variant
        values["siteStations.body"] = #"{"sites":1,"timeLimitSeconds":0.1}"#
        values["getConsolidationFigure.timeLimitSeconds"] = "0.1"
        // Bodies and queries the smallest sample would have refused before authorisation.
        values["addNetworkNode.body"] =
            #"{"code":"MTX-1","kind":"pickup_point","name":"矩阵","villageId":"\#(id(dingzhuang))","opens":"8:00","closes":"18:00","shelfCapacity":10}"#
        values["getStatement.from"] = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-30 * 86_400))
        try await world.expect(
            .POST, "/api/v1/insights/alerts/detect?month=\(AuthorizationMatrixClock.month(Date()))", nil, as: .official)
        // The demo month raises no alert: the decision is asked about one that does not exist.
        values["alerts/{alertId}"] =
            try await first("SELECT id FROM insights_alerts") ?? UUID().uuidString.lowercased()
        values["designs/{filingId}"] = try await first("SELECT id FROM design_filings")
        values["design-alerts/{alertId}"] = try await first("SELECT id FROM design_copy_alerts")
        values["villageCode"] = DemoCounty.countyCode + "101201"
        let seller = try #require(accounts[.seller])
        values["my-platform-shops/{shopId}"] = try await first(
            "SELECT id FROM platform_shops WHERE reported_by = \(bind: seller)")
        values["sales/{month}"] = AuthorizationMatrixClock.month(Date())

        return AuthorizationMatrixWorld(app: app, accounts: accounts, values: values.compactMapValues { $0 })
    }

    /// A fresh bearer token for `asker` (`nil` for nobody).
    func token(for asker: Asker) async throws -> String? {
        guard let account = accounts[asker] else { return nil }
        return try await app.jishi.tokens.issue(for: account, on: app.db).token
    }

    /// A setup step that must succeed; its JSON answer.
    @discardableResult
    func expect(
        _ method: HTTPMethod, _ path: String, _ json: String?, as asker: Asker, mayFail: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [String: Any] {
        let response = try await app.send(
            method, path, json: json, token: try await token(for: asker),
            headers: [("Idempotency-Key", UUID().uuidString)])
        #expect(
            mayFail || (200..<300).contains(response.status.code),
            "setting up \(method) \(path): \(response.body.string)",
            sourceLocation: sourceLocation)
        return (try? response.json()) ?? [:]
    }
}
