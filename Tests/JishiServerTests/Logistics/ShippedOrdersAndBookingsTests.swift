import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Logistics
import Marketplace
import Testing
import Vapor

/// Outbound parcels Jishi registers itself: a village shop's shipped order, and a booked
/// collection; with their tracking numbers, labels and pages.
@Suite("Logistics: shipped orders and booked collections")
struct ShippedOrdersAndBookingsTests {
    @Test(arguments: TestStore.available)
    func aVillageShopsShippedOrderBecomesAParcelItsBuyerFollows(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            let fixture = try await MarketplaceAPIFixture.make(app)
            let station = try #require(
                try await NetworkService().servingNode(ofVillage: fixture.villageID, on: app.db))
            let orderID = try await fixture.paidOrder(2)
            let shipped = try await app.send(
                .POST, "/api/v1/orders/\(orderID)/ship", json: #"{"carrier":"zto"}"#, token: fixture.seller)
            #expect(shipped.status == .ok, "\(shipped.body.string)")
            let number = try #require((try shipped.json()["shipment"] as? [String: String])?["trackingNumber"])
            #expect(number.hasPrefix("JS") && number.count == 16)

            let parcel = try #require(
                try await Parcel.query(on: app.db).filter(\.$orderID == UUID(uuidString: orderID)).first())
            #expect(parcel.trackingNumber == number && parcel.direction == .outbound)
            #expect(parcel.currentHolder == .node(try station.requireID()))
            #expect(parcel.weightGrams == OrderParcels.packingGrams)
            #expect(parcel.dueDate == PageDate.string(Date()))
            let events = try await ParcelService().events(of: try parcel.requireID(), on: app.db)
            #expect(events.map(\.kind) == [.registered])

