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

/// A parcel for a villager's phone reaches their station: the app's job queue sends one text
/// through the outbox and the villager finds the notice on their notifications page.
@Suite("Web: notifications of parcels that have arrived")
struct WebNotificationsPageTests {
    @Test(arguments: TestStore.available)
    func anArrivalReachesTheOutboxOnceAndTheRecipientsNotificationsPage(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            let buyer = try #require(try await Account.query(on: app.db).filter(\.$username == "buyer").first())
            buyer.phone = "13800001234"
            try await buyer.save(on: app.db)
            var browser = try await WebBrowser.signedIn(app, "buyer", acceptLanguage: "zh-CN")
            let empty = try await browser.get("/notifications")
            #expect(empty.status == .ok && empty.body.string.contains(#"id="no-notifications""#))
            #expect(empty.body.string.contains(#"href="/notifications""#), "the menu leads to it")

            let key = try await CarrierKeyService().issue(carrierCode: "zto", on: app.db)
            let posted = try await app.send(
                .POST, "/api/v1/carriers/zto/parcels",
                json: """
                    [{"trackingNumber":"ZT7300000001","direction":"inbound","villageCode":"371799101201",
                      "weightGrams":1200,"dueDate":"2026-12-03","recipientPhone":"13800001234"}]
                    """, headers: [("X-Carrier-Key", key)])
            #expect(posted.status == .ok, "\(posted.body.string)")
            let parcel = try #require(try await Parcel.query(on: app.db).first())
            try await app.jishi.parcels.handOver(
                parcel.requireID(), from: .carrier, to: .node(parcel.$origin.id), by: nil, at: parcel.$origin.id,
                on: app.db)
            try await app.jishi.parcels.handOver(
                parcel.requireID(), from: .node(parcel.$origin.id), to: .node(parcel.$destination.id), by: nil,
                at: parcel.$destination.id, on: app.db)
            #expect(try await app.jishi.jobs.runDue(on: app.db) == 1)
            #expect(try await app.jishi.jobs.runDue(on: app.db) == 0)

            let sent = try await OutboxMessage.query(on: app.db).filter(\.$purpose == ParcelNotifier.purpose).all()
            #expect(sent.count == 1 && sent.first?.recipient == "13800001234")
            let page = try await browser.get("/notifications")
            // The demo buyer reads English: the notice is in the account's language.
            #expect(page.status == .ok && page.body.string.contains("Your parcel ZT7300000001 (ZTO Express) is at "))
            #expect(page.body.string.contains(#"href="/track?carrier=zto&number=ZT7300000001""#))
            var english = WebBrowser(app, acceptLanguage: "en")
            #expect(try await english.get("/notifications").status != .ok, "only for the signed-in")
        }
    }
}
