import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServerTesting
import Marketplace
import Testing
import Vapor
import VaporTesting

@testable import JishiServer

/// The marketplace pages through the whole middleware stack, in memory, on every store.
@Suite("Web: marketplace pages", .serialized)
struct WebMarketPageTests {
    /// The demo county with its market, and a browser signed in as `username`.
    static func signedIn(_ app: Application, _ username: String, language: String = "en") async throws -> WebBrowser {
        var browser = WebBrowser(app, acceptLanguage: language)
        try await browser.get("/login")
        let response = try await browser.post("/login", [("username", username), ("password", DemoCounty.password)])
        #expect(response.status == .seeOther, "logging in \(username)")
        return browser
    }

    static func withMarket(on store: TestStore, _ body: (Application) async throws -> Void) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            try await DemoMarket.load(on: app.db, services: app.jishi)
            try await body(app)
        }
    }

    static let delivery: [(String, String)] = [
        ("name", "李敏"), ("phone", "138 0000 5678"), ("village", ""), ("address", "上海市静安区 1 号"), ("method", "online"),
    ]

    static func variantID(_ sku: String) -> String { DemoMarket.id("variant." + sku).uuidString.lowercased() }

    /// The value of the hidden `key` field of a checkout or payment form.
    static func formKey(_ html: String) -> String? {
        guard let range = html.range(of: #"name="key" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    @Test func theDemoMarketHasADistinctDrawnPhotoForEveryProduct() async throws {
        try await Self.withMarket(on: .sqlite) { app in
            let photos = try await ProductPhoto.query(on: app.db).all()
            #expect(photos.count == DemoMarket.productCount)
            #expect(Set(photos.map(\.$product.id)).count == DemoMarket.productCount)
            var browser = WebBrowser(app)
            var seen = Set<String>()
            for photo in photos {
                let served = try await browser.get("/media/photos/\(photo.fileName)")
                #expect(served.status == .ok)
                #expect(served.headers.contentType == .png)
                let bytes = Array(served.body.readableBytesView)
                #expect(PhotoFormat.sniff(bytes) == .png)
                #expect(bytes.count == photo.byteCount && bytes.count < 16_000)
                // 96 × 96, indexed colour: the IHDR chunk right after the signature.
                #expect(Array(bytes[16..<26]) == [0, 0, 0, 96, 0, 0, 0, 96, 8, 3])
                seen.insert(bytes.map { String($0) }.joined(separator: ","))
            }
            #expect(seen.count == photos.count, "every product's picture differs")
            let search = try await browser.get("/search").body.string
            #expect(search.contains("/media/photos/"))
        }
    }

    @Test(arguments: TestStore.available)
    func searchFindsTheDemoMarketInBothLanguages(store: TestStore) async throws {
        try await Self.withMarket(on: store) { app in
            var browser = WebBrowser(app)
            let hanfu = try await browser.get("/search?q=%E6%B1%89%E6%9C%8D")
            #expect(hanfu.status == .ok)
            #expect(hanfu.body.string.contains("明制马面裙 汉服半身裙"))
            #expect(hanfu.body.string.contains("¥168.00 起"))
            let skirts = try await browser.get("/search?q=%E8%A3%99&sort=price_asc").body.string
            #expect(skirts.contains("儿童演出服 红色舞蹈裙") && skirts.contains("唐制齐胸襦裙"))
            let cheap = try #require(skirts.range(of: "儿童演出服")?.lowerBound)
            let dear = try #require(skirts.range(of: "唐制齐胸襦裙")?.lowerBound)
            #expect(cheap < dear, "cheapest first")

            var english = WebBrowser(app, acceptLanguage: "en")
            let table = try await english.get("/search?q=dining+table&stock=1").body.string
            #expect(table.contains("泡桐木实木餐桌") && table.contains("from ¥1280.00"))
            #expect(table.contains("1 products"))

            let bad = try await english.get("/search?q=hat&min=abc&max=-1")
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("A price in yuan, such as 45, 45.5 or 45元."))
            #expect(!bad.body.string.contains(#"id="results""#))
        }
    }

    @Test(arguments: TestStore.available)
    func buyerBuysPaysAfterADeclineAndSeesTheHistory(store: TestStore) async throws {
        try await Self.withMarket(on: store) { app in
            var buyer = try await Self.signedIn(app, "buyer")
            let product = DemoMarket.id("product.peach").uuidString.lowercased()
            let page = try await buyer.get("/products/\(product)")
            #expect(page.status == .ok && page.body.string.contains("¥49.90"))
            let added = try await buyer.post(
                "/cart/items",
                [("product", product), ("variant", Self.variantID("PE-5")), ("quantity", "3"), ("then", "cart")])
            #expect(added.headers.first(name: .location) == "/cart?notice=added")
            let cart = try await buyer.get("/cart?notice=added").body.string
            #expect(cart.contains("Added to your cart.") && cart.contains("Total ¥149.70"))

            let form = try await buyer.get("/checkout").body.string
            let key = try #require(Self.formKey(form))
            #expect(form.contains("石井村") || form.contains("Shijing"))
            let placed = try await buyer.post("/checkout", Self.delivery + [("key", key)])
            #expect(placed.status == .seeOther, "\(placed.body.string)")
            let summaryPath = try #require(placed.headers.first(name: .location))
            // The same form sent again makes no second checkout.
            let again = try await buyer.post("/checkout", Self.delivery + [("key", key)])
            #expect(again.headers.first(name: .location) == summaryPath)
            #expect(try await Checkout.query(on: app.db).filter(\.$idempotencyKey == key).count() == 1)
            #expect(try await CartItem.query(on: app.db).count() == 0, "checkout empties the cart")

            let summary = try await buyer.get(summaryPath).body.string
            let payKey = try #require(Self.formKey(summary))
            let declined = try await buyer.post(summaryPath + "/pay", [("key", payKey), ("token", "tok_decline")])
            #expect(declined.status == .paymentRequired)
            #expect(declined.body.string.contains("The payment was declined and nothing was charged."))
            let retryKey = try #require(Self.formKey(declined.body.string))
            #expect(retryKey != payKey)
            let paid = try await buyer.post(summaryPath + "/pay", [("key", retryKey), ("token", "tok_ok")])
            let orderPath = try #require(paid.headers.first(name: .location))
            #expect(orderPath.hasPrefix("/orders/") && orderPath.hasSuffix("?notice=paid"))

            let order = try await buyer.get(orderPath).body.string
            #expect(order.contains(#"<span class="st st-paid">Paid</span>"#))
            #expect(order.contains("Order placed") && order.contains("Awaiting payment → Paid"))
            #expect(order.contains("Total ¥149.70"))
            #expect(order.contains(#"id="ask-refund""#) && !order.contains(#"id="cancel-order""#))
            // In the buyer's words: no provider reference in the history, and an address outside
            // the county says so rather than repeating the menu's instruction.
            #expect(!order.contains("sbx_") && !order.contains("write the full address"))
            #expect(order.contains("<dt>Village</dt><dd>Outside the county</dd>"))
        }
    }

    @Test(arguments: TestStore.available)
    func formsWithoutTheCSRFTokenAreRefusedAndWriteNothing_fails(store: TestStore) async throws {
        try await Self.withMarket(on: store) { app in
            var buyer = try await Self.signedIn(app, "buyer")
            try await buyer.get("/cart")
            let refused = try await buyer.post(
                "/cart/items", [("variant", Self.variantID("GA-5")), ("quantity", "1")], csrf: .omit)
            #expect(refused.status == .forbidden)
            #expect(try await CartItem.query(on: app.db).count() == 0)

            var seller = try await Self.signedIn(app, "seller")
            try await seller.get("/shops/new")
            let shops = try await Shop.query(on: app.db).count()
            let village = try #require(try await Village.query(on: app.db).first()).id!.uuidString
            let forged = try await seller.post(
                "/shops/new", [("name", "伪造"), ("village", village), ("kind", "individual")], csrf: .value("forged"))
            #expect(forged.status == .forbidden)
            #expect(try await Shop.query(on: app.db).count() == shops)

            let order = try #require(try await Order.query(on: app.db).filter(\.$status == .paid).first())
            let ship = try await seller.post("/orders/\(order.id!.uuidString)/ship", [], csrf: .omit)
            #expect(ship.status == .forbidden)
            #expect(try await Order.find(order.id, on: app.db)?.status == .paid)
        }
    }

    @Test(arguments: TestStore.available)
    func someoneElsesOrderAndCheckoutAreNotFound_fails(store: TestStore) async throws {
        try await Self.withMarket(on: store) { app in
            let order = try #require(try await Order.query(on: app.db).first())
            _ = try await app.registerAndLogIn("stranger")
            var stranger = WebBrowser(app, acceptLanguage: "en")
            try await stranger.get("/login")
            try await stranger.post("/login", [("username", "stranger"), ("password", "correct horse")])
            for path in ["/orders/\(order.id!.uuidString)", "/checkouts/\(order.$checkout.id.uuidString)"] {
                let page = try await stranger.get(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.body.string.contains("找不到这个页面。"))
            }
            let cancel = try await stranger.post("/orders/\(order.id!.uuidString)/cancel", [])
            #expect(cancel.status == .notFound)
            #expect(try await Order.find(order.id, on: app.db)?.status == order.status)
            // The seller of another shop does not see the shop's pages either.
            let shopID = order.$shop.id.uuidString
            #expect(try await stranger.get("/shops/\(shopID)").status == .notFound)
            #expect(try await stranger.get("/shops/\(shopID)/packing-list").status == .notFound)
            #expect(try await stranger.get("/products/\(UUID().uuidString)").status == .notFound)
            #expect(try await stranger.get("/products/not-an-id").status == .notFound)
        }
    }

    @Test(arguments: TestStore.available)
    func badShopAndProductFormsComeBackExplainedAndWriteNothing_fails(store: TestStore) async throws {
        try await Self.withMarket(on: store) { app in
            var seller = try await Self.signedIn(app, "seller", language: "zh-CN")
            try await seller.get("/shops/new")
            let shops = try await Shop.query(on: app.db).count()
            let badShop = try await seller.post(
                "/shops/new", [("name", "  "), ("village", "nowhere"), ("kind", "enterprise"), ("licenceNumber", "12")])
            #expect(badShop.status == .badRequest)
            let html = badShop.body.string
            #expect(html.contains("请填写这一项。") && html.contains("请选择一项。") && html.contains("请填 6–40 个字符。"))
            #expect(try await Shop.query(on: app.db).count() == shops)

            let shopID = DemoMarket.id("shop.hanfu").uuidString.lowercased()
            try await seller.get("/shops/\(shopID)/products/new")
            let products = try await Product.query(on: app.db).count()
            let badProduct = try await seller.post(
                "/shops/\(shopID)/products/new",
                [
                    ("title", "新汉服"), ("category", CategoryTaxonomy.id(for: "costumes").uuidString),
                    ("variant-0-sku", "N-1"), ("variant-0-price", "12.345"), ("variant-0-stock", "3"),
                    ("variant-1-sku", "N-1"), ("variant-1-price", "10"), ("variant-1-stock", "x"),
                ])
            #expect(badProduct.status == .badRequest)
            #expect(badProduct.body.string.contains("请填价格，例如 45、45.5 或 45元。"))
            #expect(badProduct.body.string.contains("请填 0 到 1000000 之间的整数。"))
            #expect(badProduct.body.string.contains(#"value="新汉服""#), "what was typed comes back")
            #expect(try await Product.query(on: app.db).count() == products)

            let listed = try await seller.post(
                "/shops/\(shopID)/products/new",
                [
                    ("title", "新汉服"), ("category", CategoryTaxonomy.id(for: "costumes").uuidString),
                    ("attr-0-name", "面料"), ("attr-0-value", "棉"),
                    ("variant-0-sku", "N-1"), ("variant-0-price", "12.5"), ("variant-0-stock", "3"),
                ])
            #expect(listed.status == .seeOther, "\(listed.body.string)")
            let made = try #require(try await Product.query(on: app.db).filter(\.$title == "新汉服").first())
            let variant = try #require(try await Variant.query(on: app.db).filter(\.$product.$id == made.id!).first())
            #expect(variant.priceMinor == 1_250 && variant.stock == 3)
        }
    }

    @Test(arguments: TestStore.available)
    func aStaleStockCountIsAConflictThatChangesNothing_fails(store: TestStore) async throws {
        try await Self.withMarket(on: store) { app in
            var seller = try await Self.signedIn(app, "seller")
            let product = DemoMarket.id("product.honey").uuidString.lowercased()
            let variant = Self.variantID("HO-500")
            let page = try await seller.get("/products/\(product)/edit")
            #expect(page.status == .ok)
            #expect(page.body.string.contains(#"name="expected" value="50""#))
            // Someone bought two meanwhile: the count taken at 50 is stale.
            let stale = try await seller.post(
                "/products/\(product)/variants/\(variant)/stock", [("stock", "60"), ("expected", "48")])
            #expect(stale.status == .conflict)
            // The seller reads Chinese: the account's language wins over the browser's.
            #expect(stale.body.string.contains("你清点时库存变了：原来是 48，现在是 50"))
            #expect(stale.body.string.contains(#"name="expected" value="50""#), "the form now carries the new count")
            #expect(try await Variant.find(DemoMarket.id("variant.HO-500"), on: app.db)?.stock == 50)

            let saved = try await seller.post(
                "/products/\(product)/variants/\(variant)/stock", [("stock", "60"), ("expected", "50")])
            #expect(saved.status == .seeOther)
            #expect(try await Variant.find(DemoMarket.id("variant.HO-500"), on: app.db)?.stock == 60)
        }
    }

    @Test(arguments: TestStore.available)
    func photosAreUploadedAsMultipartAndBadOnesExplained(store: TestStore) async throws {
        try await Self.withMarket(on: store) { app in
            var seller = try await Self.signedIn(app, "seller")
            let product = DemoMarket.id("product.stool").uuidString.lowercased()
            try await seller.get("/products/\(product)/edit")
            let token = try #require(seller.csrfToken)
            let path = "/products/\(product)/photos"
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64)

            let text = try await Self.upload(app, seller, path, csrf: token, file: Array("hello".utf8), name: "a.txt")
            #expect(text.status == .unsupportedMediaType)
            #expect(text.body.string.contains("这个文件不是照片，请从手机相册里选一张。"))

            let fake = try await Self.upload(app, seller, path, csrf: token, file: Array("hello".utf8), name: "a.png")
            #expect(fake.status == .unsupportedMediaType)

            let huge = png + Array(repeating: 0, count: 2 * 1024 * 1024 + 64 * 1024)
            let tooLarge = try await Self.upload(app, seller, path, csrf: token, file: huge, name: "big.png")
            #expect(tooLarge.status == .payloadTooLarge)
            #expect(tooLarge.body.string.contains("照片太大了，最大 2048 KB。"))
            let justOver = png + Array(repeating: 0, count: 2 * 1024 * 1024)
            let over = try await Self.upload(app, seller, path, csrf: token, file: justOver, name: "big.png")
            #expect(over.status == .payloadTooLarge, "over the photo limit, within the form's")

            let noToken = try await Self.upload(app, seller, path, csrf: "wrong", file: png, name: "p.png")
            #expect(noToken.status == .forbidden)
            #expect(try await ProductPhoto.query(on: app.db).count() == DemoMarket.productCount, "the demo's own")

            let good = try await Self.upload(app, seller, path, csrf: token, file: png, name: "p.png")
            #expect(good.status == .seeOther, "\(good.body.string)")
            let photo = try #require(
                try await ProductPhoto.query(on: app.db).filter(\.$product.$id == DemoMarket.id("product.stool"))
                    .sort(\.$position, .descending).first())
            #expect(photo.position == 1, "after the demo's photo")
            let edit = try await seller.get("/products/\(product)/edit").body.string
            #expect(edit.contains(#"src="/media/photos/\#(photo.fileName)""#))
            let shown = try await seller.get("/products/\(product)").body.string
            #expect(shown.contains(#"loading="lazy""#) && shown.contains(#"width="320" height="320""#))
        }
    }

    static func cookieHeaders(_ browser: WebBrowser) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .accept, value: "text/html")
        headers.replaceOrAdd(
            name: .cookie,
            value: browser.cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: "; "))
        return headers
    }

    static func upload(
        _ app: Application, _ browser: WebBrowser, _ path: String, csrf: String, file: [UInt8], name: String
    ) async throws -> TestingHTTPResponse {
        try await postMultipart(app, browser, path, fields: [("csrf", csrf)], files: [("photo", name, file)])
    }

    /// Posts a multipart form as a browser does: text fields, then files.
    static func postMultipart(
        _ app: Application, _ browser: WebBrowser, _ path: String, fields: [(String, String)],
        files: [(field: String, name: String, bytes: [UInt8])]
    ) async throws -> TestingHTTPResponse {
        let boundary = "jishi-test-boundary"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = cookieHeaders(browser)
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
    }

    @Test(arguments: TestStore.available)
    func theAddProductFormTakesPhotosAndRefusesAFileThatIsNotOne(store: TestStore) async throws {
        try await Self.withMarket(on: store) { app in
            var seller = try await Self.signedIn(app, "seller", language: "zh-CN")
            let shopID = DemoMarket.id("shop.hanfu").uuidString.lowercased()
            let form = try await seller.get("/shops/\(shopID)/products/new").body.string
            #expect(form.contains(#"enctype="multipart/form-data""#) && form.contains(#"name="photos[]""#))
            let token = try #require(seller.csrfToken)
            let png = Array(ShopAndCatalogAPITests.png)
            let fields = [
                ("csrf", token), ("title", "带照片的发簪"), ("category", CategoryTaxonomy.id(for: "costumes").uuidString),
                ("variant-0-name", "红色 L"), ("variant-0-price", "45元"), ("variant-0-stock", "5"),
            ]
            let path = "/shops/\(shopID)/products/new"
            let products = try await Product.query(on: app.db).count()
            let notAPhoto = try await Self.postMultipart(
                app, seller, path, fields: fields,
                files: [("photos[]", "a.png", png), ("photos[]", "b.png", Array("hello".utf8))])
            #expect(notAPhoto.status == .badRequest)
            #expect(notAPhoto.body.string.contains("这个文件不是照片"))
            #expect(notAPhoto.body.string.contains(#"value="带照片的发簪""#), "what was typed comes back")
            #expect(try await Product.query(on: app.db).count() == products)
            #expect(try await ProductPhoto.query(on: app.db).count() == DemoMarket.productCount, "the demo's own")

            let listed = try await Self.postMultipart(
                app, seller, path, fields: fields, files: [("photos[]", "a.png", png), ("photos[]", "b.png", png)])
            #expect(listed.status == .seeOther, "\(listed.body.string)")
            let made = try #require(try await Product.query(on: app.db).filter(\.$title == "带照片的发簪").first())
            #expect(try await ProductPhoto.query(on: app.db).filter(\.$product.$id == made.requireID()).count() == 2)
            let variant = try #require(try await Variant.query(on: app.db).filter(\.$product.$id == made.id!).first())
            #expect(variant.priceMinor == 4_500 && variant.name == "红色 L")
        }
    }

    @Test(arguments: TestStore.available)
    func sellerShipsFromTheOrderListAndPrintsAPackingList(store: TestStore) async throws {
        try await Self.withMarket(on: store) { app in
            var seller = try await Self.signedIn(app, "seller", language: "zh-CN")
            let shop = DemoMarket.id("shop.hanfu").uuidString.lowercased()
            let dashboard = try await seller.get("/shops/\(shop)").body.string
            #expect(dashboard.contains("丁庄汉服坊") && dashboard.contains("<strong>1</strong>待发货"))
            let toShip = try await seller.get("/shops/\(shop)/orders?status=paid").body.string
            let order = try #require(try await Order.query(on: app.db).filter(\.$status == .paid).first())
            let id = order.id!.uuidString.lowercased()
            #expect(toShip.contains(#"id="order-\#(id)""#) && toShip.contains("明制马面裙 汉服半身裙 · 红色 M × 1"))

            let packing = try await seller.get("/shops/\(shop)/packing-list?order%5B%5D=\(id)")
            #expect(packing.status == .ok)
            // The packer reads the kind to pack; the stock code stands beside it for the shelf.
            #expect(packing.body.string.contains("石井村 石井村三组 12 号"))
            #expect(packing.body.string.contains(#"<strong class="vn">红色 M</strong>"#))
            #expect(packing.body.string.contains("货号 MM-RED-M"))
            #expect(packing.body.string.contains(#"<link rel="stylesheet""#))
            // A print button that its one script (allowed by hash, nothing else) shows and wires.
            #expect(packing.body.string.contains(#"id="print""#))
            #expect(
                packing.headers.first(name: "Content-Security-Policy")?.contains(
                    "script-src '\(Layout.printScriptHash)'")
                    == true)
            // The buyer reads what they bought in their order list and the order, without the code.
            var buyer = try await Self.signedIn(app, "buyer", language: "zh-CN")
            let bought = try await buyer.get("/orders").body.string
            #expect(bought.contains("明制马面裙 汉服半身裙 · 红色 M × 1"))
            let detail = try await buyer.get("/orders/\(id)").body.string
            #expect(detail.contains(#"<span class="vn">红色 M</span>"#) && !detail.contains("MM-RED-M"))

            // Sending asks how: the list links to the order's shipping form, and a form that does
            // not say comes back explained and ships nothing.
            #expect(toShip.contains(#"id="ship-\#(id)" href="/orders/\#(id)#ship""#))
            let shipForm = try await seller.get("/orders/\(id)").body.string
            #expect(shipForm.contains(#"<form class="card" id="ship""#) && shipForm.contains("中通快递"))
            let untold = try await seller.post("/orders/\(id)/ship", [("carrier", ""), ("tracking", "")])
            #expect(untold.status == .badRequest && untold.body.string.contains("请选择快递公司。"))
            let badNumber = try await seller.post("/orders/\(id)/ship", [("carrier", "zto"), ("tracking", "单号")])
            #expect(badNumber.status == .badRequest && badNumber.body.string.contains("请填快递单号"))
            #expect(try await Order.find(order.id, on: app.db)?.status == .paid)
            let shipped = try await seller.post(
                "/orders/\(id)/ship",
                [("carrier", "zto"), ("tracking", "zt 7301 2233 44"), ("next", "/shops/\(shop)/orders?status=paid")])
            #expect(shipped.headers.first(name: .location) == "/shops/\(shop)/orders?status=paid&notice=shipped")
            let sent = try #require(try await Order.find(order.id, on: app.db))
            #expect(sent.status == .shipped && sent.shipment?.carrier == .zto)
            #expect(sent.trackingNumber == "ZT7301223344")
            let followed = try await buyer.get("/orders/\(id)").body.string
            #expect(followed.contains("<dt>Sent by</dt><dd>ZTO Express ZT7301223344</dd>"))
            let again = try await seller.post("/orders/\(id)/ship", [("carrier", "shop")])
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("订单状态已经变了，不能再这样操作。"))

            let statement = try await seller.get("/shops/\(shop)/statement").body.string
            #expect(statement.contains("已付款订单</dt><dd>2</dd>"))
            #expect(statement.contains("销售额</dt><dd>¥286.00</dd>"))
            let badPeriod = try await seller.get("/shops/\(shop)/statement?from=2026-02-30&to=2026-01-01")
            #expect(badPeriod.status == .badRequest)
            #expect(badPeriod.body.string.contains("请填日期，例如 2026-11-23。"))
        }
    }

    @Test func pagesThatNeedAnAccountSendTheBrowserToLogInAndBack() async throws {
        try await Self.withMarket(on: .sqlite) { app in
            var browser = WebBrowser(app)
            let cart = try await browser.get("/cart")
            #expect(cart.status == .seeOther)
            #expect(cart.headers.first(name: .location) == "/login?next=%2Fcart")
            let form = try await browser.get("/login?next=%2Fcart").body.string
            #expect(form.contains(#"name="next" value="/cart""#))
            let signedIn = try await browser.post(
                "/login", [("username", "buyer"), ("password", DemoCounty.password), ("next", "/cart")])
            #expect(signedIn.headers.first(name: .location) == "/cart")
            try await browser.get("/login")
            let offsite = try await browser.post(
                "/login", [("username", "buyer"), ("password", DemoCounty.password), ("next", "//evil.example/")])
            #expect(offsite.headers.first(name: .location) == "/")
            // Signed in, the navigation has the cart and orders; the buyer is no seller.
            let home = try await browser.get("/").body.string
            #expect(home.contains(#"href="/cart""#) && home.contains(#"href="/orders""#))
            #expect(!home.contains(#"href="/shops""#))
        }
    }

    /// The home page opens on search and products, and every village and town leads to what
    /// it makes.
    @Test(arguments: TestStore.available)
    func theHomePageShowsProductsAndVillagesLeadToTheirs(store: TestStore) async throws {
        try await Self.withMarket(on: store) { app in
            var visitor = WebBrowser(app, acceptLanguage: "zh-CN")
            let home = try await visitor.get("/").body.string
            #expect(home.contains(#"<form class="search" id="home-search" method="get" action="/search""#))
            #expect(home.contains(#"<section class="shelf" id="home-newest">"#) && home.contains("村里新上架"))
            #expect(home.contains(#"<section class="shelf" id="home-popular">"#) && home.contains("卖得好"))
            #expect(home.contains("明制马面裙"))
            let dingzhuang = try #require(try await Village.query(on: app.db).filter(\.$name == "丁庄村").first())
            let link = "/search?village=\(try dingzhuang.requireID().uuidString.lowercased())"
            #expect(home.contains(#"href="\#(link)""#))
            let village = try await visitor.get(link).body.string
            #expect(village.contains("只看丁庄村的商品") && village.contains("明制马面裙"))
            #expect(!village.contains("实木") && !village.contains("蜂蜜"))  // other villages' products
            #expect(village.contains(#"<input type="hidden" name="village""#))
            #expect(try await visitor.get("/search?village=nonsense").status == .badRequest)
        }
    }

    @Test func everyMarketPageWeighsLittle() async throws {
        try await Self.withMarket(on: .sqlite) { app in
            var seller = try await Self.signedIn(app, "seller")
            let shop = DemoMarket.id("shop.hanfu").uuidString.lowercased()
            let product = DemoMarket.id("product.mamian").uuidString.lowercased()
            let order = try #require(try await Order.query(on: app.db).first()).id!.uuidString.lowercased()
            for path in [
                "/search", "/search?q=%E6%B1%89%E6%9C%8D", "/products/\(product)", "/cart", "/checkout", "/orders",
                "/shops", "/shops/new", "/shops/\(shop)", "/shops/\(shop)/orders", "/shops/\(shop)/packing-list",
                "/shops/\(shop)/statement", "/shops/\(shop)/products/new", "/products/\(product)/edit",
                "/orders/\(order)",
            ] {
                let page = try await seller.get(path)
                #expect(page.status == .ok, "\(path): \(page.status)")
                #expect(page.body.readableBytes < 40_000, "\(path): \(page.body.readableBytes) bytes")
                // No script, but the packing list's print button's (allowed by its hash alone).
                let scripts = page.body.string.components(separatedBy: "<script").count - 1
                #expect(scripts == (path.hasSuffix("/packing-list") ? 1 : 0), "\(path): \(scripts) scripts")
            }
        }
    }
}
