import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServerTesting
import Logistics
import Marketplace
import Stations
import Testing
import Vapor

@testable import JishiServer

/// Numbers from outside, at their extremes, on every operation that takes one: each is answered
/// (a correct page, or a `400` naming the parameter), never with a dead process. An outside
/// probe killed the server with `?offset=9223372036854775807` (overflow in the paging code).
@Suite("Numbers from outside")
struct OutsideNumberTests {
    /// What a probe sends: the 64-bit extremes, one past zero each way, and numbers that are not
    /// whole or do not fit.
    static let extremes = [
        "9223372036854775807", "9223372036854775806", "-9223372036854775808", "-1", "0", "1",
        "99999999999999999999", "1.0", "1e2",
    ]

    /// Whether `text` is a whole number within the rule's bounds, so a correct answer is due.
    static func accepted(_ text: String, by rule: ContractRules.Rule) -> Bool {
        guard case .integer(let minimum, let maximum) = rule,
            let value = ContractCheck.wholeNumber(text), Int64(text) != nil
        else { return false }
        return value >= (minimum ?? .min) && value <= (maximum ?? .max)
    }

    @Test func everyNumberARequestMayCarryIsBoundedInTheContract() throws {
        var unbounded: [String] = []
        func walk(_ rule: ContractRules.Rule, _ path: String) {
            switch rule {
            case .integer(let minimum, let maximum) where minimum == nil || maximum == nil: unbounded.append(path)
            case .array(let items, _, _): walk(items, path + "[]")
            case .object(let properties, _): for (name, rule) in properties { walk(rule, path + "." + name) }
            default: break
            }
        }
        for operation in ContractRules.shared.operations {
            let name = operation.method + " /" + operation.segments.joined(separator: "/")
            for parameter in operation.parameters { walk(parameter.rule, name + " " + parameter.name) }
            if let body = operation.body { walk(body, name + " body") }
        }
        #expect(unbounded.isEmpty, "unbounded: \(unbounded)")
    }

