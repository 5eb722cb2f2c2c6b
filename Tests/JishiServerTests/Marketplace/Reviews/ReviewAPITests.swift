import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Marketplace
import Testing
import Vapor
import VaporTesting

@Suite("Reviews through the API")
struct ReviewAPITests {
    @Test(arguments: TestStore.available)
    func reviewReplyHideAndShopQuality(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let orderID = try await fixture.paidOrder()
            let order = try await app.send(.GET, "/api/v1/orders/\(orderID)", token: fixture.buyer).json()
            let lineID = try #require((order["lines"] as? [[String: Any]])?.first?["id"] as? String)
            let path = "/api/v1/order-lines/\(lineID)/review"
            let body = #"{"ratings":{"described":4,"service":5,"shipping":3},"text":"<script>alert(1)</script> 很结实"}"#
            // Paid is not delivered.
            try await app.send(.POST, path, json: body, token: fixture.buyer).expectProblem(.invalidTransition)
            _ = try await app.send(.POST, "/api/v1/orders/\(orderID)/ship", token: fixture.seller)
            _ = try await app.send(.POST, "/api/v1/orders/\(orderID)/deliver", token: fixture.seller)
            try await app.send(.POST, path, json: body, token: fixture.seller).expectProblem(.notFound)
            try await app.send(
                .POST, path, json: #"{"ratings":{"described":6,"service":5,"shipping":3}}"#, token: fixture.buyer
            ).expectProblem(.validation, field: "ratings.described")
            let written = try await app.send(.POST, path, json: body, token: fixture.buyer)
            #expect(written.status == .created, "\(written.body.string)")
            let review = try written.json()
            let reviewID = try #require(review["id"] as? String)
            #expect(review["text"] as? String == "<script>alert(1)</script> 很结实")
            #expect((review["buyerName"] as? String)?.hasSuffix("*") == true)
            try await app.send(.POST, path, json: body, token: fixture.buyer).expectProblem(.conflict)

            // Photos: the buyer's own, JPEG or PNG by their bytes, at most three.
            let photos = "/api/v1/reviews/\(reviewID)/photos"
            let png = ShopAndCatalogAPITests.png
            try await app.send(.POST, photos, bytes: png, contentType: "image/png", token: fixture.seller)
                .expectProblem(.notFound)
            try await app.send(
                .POST, photos, bytes: Data("<svg/>".utf8), contentType: "image/png", token: fixture.buyer
            )
            .expectProblem(.validation)
            for _ in 0..<3 {
                let added = try await app.send(
                    .POST, photos, bytes: png, contentType: "image/png", token: fixture.buyer)
                #expect(added.status == .created, "\(added.body.string)")
            }
            try await app.send(.POST, photos, bytes: png, contentType: "image/png", token: fixture.buyer)
                .expectProblem(.conflict)
            #expect(try await ReviewPhoto.query(on: app.db).count() == 3)
            let shown = try await app.send(.GET, "/api/v1/products/\(fixture.productID)/reviews").json()
            let shownPhotos = (shown["items"] as? [[String: Any]])?.first?["photos"] as? [[String: Any]]
            #expect(shownPhotos?.count == 3)
            let url = try #require(shownPhotos?.first?["url"] as? String)
            let served = try await app.send(.GET, url)
            #expect(served.status == .ok)
            #expect(served.headers.first(name: .contentType) == "image/png")

            let replied = try await app.send(
                .POST, "/api/v1/reviews/\(reviewID)/reply", json: #"{"text":"谢谢支持"}"#, token: fixture.seller)
            #expect(try replied.json()["reply"] as? String == "谢谢支持")
            let list = try await app.send(.GET, "/api/v1/products/\(fixture.productID)/reviews").json()
            #expect(list["total"] as? Int == 1)
            #expect((list["rating"] as? [String: Any])?["overall"] as? Double == 4)
            let hits = try await app.send(.GET, "/api/v1/search?q=%E6%9D%BF%E5%87%B3&sort=rating").json()
            let hit = try #require((hits["items"] as? [[String: Any]])?.first)
            #expect((hit["rating"] as? [String: Any])?["count"] as? Int == 1)

            let quality = try await app.send(.GET, "/api/v1/shops/\(fixture.shopID)/quality").json()
            #expect(quality["paidOrders"] as? Int == 1)
            #expect(quality["refundRate"] as? Double == 0)
            #expect((quality["trend"] as? [[String: Any]])?.count == 1)

            #expect(
                try await app.send(
                    .POST, "/api/v1/reviews/\(reviewID)/reports", json: #"{"reason":"脚本"}"#, token: fixture.seller
                ).status == .noContent)
            try await app.send(
                .POST, "/api/v1/reviews/\(reviewID)/hide", json: #"{"reason":"x"}"#, token: fixture.seller
            ).expectProblem(.forbidden)
            let official = try await app.logIn("official", password: DemoCounty.password)
            let hidden = try await app.send(
                .POST, "/api/v1/reviews/\(reviewID)/hide", json: #"{"reason":"含脚本"}"#, token: official)
            #expect(hidden.status == .ok, "\(hidden.body.string)")
            let after = try await app.send(.GET, "/api/v1/products/\(fixture.productID)/reviews").json()
            #expect(after["total"] as? Int == 0)
            #expect((after["rating"] as? [String: Any])?["count"] as? Int == 0)
            try await app.send(
                .POST, "/api/v1/reviews/\(reviewID)/hide", json: #"{"reason":"again"}"#, token: official
            ).expectProblem(.invalidTransition)
            #expect(
                try await app.send(
                    .POST, "/api/v1/reviews/\(reviewID)/unhide", json: #"{"reason":"已核实"}"#, token: official
                ).status == .ok)
            #expect(try await ReviewModeration.query(on: app.db).count() == 2)
        }
    }
}