            // The buyer sees where it is on the order page; the shop prints its label there.
            var buyer = try await WebBrowser.signedIn(app, "buyer", acceptLanguage: "zh-CN")
            let page = try await buyer.get("/orders/\(orderID)")
            #expect(page.status == .ok && page.body.string.contains(#"id="journey""#))
            #expect(page.body.string.contains(number) && page.body.string.contains(station.name))
            #expect(!page.body.string.contains(#"id="parcel-label""#))
            var seller = try await WebBrowser.signedIn(app, "seller", acceptLanguage: "zh-CN")
            #expect(try await seller.get("/orders/\(orderID)").body.string.contains(#"id="parcel-label""#))
            let parcelID = try parcel.requireID().uuidString.lowercased()
            let svg = [("Accept", "image/svg+xml")]
            let label = try await app.send(
                .GET, "/api/v1/parcels/\(parcelID)/label", token: fixture.seller, headers: svg)
            #expect(label.status == .ok && label.body.string.contains(number), "\(label.body.string)")
            #expect(
                try await app.send(.GET, "/api/v1/parcels/\(parcelID)/label", token: fixture.buyer, headers: svg).status
                    == .forbidden)

            // Another order with the first one's number is refused and stays paid, parcel-less.
            let second = try await fixture.paidOrder()
            try await app.send(
                .POST, "/api/v1/orders/\(second)/ship", json: #"{"carrier":"zto","trackingNumber":"\#(number)"}"#,
                token: fixture.seller
            ).expectProblem(.conflict, field: "trackingNumber")
            #expect(try await fixture.orderStatus(second) == "paid")
            #expect(try await Parcel.query(on: app.db).filter(\.$orderID == UUID(uuidString: second)).count() == 0)
            // The shop's own delivery is no parcel of the network.
            let own = try await app.send(
                .POST, "/api/v1/orders/\(second)/ship", json: #"{"carrier":"shop"}"#, token: fixture.seller)
            #expect(own.status == .ok)
            #expect(try await Parcel.query(on: app.db).filter(\.$orderID == UUID(uuidString: second)).count() == 0)
        }
    }

    @Test(arguments: TestStore.available)
    func withoutAStationTheShopTypesTheCarriersNumber(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            // No network loaded: nobody issues a number.
            let fixture = try await MarketplaceAPIFixture.make(app)
            let orderID = try await fixture.paidOrder()
            try await app.send(
                .POST, "/api/v1/orders/\(orderID)/ship", json: #"{"carrier":"zto"}"#, token: fixture.seller
            ).expectProblem(.validation, field: "trackingNumber")
            #expect(try await fixture.orderStatus(orderID) == "paid")
            var seller = try await WebBrowser.signedIn(app, "seller", acceptLanguage: "zh-CN")
            _ = try await seller.get("/orders/\(orderID)")
            let form = try await seller.post("/orders/\(orderID)/ship", [("carrier", "zto"), ("tracking", "")])
            #expect(form.status == .badRequest)
            #expect(form.body.string.contains("你的村还没有县物流网的服务站：请填快递公司的单号。"))
        }
    }

    @Test(arguments: TestStore.available)
    func aSellerBooksACollectionOnceAndTheDayPlanCollectsIt(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            let tomorrow = PageDate.string(Date().addingTimeInterval(86_400))
            let station = try #require(
                try await NetworkNode.query(on: app.db).filter(\.$kind == .villageStation).sort(\.$code).first())
            let seller = try await app.logIn("seller", password: DemoCounty.password)
            let buyer = try await app.logIn("buyer", password: DemoCounty.password)
            func body(count: Int = 3, date: String = tomorrow, node: String = station.code) -> String {
                #"{"node":"\#(node)","carrier":"ems","date":"\#(date)","count":\#(count),"weightGrams":2500,"contents":"桃子"}"#
            }
            let key = [("Idempotency-Key", "booking-key-0001")]
            try await app.send(.POST, "/api/v1/bookings", json: body(), token: buyer, headers: key)
                .expectProblem(.forbidden)
            try await app.send(.POST, "/api/v1/bookings", json: body(date: "2020-01-01"), token: seller, headers: key)
                .expectProblem(.validation, field: "date")
            try await app.send(
                .POST, "/api/v1/bookings", json: body(node: LogisticsDemo.hubCode), token: seller, headers: key
            ).expectProblem(.validation, field: "node")
            #expect(try await Booking.query(on: app.db).count() == 0)

            let booked = try await app.send(.POST, "/api/v1/bookings", json: body(), token: seller, headers: key)
            #expect(booked.status == .created, "\(booked.body.string)")
            let booking = try booked.json()
            let parcels = try #require(booking["parcels"] as? [[String: Any]])
            let numbers = parcels.compactMap { $0["trackingNumber"] as? String }
            #expect(numbers.count == 3 && Set(numbers).count == 3)
            let waiting = Holder.node(try station.requireID()).rawValue
            #expect(parcels.allSatisfy { $0["holder"] as? String == waiting })
            let again = try await app.send(.POST, "/api/v1/bookings", json: body(), token: seller, headers: key)
            #expect(try again.json()["id"] as? String == booking["id"] as? String)
            try await app.send(.POST, "/api/v1/bookings", json: body(count: 4), token: seller, headers: key)
                .expectProblem(.idempotencyKeyReused)
            #expect(try await Parcel.query(on: app.db).filter(\.$bookingID != nil).count() == 3)

            let id = try #require(booking["id"] as? String)
            #expect(try await app.send(.GET, "/api/v1/bookings", token: seller).jsonArray().count == 1)
            try await app.send(.GET, "/api/v1/bookings/\(id)", token: buyer).expectProblem(.notFound)
            let dispatcher = try await app.logIn("dispatcher", password: DemoCounty.password)
            #expect(try await app.send(.GET, "/api/v1/bookings/\(id)", token: dispatcher).status == .ok)

            // Tomorrow's plan collects every booked parcel at the station.
            let plan = try await app.send(
                .POST, "/api/v1/dispatch/plans", json: #"{"date":"\#(tomorrow)","timeLimitSeconds":0.3,"seed":1}"#,
                token: dispatcher
            ).json()
            let collected = (plan["runs"] as? [[String: Any]] ?? []).flatMap { run in
                (run["stops"] as? [[String: Any]] ?? []).flatMap { $0["pickup"] as? [String] ?? [] }
            }
            #expect(Set(numbers).isSubset(of: Set(collected)), "\(plan)")
        }
    }

    @Test(arguments: TestStore.available)
    func theBookingPagesBookShowAndPrintTheLabels(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            let station = try #require(
                try await NetworkNode.query(on: app.db).filter(\.$kind == .villageStation).sort(\.$code).first())
            var buyer = try await WebBrowser.signedIn(app, "buyer", acceptLanguage: "zh-CN")
            #expect(try await buyer.get("/bookings").status == .forbidden)
            var seller = try await WebBrowser.signedIn(app, "seller", acceptLanguage: "zh-CN")
            let form = try await seller.get("/bookings")
            #expect(form.status == .ok && form.body.string.contains(station.code))
            let html = form.body.string
            let key = try #require(
                html.range(of: #"name="key" value=""#).map { String(html[$0.upperBound...].prefix(32)) })
            var fields = [
                ("key", key), ("node", station.code), ("carrier", "ems"),
                ("date", PageDate.string(Date().addingTimeInterval(86_400))), ("count", "2"), ("weight", "半斤"),
                ("contents", "桃子"),
            ]
            let bad = try await seller.post("/bookings", fields)
            #expect(bad.status == .badRequest)
            #expect(try await Booking.query(on: app.db).count() == 0)
            fields[5] = ("weight", "2.5公斤")
            let made = try await seller.post("/bookings", fields)
            #expect(made.status == .seeOther, "\(made.body.string)")
            _ = try await seller.post("/bookings", fields)
            let booking = try #require(try await Booking.query(on: app.db).first())
            #expect(try await Booking.query(on: app.db).count() == 1)
            #expect(booking.weightGrams == 2_500 && booking.parcelCount == 2)
            let id = try booking.requireID().uuidString.lowercased()
            let page = try await seller.get("/bookings/\(id)?done=1")
            #expect(page.status == .ok && page.body.string.contains("已预约"))
            let labels = try await seller.get("/bookings/\(id)/labels")
            #expect(labels.status == .ok)
            #expect(labels.body.string.components(separatedBy: #"<div class="label">"#).count - 1 == 2)
        }
    }
}