    @Test(arguments: TestStore.available)
    func queryNumbersAtTheirExtremesAreAnswered(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let market = try await MarketplaceAPIFixture.make(app)
            _ = try await market.paidOrder()
            let conversation =
                try await app.send(
                    .POST, "/api/v1/shops/\(market.shopID)/conversation", token: market.buyer
                ).json()["id"] as? String ?? ""
            try await LogisticsDemo.load(on: app.db)
            try await StationsDemo.load(on: app.db, context: app.jishi.stationsContext)
            let station = try #require(
                try await NetworkNode.query(on: app.db).filter(\.$code == StationsDemo.stationCode(of: "agent")!)
                    .first()?
                    .requireID())
            let agent = try await app.logIn("agent", password: DemoCounty.password)
            let official = try await app.logIn("official", password: DemoCounty.password)
            let calls: [(path: String, token: String?)] = [
                ("/api/v1/products/\(market.productID)/reviews", nil),
                ("/api/v1/orders", market.buyer),
                ("/api/v1/shops/\(market.shopID)/orders", market.seller),
                ("/api/v1/shops/\(market.shopID)/catalogue", market.seller),
                ("/api/v1/shops/\(market.shopID)/sourcing-catalogue", market.seller),
                ("/api/v1/shops/\(market.shopID)/supply-orders", market.seller),
                ("/api/v1/search", nil),
                ("/api/v1/conversations/\(conversation)/messages", market.buyer),
                ("/api/v1/stations/\(station)/cash", agent),
                ("/api/v1/training/totals", official),
                ("/api/v1/insights/recognition", official),
                ("/api/v1/insights/recognition/csv", official),
                ("/api/v1/insights/map/geojson", official),
            ]
            var covered = Set<String>()
            for call in calls {
                let operation = try #require(ContractRules.shared.operation(method: "GET", path: call.path))
                covered.insert(operation.segments.joined(separator: "/"))
                for parameter in operation.parameters where parameter.location == "query" {
                    guard case .integer = parameter.rule else { continue }
                    for value in Self.extremes {
                        let response = try await app.send(
                            .GET, "\(call.path)?\(parameter.name)=\(value)", token: call.token)
                        if Self.accepted(value, by: parameter.rule) {
                            #expect(
                                response.status == .ok,
                                "\(call.path) \(parameter.name)=\(value): \(response.body.string)")
                        } else {
                            try response.expectProblem(.validation, field: parameter.name)
                        }
                    }
                }
            }
            // Every operation with a number in its query is among the calls above.
            let withNumbers = ContractRules.shared.operations.filter { operation in
                operation.parameters.contains { parameter in
                    guard case .integer = parameter.rule else { return false }
                    return parameter.location == "query"
                }
            }
            for operation in withNumbers {
                #expect(covered.contains(operation.segments.joined(separator: "/")), "\(operation.segments) not probed")
            }
            #expect(try await app.send(.GET, "/healthz").status == .ok)
        }
    }

    @Test(arguments: TestStore.available)
    func bodyNumbersAtTheirExtremesAreAnswered(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let market = try await MarketplaceAPIFixture.make(app)
            let orderID = try await market.paidOrder()
            let (checkoutID, _) = try await market.checkout(1, method: "cash_at_station")
            let agent = try await app.logIn("agent", password: DemoCounty.password)
            let admin = try await app.logIn("admin", password: DemoCounty.password)
            let category = CategoryTaxonomy.id(for: "furniture").uuidString
            let conversation =
                try await app.send(
                    .POST, "/api/v1/shops/\(market.shopID)/conversation", token: market.buyer
                ).json()["id"] as? String ?? ""
            let missing = UUID().uuidString
            let tiers = #"[{"variantId":"\#(market.variantID)","tiers":[{"minQuantity":1,"unitPriceMinor":NUMBER}]}]"#
            // NUMBER marks the number probed; the field it is in is named by `field`.
            let calls: [(method: HTTPMethod, path: String, token: String, json: String, field: String)] = [
                (.PUT, "/api/v1/cart/items/\(market.variantID)", market.buyer, #"{"quantity":NUMBER}"#, "quantity"),
                (
                    .POST, "/api/v1/checkout", market.buyer,
                    #"{"items":[{"variantId":"\#(market.variantID)","quantity":NUMBER}],"delivery":\#(market.delivery),"paymentMethod":"online"}"#,
                    "items[0].quantity"
                ),
                (
                    .POST, "/api/v1/shops/\(market.shopID)/products", market.seller,
                    #"{"title":"凳","categoryId":"\#(category)","variants":[{"sku":"S","priceMinor":NUMBER,"currency":"CNY","stock":1}]}"#,
                    "variants[0].priceMinor"
                ),
                (
                    .POST, "/api/v1/products/\(market.productID)/variants", market.seller,
                    #"{"sku":"W","priceMinor":100,"currency":"CNY","stock":1,"weightGrams":NUMBER}"#, "weightGrams"
                ),
                (
                    .PATCH, "/api/v1/variants/\(market.variantID)", market.seller, #"{"priceMinor":NUMBER}"#,
                    "priceMinor"
                ),
                (
                    .PUT, "/api/v1/variants/\(market.variantID)/stock", market.seller,
                    #"{"stock":5,"expectedStock":NUMBER}"#,
                    "expectedStock"
                ),
                (
                    .POST, "/api/v1/orders/\(orderID)/refunds", market.buyer, #"{"amountMinor":NUMBER,"reason":"坏了"}"#,
                    "amountMinor"
                ),
                (
                    .POST, "/api/v1/checkouts/\(checkoutID)/cash-payments", agent, #"{"amountMinor":NUMBER}"#,
                    "amountMinor"
                ),
                (
                    .PUT, "/api/v1/categories/\(category)/commission", admin, #"{"commissionBps":NUMBER}"#,
                    "commissionBps"
                ),
                (.POST, "/api/v1/conversations/\(conversation)/read", market.buyer, #"{"seq":NUMBER}"#, "seq"),
                (
                    .POST, "/api/v1/order-lines/\(missing)/review", market.buyer,
                    #"{"ratings":{"described":NUMBER,"service":5,"shipping":5}}"#, "ratings.described"
                ),
                (
                    .PUT, "/api/v1/products/\(market.productID)/sourcing", market.seller,
                    #"{"audience":"everyone","variants":\#(tiers)}"#,
                    "variants[0].tiers[0].unitPriceMinor"
                ),
                (
                    .POST, "/api/v1/shops/\(market.shopID)/linked-products", market.seller,
                    #"{"sourceProductId":"\#(missing)","variants":[{"sourceVariantId":"\#(missing)","priceMinor":NUMBER}]}"#,
                    "variants[0].priceMinor"
                ),
                (
                    .POST, "/api/v1/shops/\(market.shopID)/supply-orders", market.seller,
                    #"{"items":[{"variantId":"\#(missing)","quantity":NUMBER}],"delivery":\#(market.delivery)}"#,
                    "items[0].quantity"
                ),
                (
                    .POST, "/api/v1/supply-orders/\(missing)/credits", market.seller,
                    #"{"amountMinor":NUMBER,"reason":"少发"}"#, "amountMinor"
                ),
                (.POST, "/api/v1/insights/siting", admin, #"{"sites":1,"radiusMeters":NUMBER}"#, "radiusMeters"),
            ]
            for call in calls {
                for value in Self.extremes {
                    let json = call.json.replacingOccurrences(of: "NUMBER", with: value)
                    let response = try await app.send(
                        call.method, call.path, json: json, token: call.token,
                        headers: [("Idempotency-Key", UUID().uuidString)])
                    let context = "\(call.method) \(call.path) \(call.field)=\(value): \(response.body.string)"
                    #expect(response.status.code < 500, "\(context)")
                    if ContractCheck.wholeNumber(value) == nil || Int64(value) == nil
                        || value.hasPrefix("-") || value.hasPrefix("9")
                    {
                        // Not whole, beyond 64 bits, negative, or beyond every bound: refused by name.
                        try response.expectProblem(.validation, field: call.field)
                    }
                }
            }
            #expect(try await app.send(.GET, "/healthz").status == .ok)
        }
    }

    @Test func integersAreIntegersAndProblemsNameNoSwiftTypes() async throws {
        try await withTestApp(seedDemo: true) { app in
            let market = try await MarketplaceAPIFixture.make(app)
            for quantity in ["1.0", "1e2", "1.5", "true", #""1""#] {
                let response = try await app.send(
                    .PUT, "/api/v1/cart/items/\(market.variantID)", json: #"{"quantity":\#(quantity)}"#,
                    token: market.buyer)
                try response.expectProblem(.validation, field: "quantity")
                #expect(response.body.string.contains("from 0 to 999"), "\(response.body.string)")
            }
            let bitcoin = try await app.send(
                .POST, "/api/v1/checkout",
                json:
                    #"{"items":[{"variantId":"\#(market.variantID)","quantity":1}],"delivery":\#(market.delivery),"paymentMethod":"bitcoin"}"#,
                token: market.buyer, headers: [("Idempotency-Key", UUID().uuidString)])
            try bitcoin.expectProblem(.validation, field: "paymentMethod")
            #expect(!bitcoin.body.string.contains("Payload") && bitcoin.body.string.contains("online"))
            let badID = try await app.send(.GET, "/api/v1/villages?town=not-a-uuid")
            #expect(badID.status == .badRequest)
            #expect(
                !badID.body.string.contains("UUID'") && !badID.body.string.contains("Swift"), "\(badID.body.string)")
            // A photo upload with another type is told which types it may send.
            let wrongType = try await app.send(
                .POST, "/api/v1/products/\(market.productID)/photos", bytes: Data("gif".utf8), contentType: "image/gif",
                token: market.seller)
            try wrongType.expectProblem(.unsupportedMediaType)
            #expect(wrongType.body.string.contains("image/jpeg or image/png"), "\(wrongType.body.string)")
        }
    }

    @Test func signedInAPIAnswersAreNeverStoredOrSniffed() async throws {
        try await withTestApp(seedDemo: true) { app in
            let buyer = try await app.logIn("buyer", password: DemoCounty.password)
            for response in [
                try await app.send(.GET, "/api/v1/orders", token: buyer),
                try await app.send(.GET, "/api/v1/orders/\(UUID())", token: buyer),
            ] {
                #expect(response.headers.first(name: .cacheControl) == "no-store")
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            }
            let anonymous = try await app.send(.GET, "/api/v1/towns")
            #expect(anonymous.headers.first(name: "X-Content-Type-Options") == "nosniff")
        }
    }
}
