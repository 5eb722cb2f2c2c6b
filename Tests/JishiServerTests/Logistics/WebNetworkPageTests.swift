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

@Suite("Web: the county network's pages")
struct WebNetworkPageTests {
    @Test(arguments: TestStore.available)
    func aDispatcherAddsAndClosesAPickupPointFromThePages(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await LogisticsDemo.load(on: app.db)
            var buyer = try await WebBrowser.signedIn(app, "buyer", acceptLanguage: "zh-CN")
            #expect(try await buyer.get("/network").status == .forbidden)

            var dispatcher = try await WebBrowser.signedIn(app, "dispatcher", acceptLanguage: "zh-CN")
            let list = try await dispatcher.get("/network")
            #expect(list.status == .ok && list.body.string.contains(LogisticsDemo.hubCode))
            #expect(try await dispatcher.get("/manage").body.string.contains(#"href="/network""#))
            let village = try #require(try await Village.query(on: app.db).filter(\.$name == "孙庄村").first())
            var fields = [
                ("code", "PUP-SUN-2"), ("kind", "pickup_point"), ("name", "孙庄村 小王超市"),
                ("villageId", try village.requireID().uuidString.lowercased()), ("townId", ""), ("opens", "7:00"),
                ("closes", "25:00"), ("shelfCapacity", "80"), ("operatorName", "王老板"),
            ]
            let late = try await dispatcher.post("/network", fields)
            #expect(late.status == .badRequest && late.body.string.contains("请填时间，例如 08:00。"))
            #expect(try await NetworkNode.query(on: app.db).filter(\.$code == "PUP-SUN-2").count() == 0)
            fields[6] = ("closes", "21:30")
            let added = try await dispatcher.post("/network", fields)
            #expect(added.status == .seeOther, "\(added.body.string)")
            let node = try #require(try await NetworkNode.query(on: app.db).filter(\.$code == "PUP-SUN-2").first())
            #expect(node.closesAt == 21 * 60 + 30 && node.active)
            let again = try await dispatcher.post("/network", fields)
            #expect(again.status == .conflict && again.body.string.contains("已有站点用这个编号。"))

            let form = try await dispatcher.get("/network/\(try node.requireID().uuidString.lowercased())")
            #expect(form.status == .ok && form.body.string.contains(#"value="21:30""#))
            let closed = try await dispatcher.post("/network/\(try node.requireID().uuidString.lowercased())", fields)
            #expect(closed.status == .seeOther)
            #expect(try await NetworkNode.find(node.id, on: app.db)?.active == false, "an unticked box closes it")
        }
    }
}
