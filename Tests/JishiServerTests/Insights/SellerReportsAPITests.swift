import Community
import DomainTesting
import Foundation
import JishiKit
import JishiServerTesting
import Testing
import VaporTesting

@Suite("Insights API: a seller's shops on other platforms and their monthly sales")
struct SellerReportsAPITests {
    @Test(arguments: TestStore.available)
    func aSellerReportsAShopAndAMonthAndABuyerMayNot(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let seller = try await app.logIn("seller", password: DemoCounty.password)
            let buyer = try await app.logIn("buyer", password: DemoCounty.password)
            let village = try #require(try await Village.query(on: app.db).first()).code
            let shop =
                #"{"platform":"douyin","shopRef":"丁庄汉服直播间","kind":"individual","villageCode":"\#(village)","openedOn":"2024-05-01"}"#
            try await app.send(.PUT, "/api/v1/insights/my-platform-shops", json: shop, token: buyer)
                .expectProblem(.forbidden)
            try await app.send(
                .PUT, "/api/v1/insights/my-platform-shops",
                json:
                    #"{"platform":"jishi","shopRef":"x","kind":"individual","villageCode":"\#(village)","openedOn":"2024-05-01"}"#,
                token: seller
            ).expectProblem(.validation, field: "platform")
            let reported = try await app.send(.PUT, "/api/v1/insights/my-platform-shops", json: shop, token: seller)
            #expect(reported.status == .ok, "\(reported.body.string)")
            let id = try #require(try reported.json()["id"] as? String)
            try await app.send(
                .PUT, "/api/v1/insights/my-platform-shops/\(id)/sales/2024-13", json: #"{"orders":1,"salesMinor":100}"#,
                token: seller
            ).expectProblem(.validation, field: "month")
            let month = try await app.send(
                .PUT, "/api/v1/insights/my-platform-shops/\(id)/sales/2024-06",
                json: #"{"orders":120,"salesMinor":3600000}"#, token: seller)
            #expect(month.status == .ok, "\(month.body.string)")
            let listed = try await app.send(.GET, "/api/v1/insights/my-platform-shops", token: seller).json()
            let first = try #require((listed["items"] as? [[String: Any]])?.first)
            #expect(first["shopRef"] as? String == "丁庄汉服直播间")
            #expect((first["sales"] as? [[String: Any]])?.first?["salesMinor"] as? Int == 3_600_000)
            try await app.send(
                .PUT, "/api/v1/insights/my-platform-shops/\(id)/sales/2024-06", json: #"{"orders":1,"salesMinor":1}"#,
                token: buyer
            ).expectProblem(.forbidden)
        }
    }
}
