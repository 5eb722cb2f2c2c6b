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

@Suite("Running a shop and its catalogue through the API")
struct ShopAndCatalogAPITests {
    /// A 1×1 PNG.
    static let png = Data(
        base64Encoded:
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

    static func searchHits(_ app: Application, _ query: String) async throws -> [String] {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? query
        let items = try await app.send(.GET, "/api/v1/search?q=\(encoded)").json()["items"] as? [[String: Any]]
        return items?.compactMap { $0["productId"] as? String } ?? []
    }

    @Test(arguments: TestStore.available)
    func aSuspendedShopLeavesSearchAndCannotSell(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let shop = "/api/v1/shops/\(fixture.shopID)"
            #expect(try await Self.searchHits(app, "板凳").contains(fixture.productID))
            // The seller cannot suspend; an official of the county can, with a reason.
            try await app.send(.POST, "\(shop)/suspend", json: #"{"reason":"假货"}"#, token: fixture.seller)
                .expectProblem(.forbidden)
            let official = try await app.logIn("official", password: DemoCounty.password)
            try await app.send(.POST, "\(shop)/suspend", json: #"{"reason":" "}"#, token: official)
                .expectProblem(.validation, field: "reason")
            let suspended = try await app.send(
                .POST, "\(shop)/suspend", json: #"{"reason":"仿冒外观设计"}"#, token: official)
            #expect(suspended.status == .ok, "\(suspended.body.string)")
            #expect(try suspended.json()["status"] as? String == "suspended")
            #expect(try await ShopEvent.query(on: app.db).filter(\.$reason == "仿冒外观设计").count() == 1)

            #expect(try await Self.searchHits(app, "板凳").isEmpty)
            try await app.send(.GET, "/api/v1/products/\(fixture.productID)").expectProblem(.notFound)
            try await app.send(.GET, shop).expectProblem(.notFound)
            #expect(try await app.send(.GET, shop, token: fixture.seller).status == .ok)
            let refused = try await app.send(
                .POST, "/api/v1/checkout",
                json:
                    #"{"items":[{"variantId":"\#(fixture.variantID)","quantity":1}],"delivery":\#(fixture.delivery),"paymentMethod":"online"}"#,
                token: fixture.buyer, headers: [("Idempotency-Key", "suspended-1")])
            #expect(refused.status.code >= 400 && refused.status.code < 500, "\(refused.body.string)")
            #expect(try await Order.query(on: app.db).count() == 0)
            // The owner cannot reopen a suspended shop; only a moderator reinstates it.
            try await app.send(.POST, "\(shop)/reopen", token: fixture.seller).expectProblem(.invalidTransition)
            let reinstated = try await app.send(
                .POST, "\(shop)/reinstate", json: #"{"reason":"已整改"}"#, token: official)
            #expect(try reinstated.json()["status"] as? String == "active")
            #expect(try await Self.searchHits(app, "板凳").contains(fixture.productID))

            // Closing is the owner's; a closed shop reopens.
            let closed = try await app.send(.POST, "\(shop)/close", token: fixture.seller)
            #expect(try closed.json()["status"] as? String == "closed")
            #expect(try await Self.searchHits(app, "板凳").isEmpty)
            try await app.send(.POST, "\(shop)/close", token: fixture.seller).expectProblem(.invalidTransition)
            #expect(
                try await app.send(.POST, "\(shop)/reopen", token: fixture.seller).json()["status"] as? String
                    == "active")
        }
    }

    @Test(arguments: TestStore.available)
    func staffUpgradeAndRename(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let shop = "/api/v1/shops/\(fixture.shopID)"
            let helper = try await app.registerAndLogIn("helper", role: "seller")
            // A stranger sees nothing of the shop's staff or orders.
            try await app.send(.GET, "\(shop)/staff", token: helper).expectProblem(.notFound)
            try await app.send(.GET, "\(shop)/orders", token: helper).expectProblem(.notFound)
            try await app.send(.POST, "\(shop)/staff", json: #"{"username":"nobody-here"}"#, token: fixture.seller)
                .expectProblem(.notFound, field: "username")
            let added = try await app.send(
                .POST, "\(shop)/staff", json: #"{"username":"helper"}"#, token: fixture.seller)
            #expect(added.status == .created, "\(added.body.string)")
            let helperID = try #require(try added.json()["accountId"] as? String)
            let staff = try await app.send(.GET, "\(shop)/staff", token: helper).jsonArray()
            #expect(staff.map { $0["role"] as? String } == ["owner", "staff"])
            // Staff work the shop but do not own it.
            #expect(try await app.send(.GET, "\(shop)/orders", token: helper).status == .ok)
            let renamed = try await app.send(.PATCH, shop, json: #"{"name":"大营实木家具"}"#, token: helper)
            #expect(try renamed.json()["name"] as? String == "大营实木家具")
            try await app.send(.POST, "\(shop)/close", token: helper).expectProblem(.forbidden)
            try await app.send(.DELETE, "\(shop)/staff/\(helperID)", token: helper).expectProblem(.forbidden)
            let mine = try await app.send(.GET, "/api/v1/accounts/me/shops", token: helper).jsonArray()
            #expect(mine.map { $0["id"] as? String } == [fixture.shopID])

            try await app.send(
                .POST, "\(shop)/upgrade", json: #"{"brandName":"大营","licenceNumber":"123"}"#, token: fixture.seller
            ).expectProblem(.validation, field: "licenceNumber")
            let upgraded = try await app.send(
                .POST, "\(shop)/upgrade", json: #"{"brandName":"大营木作","licenceNumber":"91371700MA3C"}"#,
                token: fixture.seller)
            #expect(try upgraded.json()["kind"] as? String == "enterprise")
            try await app.send(
                .POST, "\(shop)/upgrade", json: #"{"brandName":"大营木作","licenceNumber":"91371700MA3C"}"#,
                token: fixture.seller
            ).expectProblem(.conflict)

            // A shop can name the household that runs it, if it lives in the shop's village.
            let household = try #require(try await Household.query(on: app.db).first())
            let elsewhere = try #require(
                try await Village.query(on: app.db).filter(\.$id != household.$village.id).first()?.requireID())
            try await app.send(
                .POST, "/api/v1/shops",
                json:
                    #"{"name":"户","villageId":"\#(elsewhere)","kind":"individual","householdId":"\#(try household.requireID())"}"#,
                token: fixture.seller
            ).expectProblem(.notFound, field: "householdId")
            let householdShop = try await app.send(
                .POST, "/api/v1/shops",
                json:
                    #"{"name":"户","villageId":"\#(household.$village.id)","kind":"individual","householdId":"\#(try household.requireID())"}"#,
                token: fixture.seller)
            #expect(try householdShop.json()["householdId"] as? String == household.id?.uuidString)

            let ownerID = try #require(staff.first?["accountId"] as? String)
            try await app.send(.DELETE, "\(shop)/staff/\(ownerID)", token: fixture.seller).expectProblem(.conflict)
            #expect(
                try await app.send(.DELETE, "\(shop)/staff/\(helperID)", token: fixture.seller).status == .noContent)
            try await app.send(.GET, "\(shop)/orders", token: helper).expectProblem(.notFound)
        }
    }

    @Test(arguments: TestStore.available)
    func editingUnlistingAndStockCounts(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app, stock: 10)
            let product = "/api/v1/products/\(fixture.productID)"
            let edited = try await app.send(
                .PATCH, product,
                json: #"{"title":"榆木小方凳","attributes":[{"name":"材质","value":"老榆木"},{"name":"高度","value":"30 cm"}]}"#,
                token: fixture.seller)
            #expect(edited.status == .ok, "\(edited.body.string)")
            #expect((try edited.json()["attributes"] as? [[String: Any]])?.count == 2)
            #expect(try await Self.searchHits(app, "方凳").contains(fixture.productID))
            #expect(try await Self.searchHits(app, "板凳").isEmpty)
            // Bad edits name the field and change nothing.
            try await app.send(
                .PATCH, product, json: #"{"title":"","attributes":[{"name":"x","value":"y"}]}"#, token: fixture.seller
            ).expectProblem(.validation, field: "title")
            try await app.send(
                .PATCH, product, json: #"{"attributes":[{"name":"材质","value":"a"},{"name":"材质","value":"b"}]}"#,
                token: fixture.seller
            ).expectProblem(.validation, field: "attributes[1].name")
            try await app.send(.PATCH, product, json: #"{"title":"偷改"}"#, token: fixture.buyer)
                .expectProblem(.notFound)
            let current = try await app.send(.GET, product).json()
            #expect(current["title"] as? String == "榆木小方凳")
            #expect((current["attributes"] as? [[String: Any]])?.first?["value"] as? String == "老榆木")

            // A shelf count made before a sale does not undo the sale.
            _ = try await fixture.checkout(3)
            let stock = "/api/v1/variants/\(fixture.variantID)/stock"
            try await app.send(.PUT, stock, json: #"{"stock":12,"expectedStock":10}"#, token: fixture.seller)
                .expectProblem(.conflict, field: "expectedStock")
            #expect(try await fixture.stock() == 7)
            let counted = try await app.send(
                .PUT, stock, json: #"{"stock":12,"expectedStock":7}"#, token: fixture.seller)
            #expect(try counted.json()["stock"] as? Int == 12)
            try await app.send(.PUT, stock, json: #"{"stock":-1}"#, token: fixture.seller)
                .expectProblem(.validation, field: "stock")
            try await app.send(.PUT, stock, json: #"{"stock":1}"#, token: fixture.buyer).expectProblem(.notFound)

            let repriced = try await app.send(
                .PATCH, "/api/v1/variants/\(fixture.variantID)", json: #"{"priceMinor":6600}"#, token: fixture.seller)
            #expect(try repriced.json()["priceMinor"] as? Int == 6600)
            let variant = try await app.send(
                .POST, "\(product)/variants",
                json: #"{"sku":"STOOL-L","priceMinor":9900,"currency":"CNY","stock":4}"#, token: fixture.seller)
            #expect(variant.status == .created, "\(variant.body.string)")
            try await app.send(
                .POST, "\(product)/variants", json: #"{"sku":"STOOL-L","priceMinor":9900,"currency":"CNY","stock":4}"#,
                token: fixture.seller
            ).expectProblem(.conflict, field: "sku")

            // Unlisted: out of search and off sale, still visible to its shop.
            _ = try await app.send(.PATCH, product, json: #"{"listed":false}"#, token: fixture.seller)
            #expect(try await Self.searchHits(app, "方凳").isEmpty)
            try await app.send(.GET, product).expectProblem(.notFound)
            #expect(try await app.send(.GET, product, token: fixture.seller).json()["listed"] as? Bool == false)
            let catalogue = try await app.send(
                .GET, "/api/v1/shops/\(fixture.shopID)/catalogue", token: fixture.seller
            ).json()
            #expect(catalogue["total"] as? Int == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func photosAreCheckedStoredAndCached(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true, adjust: { $0.media.maxPhotoBytes = 4_096 }) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let path = "/api/v1/products/\(fixture.productID)/photos"
            let directory = app.jishi.photos.directory
            func files() -> [String] {
                ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
            }

            // Too large, mislabelled, not an image, not your product: 4xx and nothing stored.
            var large = Self.png
            large.append(Data(repeating: 0, count: 5_000))
            try await app.send(.POST, path, bytes: large, contentType: "image/png", token: fixture.seller)
                .expectProblem(.payloadTooLarge)
            try await app.send(.POST, path, bytes: Self.png, contentType: "image/jpeg", token: fixture.seller)
                .expectProblem(.validation, field: "photo")
            let text = try await app.send(
                .POST, path, bytes: Data("hello".utf8), contentType: "text/plain", token: fixture.seller)
            #expect(text.status == .unsupportedMediaType, "\(text.body.string)")
            try await app.send(.POST, path, bytes: Self.png, contentType: "image/png", token: fixture.buyer)
                .expectProblem(.notFound)
            #expect(try await ProductPhoto.query(on: app.db).count() == 0)
            #expect(files().isEmpty)

            let uploaded = try await app.send(
                .POST, path, bytes: Self.png, contentType: "image/png", token: fixture.seller)
            #expect(uploaded.status == .created, "\(uploaded.body.string)")
            let photo = try uploaded.json()
            let url = try #require(photo["url"] as? String)
            #expect(files().count == 1)
            let served = try await app.send(.GET, url)
            #expect(served.status == .ok)
            #expect(Data(buffer: served.body) == Self.png)
            #expect(served.headers.first(name: .contentType) == "image/png")
            #expect(served.headers.first(name: .cacheControl)?.contains("immutable") == true)
            let product = try await app.send(.GET, "/api/v1/products/\(fixture.productID)").json()
            #expect((product["photos"] as? [[String: Any]])?.first?["url"] as? String == url)
            // Only photo names are served, never other paths.
            #expect(try await app.send(.GET, "/media/photos/..%2F..%2Fetc%2Fpasswd").status == .notFound)

            let photoID = try #require(photo["id"] as? String)
            try await app.send(.DELETE, "/api/v1/photos/\(photoID)", token: fixture.buyer).expectProblem(.notFound)
            #expect(
                try await app.send(.DELETE, "/api/v1/photos/\(photoID)", token: fixture.seller).status == .noContent)
            #expect(files().isEmpty)
            #expect(try await app.send(.GET, url).status == .notFound)
        }
    }

    /// Uploads racing for a product's last places: only as many as fit are stored, each in its
    /// own position, and no file is left behind by those refused.
    @Test(arguments: TestStore.available)
    func concurrentPhotoUploadsStopAtTheLimit(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let path = "/api/v1/products/\(fixture.productID)/photos"
            for _ in 0..<(CatalogService.maximumPhotos - 3) {
                let response = try await app.send(
                    .POST, path, bytes: Self.png, contentType: "image/png", token: fixture.seller)
                #expect(response.status == .created)
            }
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await app.send(
                            .POST, path, bytes: Self.png, contentType: "image/png", token: fixture.seller
                        )
                        .status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 3)
            #expect(statuses.filter { $0 == 409 }.count == 5)
            let photos = try await ProductPhoto.query(on: app.db).all()
            #expect(photos.count == CatalogService.maximumPhotos)
            #expect(Set(photos.map(\.position)) == Set(0..<CatalogService.maximumPhotos))
            let files = try FileManager.default.contentsOfDirectory(atPath: app.jishi.photos.directory.path)
            #expect(files.count == CatalogService.maximumPhotos)
        }
    }

    @Test(arguments: TestStore.available)
    func commissionRatesAreTheAdminsAndFixedAtSale(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let furniture = CategoryTaxonomy.id(for: "furniture")
            let categories = try await app.send(.GET, "/api/v1/categories").jsonArray()
            let before = try #require(
                categories.first { $0["id"] as? String == furniture.uuidString }?["commissionBps"] as? Int)
            let orderID = try await fixture.paidOrder()

            let path = "/api/v1/categories/\(furniture)/commission"
            try await app.send(.PUT, path, json: #"{"commissionBps":100}"#, token: fixture.seller)
                .expectProblem(.forbidden)
            let admin = try await app.logIn("admin", password: DemoCounty.password)
            try await app.send(.PUT, path, json: #"{"commissionBps":5000}"#, token: admin)
                .expectProblem(.validation, field: "commissionBps")
            let changed = try await app.send(.PUT, path, json: #"{"commissionBps":\#(before + 100)}"#, token: admin)
            #expect(try changed.json()["commissionBps"] as? Int == before + 100)

            // The sold line keeps the rate of its sale; a new sale takes the new rate.
            let soldLine = try #require(
                try await OrderLine.query(on: app.db).filter(\.$order.$id == UUID(uuidString: orderID)!).first())
            #expect(soldLine.commissionBasisPoints == before)
            let newOrder = try await fixture.paidOrder()
            let newLine = try #require(
                try await OrderLine.query(on: app.db).filter(\.$order.$id == UUID(uuidString: newOrder)!).first())
            #expect(newLine.commissionBasisPoints == before + 100)
        }
    }
}
