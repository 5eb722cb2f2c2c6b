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
import ZIPFoundation

@testable import JishiServer

/// A seller's bulk catalogue import and export, through the API and the page, on every store.
@Suite("Catalogue import and export: API and page", .serialized)
struct CatalogImportAPIAndPageTests {
    static let header = "product_ref,sku,title,category,variant_name,price_minor,stock,photos,listed"

    static let good = [
        header,
        "hairpin,ZAN-R,鎏金发簪,costumes,红色,4500,5,,true",
        "hairpin,ZAN-B,鎏金发簪,costumes,蓝色,4800,2,,",
        "garlic,SUAN-5KG,金乡大蒜 5 斤,farm,,3990,100,,",
    ].joined(separator: "\n")

    /// Line 3's price and line 4's category are wrong.
    static let bad = [
        header,
        "hairpin,ZAN-R,鎏金发簪,costumes,红色,4500,5,,true",
        "hairpin,ZAN-B,鎏金发簪,costumes,蓝色,abc,2,,",
        "garlic,SUAN-5KG,金乡大蒜 5 斤,no-such-category,,3990,100,,",
    ].joined(separator: "\n")

    static var shopID: String { DemoMarket.id("shop.hanfu").uuidString.lowercased() }

    static func importPath() -> String { "/api/v1/shops/\(shopID)/catalogue/import" }

    @Test(arguments: TestStore.available)
    func aGoodFileIsImportedAndCountedAndASecondTimeChangesNothing(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let seller = try await app.logIn("seller", password: DemoCounty.password)
            let first = try await app.send(
                .POST, Self.importPath(), bytes: Data(Self.good.utf8), contentType: "text/csv", token: seller)
            #expect(first.status == .ok, "\(first.body.string)")
            let counts = try first.json()
            #expect(counts["productsCreated"] as? Int == 2)
            #expect(counts["variantsCreated"] as? Int == 3)
            #expect(counts["unchanged"] as? Int == 0)
            #expect(try await Variant.query(on: app.db).filter(\.$sku == "ZAN-B").first()?.stock == 2)

            let again = try await app.send(
                .POST, Self.importPath(), bytes: Data(Self.good.utf8), contentType: "text/csv", token: seller)
            let twice = try again.json()
            #expect(twice["productsCreated"] as? Int == 0)
            #expect(twice["variantsCreated"] as? Int == 0)
            #expect(twice["variantsUpdated"] as? Int == 0)
            #expect(twice["unchanged"] as? Int == 3)
        }
    }

    @Test(arguments: TestStore.available)
    func aBadFileIsRefusedNamingEveryLineAndColumnAndNothingIsWritten(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let seller = try await app.logIn("seller", password: DemoCounty.password)
            let products = try await Product.query(on: app.db).count()
            let variants = try await Variant.query(on: app.db).count()
            let refused = try await app.send(
                .POST, Self.importPath(), bytes: Data(Self.bad.utf8), contentType: "text/csv", token: seller)
            #expect(refused.status == .unprocessableEntity, "\(refused.body.string)")
            #expect(refused.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let problem = try refused.json()
            #expect(problem["status"] as? Int == 422)
            let errors = try #require(problem["errors"] as? [[String: Any]])
            let named = errors.map { "\($0["line"] as? Int ?? 0).\($0["column"] as? String ?? "")" }
            #expect(named.contains("3.price_minor"), "\(named)")
            #expect(named.contains("4.category"), "\(named)")
            #expect(errors.allSatisfy { !($0["message"] as? String ?? "").isEmpty })
            #expect(try await Product.query(on: app.db).count() == products)
            #expect(try await Variant.query(on: app.db).count() == variants)
        }
    }

    @Test(arguments: TestStore.available)
    func theExportImportsBackUnchanged(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let seller = try await app.logIn("seller", password: DemoCounty.password)
            _ = try await app.send(
                .POST, Self.importPath(), bytes: Data(Self.good.utf8), contentType: "text/csv", token: seller)
            let exported = try await app.send(
                .GET, "/api/v1/shops/\(Self.shopID)/catalogue/export", token: seller,
                headers: [("Accept", "text/csv")])
            #expect(exported.status == .ok, "\(exported.body.string)")
            #expect(exported.headers.contentType?.description.hasPrefix("text/csv") == true)
            let text = exported.body.string
            #expect(text.hasPrefix(CatalogFile.header))
            #expect(text.contains("ZAN-B") && text.contains("SUAN-5KG"))
            let back = try await app.send(
                .POST, Self.importPath(), bytes: Data(text.utf8), contentType: "text/csv", token: seller)
            #expect(back.status == .ok, "\(back.body.string)")
            let counts = try back.json()
            #expect(counts["productsCreated"] as? Int == 0)
            #expect(counts["productsUpdated"] as? Int == 0)
            #expect(counts["variantsCreated"] as? Int == 0)
            #expect(counts["variantsUpdated"] as? Int == 0)
            #expect((counts["unchanged"] as? Int ?? 0) >= 3)
        }
    }

    /// A `multipart/form-data` body of files, as a client of the API sends the CSV and its ZIP.
    static func multipart(_ parts: [(name: String, type: String, bytes: Data)]) -> (Data, String) {
        let boundary = "jishi-api-boundary"
        var body = Data()
        for part in parts {
            body.append(
                Data(
                    ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"; filename=\"\(part.name)\"\r\n"
                        + "Content-Type: \(part.type)\r\n\r\n").utf8))
            body.append(part.bytes)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    /// A ZIP of `files`, in a folder as a seller zips one.
    static func zip(_ files: [String: Data]) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("photos-\(UUID()).zip")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let archive = try Archive(url: url, accessMode: .create)
            for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
                try archive.addEntry(
                    with: "photos/" + name, type: .file, uncompressedSize: Int64(bytes.count),
                    compressionMethod: .deflate
                ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
            }
        }
        return try Data(contentsOf: url)
    }

    @Test(arguments: TestStore.available)
    func theAPITakesPhotosInAZipBesideTheCSV(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let seller = try await app.logIn("seller", password: DemoCounty.password)
            let csv = Data(
                [Self.header, "pin,ZAN-P,带照片的发簪,costumes,红色,4500,5,pin.png|back.png,true"].joined(separator: "\n").utf8)
            let products = try await Product.query(on: app.db).count()
            let photos = try await ProductPhoto.query(on: app.db).count()

            // A part that is not a ZIP, then a body without the CSV: refused, nothing written.
            let (notAZip, type) = Self.multipart([
                ("file", "text/csv", csv), ("photos", "application/zip", Data("hello".utf8)),
            ])
            let refused = try await app.send(.POST, Self.importPath(), bytes: notAZip, contentType: type, token: seller)
            #expect(refused.status == .badRequest, "\(refused.body.string)")
            #expect(try refused.json()["field"] as? String == "photos")
            let (noFile, _) = Self.multipart([
                ("photos", "application/zip", try Self.zip(["pin.png": ShopAndCatalogAPITests.png]))
            ])
            let withoutCSV = try await app.send(
                .POST, Self.importPath(), bytes: noFile, contentType: type, token: seller)
            #expect(withoutCSV.status == .badRequest, "\(withoutCSV.body.string)")
            #expect(try withoutCSV.json()["field"] as? String == "file")
            // An empty part is no photos: the rows' photos are missing, named by line and column.
            let (empty, _) = Self.multipart([("file", "text/csv", csv), ("photos", "application/zip", Data())])
            let none = try await app.send(.POST, Self.importPath(), bytes: empty, contentType: type, token: seller)
            #expect(none.status == .unprocessableEntity, "\(none.body.string)")
            #expect((try none.json()["detail"] as? String ?? "").contains("(none given)"))
            // A photo the ZIP lacks: the line and column are named.
            let (short, _) = Self.multipart([
                ("file", "text/csv", csv),
                ("photos", "application/zip", try Self.zip(["pin.png": ShopAndCatalogAPITests.png])),
            ])
            let lacking = try await app.send(.POST, Self.importPath(), bytes: short, contentType: type, token: seller)
            #expect(lacking.status == .unprocessableEntity, "\(lacking.body.string)")
            let errors = try #require(try lacking.json()["errors"] as? [[String: Any]])
            #expect(errors.first?["line"] as? Int == 2 && errors.first?["column"] as? String == "photos")
            #expect(try await Product.query(on: app.db).count() == products)
            #expect(try await ProductPhoto.query(on: app.db).count() == photos)

            // The ZIP first, and larger than the API's 1 MiB for other bodies (a file the rows do not name).
            let back = ShopAndCatalogAPITests.png + Data([0])
            var generator = SystemRandomNumberGenerator()
            let noise = Data((0..<1_500_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let (body, _) = Self.multipart([
                (
                    "photos", "application/zip",
                    try Self.zip(["pin.png": ShopAndCatalogAPITests.png, "back.png": back, "notes.bin": noise])
                ),
                ("file", "text/csv", csv),
            ])
            #expect(body.count > app.jishi.config.http.maxBodyBytes)
            let done = try await app.send(.POST, Self.importPath(), bytes: body, contentType: type, token: seller)
            #expect(done.status == .ok, "\(done.body.string)")
            #expect(try done.json()["photosAdded"] as? Int == 2)
            let product = try #require(try await Product.query(on: app.db).filter(\.$title == "带照片的发簪").first())
            let stored = try await ProductPhoto.query(on: app.db).filter(\.$product.$id == product.requireID())
                .sort(\.$position).all()
            #expect(stored.map(\.byteCount) == [ShopAndCatalogAPITests.png.count, back.count])
            #expect(
                try Data(contentsOf: app.jishi.photos.url(of: try #require(stored.last).fileName)) == back)

            // The form may be the API's limit, the contract's bound of `photos` (64 MiB) and 64 KiB
            // of framing, no more.
            let most = app.jishi.config.http.maxBodyBytes + 64 * 1024 * 1024 + 64 * 1024
            let tooLong = try await app.send(
                .POST, Self.importPath(), bytes: Data(count: most + 1), contentType: type, token: seller)
            try tooLong.expectProblem(.payloadTooLarge)
        }
    }

    @Test(arguments: TestStore.available)
    func theExportAndItsPhotosLoadTheCatalogueIntoAnotherShop(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let seller = try await app.logIn("seller", password: DemoCounty.password)
            let farm = DemoMarket.id("shop.farm").uuidString.lowercased()
            let furniture = DemoMarket.id("shop.furniture")
            let csv = try await app.send(
                .GET, "/api/v1/shops/\(farm)/catalogue/export", token: seller, headers: [("Accept", "text/csv")])
            #expect(csv.status == .ok)
            let zip = try await app.send(
                .GET, "/api/v1/shops/\(farm)/catalogue/export/photos", token: seller,
                headers: [("Accept", "application/zip")])
            #expect(zip.status == .ok, "\(zip.body.string)")
            #expect(zip.headers.contentType?.description.hasPrefix("application/zip") == true)
            let zipped = Data(buffer: zip.body)
            #expect(zip.headers.first(name: .contentLength).flatMap(Int.init) == zipped.count)

            // Every photo the CSV names is in the ZIP under that name, with the store's bytes.
            let text = csv.body.string
            let named = Set(
                text.split(separator: "\r\n").dropFirst().compactMap {
                    $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().last
                }
                .flatMap { $0.split(separator: "|").map(String.init) }.filter { !$0.isEmpty })
            let farmPhotos = try await ProductPhoto.query(on: app.db)
                .join(Product.self, on: \ProductPhoto.$product.$id == \Product.$id)
                .filter(Product.self, \.$shop.$id == DemoMarket.id("shop.farm")).count()
            #expect(named.count == farmPhotos && farmPhotos > 0)
            let archive = try Archive(data: zipped, accessMode: .read)
            var entries: [String: Data] = [:]
            for entry in archive {
                var bytes = Data()
                _ = try archive.extract(entry) { bytes.append($0) }
                entries[entry.path] = bytes
            }
            #expect(Set(entries.keys) == named)
            for (name, bytes) in entries {
                #expect(try Data(contentsOf: app.jishi.photos.url(of: name)) == bytes)
            }

            // Both into another shop: its products, variants and photos come with them.
            let before = try await Product.query(on: app.db).filter(\.$shop.$id == furniture).count()
            let (body, type) = Self.multipart([
                ("file", "text/csv", Data(text.utf8)), ("photos", "application/zip", zipped),
            ])
            let loaded = try await app.send(
                .POST, "/api/v1/shops/\(furniture.uuidString.lowercased())/catalogue/import", bytes: body,
                contentType: type, token: seller)
            #expect(loaded.status == .ok, "\(loaded.body.string)")
            let counts = try loaded.json()
            #expect(counts["photosAdded"] as? Int == farmPhotos)
            #expect(counts["productsUpdated"] as? Int == 0)
            let added = try #require(counts["productsCreated"] as? Int)
            #expect(try await Product.query(on: app.db).filter(\.$shop.$id == furniture).count() == before + added)

            // The page's download is the same ZIP.
            var browser = try await WebMarketPageTests.signedIn(app, "seller", language: "zh-CN")
            let page = try await browser.get("/shops/\(farm)/catalogue/import")
            #expect(page.body.string.contains("/shops/\(farm)/catalogue/export/photos"))
            #expect(page.body.string.contains("下载照片（ZIP）"))
            let download = try await browser.get("/shops/\(farm)/catalogue/export/photos")
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentDisposition)?.contains(".zip") == true)
            let pageArchive = try Archive(data: Data(buffer: download.body), accessMode: .read)
            #expect(Set(pageArchive.map(\.path)) == named)
        }
    }

    @Test(arguments: TestStore.available)
    func someoneNotOfTheShopIsRefused(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let stranger = try await app.registerAndLogIn("stranger", role: "seller")
            let products = try await Product.query(on: app.db).count()
            let imported = try await app.send(
                .POST, Self.importPath(), bytes: Data(Self.good.utf8), contentType: "text/csv", token: stranger)
            #expect(imported.status == .notFound)
            let exported = try await app.send(
                .GET, "/api/v1/shops/\(Self.shopID)/catalogue/export", token: stranger,
                headers: [("Accept", "text/csv")])
            #expect(exported.status == .notFound)
            let photos = try await app.send(
                .GET, "/api/v1/shops/\(Self.shopID)/catalogue/export/photos", token: stranger)
            #expect(photos.status == .notFound)
            let nobody = try await app.send(
                .POST, Self.importPath(), bytes: Data(Self.good.utf8), contentType: "text/csv")
            #expect(nobody.status == .unauthorized)
            #expect(try await Product.query(on: app.db).count() == products)
        }
    }

    @Test(arguments: TestStore.available)
    func thePageImportsAFileAndListsEveryBadLineInBothLanguages(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            // The demo seller reads Chinese; the page then switches to English.
            var seller = try await WebMarketPageTests.signedIn(app, "seller", language: "zh-CN")
            let shop = try await seller.get("/shops/\(Self.shopID)").body.string
            #expect(shop.contains(#"href="/shops/\#(Self.shopID)/catalogue/import""#))
            let path = "/shops/\(Self.shopID)/catalogue/import"
            let form = try await seller.get(path)
            #expect(form.status == .ok)
            #expect(form.body.string.contains(#"enctype="multipart/form-data""#))
            #expect(form.body.string.contains(#"href="/shops/\#(Self.shopID)/catalogue/export""#))
            let token = try #require(seller.csrfToken)
            let products = try await Product.query(on: app.db).count()

            let zh = try await WebMarketPageTests.postMultipart(
                app, seller, path, fields: [("csrf", token)], files: [("file", "bad.csv", Array(Self.bad.utf8))])
            #expect(zh.status == .unprocessableEntity)
            #expect(zh.body.string.contains("第 3 行，price_minor 列"))
            #expect(zh.body.string.contains("第 4 行，category 列"))
            #expect(zh.body.string.contains("什么都没有写入"))
            #expect(try await Product.query(on: app.db).count() == products)

            try await seller.post("/language", [("lang", "en"), ("next", path)])
            _ = try await seller.get(path)
            let englishToken = try #require(seller.csrfToken)
            let refused = try await WebMarketPageTests.postMultipart(
                app, seller, path, fields: [("csrf", englishToken)],
                files: [("file", "bad.csv", Array(Self.bad.utf8))])
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.contains("Line 3, column price_minor"), "\(page)")
            #expect(page.contains("Line 4, column category"))
            #expect(page.contains("Nothing was written"))
            #expect(try await Product.query(on: app.db).count() == products)

            let done = try await WebMarketPageTests.postMultipart(
                app, seller, path, fields: [("csrf", englishToken)],
                files: [("file", "good.csv", Array(Self.good.utf8))])
            #expect(done.status == .ok, "\(done.body.string)")
            #expect(done.body.string.contains("Products: 2 added, 0 updated. Variants: 3 added"))
            #expect(try await Product.query(on: app.db).count() == products + 2)

            let csv = try await seller.get("/shops/\(Self.shopID)/catalogue/export")
            #expect(csv.status == .ok)
            #expect(csv.body.string.hasPrefix(CatalogFile.header) && csv.body.string.contains("ZAN-R"))
        }
    }

    @Test(arguments: TestStore.available)
    func thePageTakesPhotosInAZipAndRefusesAFileThatIsNotOne(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            var seller = try await WebMarketPageTests.signedIn(app, "seller", language: "zh-CN")
            let path = "/shops/\(Self.shopID)/catalogue/import"
            _ = try await seller.get(path)
            let token = try #require(seller.csrfToken)
            let csv = Array(
                [Self.header, "pin,ZAN-P,带照片的发簪,costumes,红色,4500,5,pin.png,true"].joined(separator: "\n").utf8)
            let products = try await Product.query(on: app.db).count()
            let notAZip = try await WebMarketPageTests.postMultipart(
                app, seller, path, fields: [("csrf", token)],
                files: [("file", "a.csv", csv), ("photos", "photos.zip", Array("hello".utf8))])
            #expect(notAZip.status == .badRequest)
            #expect(notAZip.body.string.contains("照片文件不是 ZIP 压缩包"))
            #expect(try await Product.query(on: app.db).count() == products)

            let url = FileManager.default.temporaryDirectory.appendingPathComponent("photos-\(UUID()).zip")
            defer { try? FileManager.default.removeItem(at: url) }
            let png = ShopAndCatalogAPITests.png
            do {
                let archive = try Archive(url: url, accessMode: .create)
                try archive.addEntry(
                    with: "photos/pin.png", type: .file, uncompressedSize: Int64(png.count),
                    compressionMethod: .deflate
                ) { position, size in png.subdata(in: Int(position)..<Int(position) + size) }
            }
            let done = try await WebMarketPageTests.postMultipart(
                app, seller, path, fields: [("csrf", token)],
                files: [("file", "a.csv", csv), ("photos", "photos.zip", Array(try Data(contentsOf: url)))])
            #expect(done.status == .ok, "\(done.body.string)")
            #expect(done.body.string.contains("照片：新增 1"))
            let product = try #require(try await Product.query(on: app.db).filter(\.$title == "带照片的发簪").first())
            #expect(try await ProductPhoto.query(on: app.db).filter(\.$product.$id == product.requireID()).count() == 1)
        }
    }

    /// A file of `rows` products (one variant each), larger than the page waits for from about
    /// 2,200 rows.
    static func many(_ rows: Int, from first: Int = 0) -> [UInt8] {
        let lines = (first..<(first + rows)).map {
            "bulk\($0),BULK-\($0),批量导入的测试商品第\($0)号，织金马面裙配鎏金发簪,costumes,红色,\(4500 + $0),5,,true"
        }
        return Array(([header] + lines).joined(separator: "\n").utf8)
    }

    @Test(arguments: TestStore.available)
    func aLargeFileIsImportedInTheBackgroundAndItsPageFollowsIt(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            var seller = try await WebMarketPageTests.signedIn(app, "seller", language: "zh-CN")
            let path = "/shops/\(Self.shopID)/catalogue/import"
            _ = try await seller.get(path)
            let token = try #require(seller.csrfToken)
            let file = Self.many(2_500)
            #expect(file.count > CatalogImportPage.inlineBytes)
            let products = try await Product.query(on: app.db).count()
            let sent = try await WebMarketPageTests.postMultipart(
                app, seller, path, fields: [("csrf", token)], files: [("file", "big.csv", file)])
            #expect(sent.status == .seeOther)
            let runPath = try #require(sent.headers.first(name: .location))
            #expect(runPath.hasPrefix("/shops/\(Self.shopID)/catalogue/imports/"))
            #expect(try await Product.query(on: app.db).count() == products)

            let waiting = try await seller.get(runPath)
            #expect(waiting.status == .ok)
            #expect(waiting.body.string.contains(#"http-equiv="refresh""#))
            #expect(waiting.body.string.contains("导入 big.csv"))
            #expect(waiting.body.string.contains("排队中"))

            #expect(try await app.jishi.jobs.runDue(on: app.db) >= 1)
            let done = try await seller.get(runPath)
            #expect(done.status == .ok)
            #expect(!done.body.string.contains(#"http-equiv="refresh""#))
            #expect(done.body.string.contains("商品：新增 2,500"), "\(done.body.string)")
            #expect(try await Product.query(on: app.db).count() == products + 2_500)
            // While the search's ranked index is made again after a big write, the run's row says
            // so, and a page from a server that is not running it (no progress of its own) too.
            let runID = try #require(runPath.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })
            let row = try #require(try await CatalogImportRun.find(runID, on: app.db))
            (row.status, row.done, row.total) = (.indexing, 0, 2_500)
            try await row.save(on: app.db)
            let indexing = try await seller.get(runPath)
            #expect(indexing.body.string.contains(#"http-equiv="refresh""#))
            #expect(indexing.body.string.contains("重建搜索索引中"), "\(indexing.body.string)")
            #expect(indexing.body.string.contains("搜索正在为这 2,500 件商品重建排序索引"))
            (row.status, row.done, row.total) = (.done, 2_500, 2_500)
            try await row.save(on: app.db)
            // The import page lists it among the shop's recent imports.
            let form = try await seller.get(path)
            #expect(form.body.string.contains(#"href="\#(runPath)""#))
            #expect(form.body.string.contains("已导入"))

            // A large bad file: the run lists its lines and columns, and nothing is written.
            var bad = Self.many(2_500, from: 5_000)
            bad += Array("\nbad,BAD-1,坏的一行,costumes,红色,abc,5,,true".utf8)
            let refusedRun = try await WebMarketPageTests.postMultipart(
                app, seller, path, fields: [("csrf", token)], files: [("file", "bad.csv", bad)])
            let refusedPath = try #require(refusedRun.headers.first(name: .location))
            #expect(try await app.jishi.jobs.runDue(on: app.db) >= 1)
            try await seller.post("/language", [("lang", "en"), ("next", refusedPath)])
            let refused = try await seller.get(refusedPath)
            #expect(refused.body.string.contains("refused: 1 problems"), "\(refused.body.string)")
            #expect(refused.body.string.contains("Line 2502, column price_minor"))
            #expect(try await Product.query(on: app.db).count() == products + 2_500)

            // Someone else's shop's run is not found.
            var buyer = try await WebMarketPageTests.signedIn(app, "buyer", language: "en")
            #expect(try await buyer.get(runPath).status == .notFound)
        }
    }

    @Test(arguments: TestStore.available)
    func thePageIsTheShopStaffsOnly(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            var buyer = try await WebMarketPageTests.signedIn(app, "buyer", language: "en")
            let page = try await buyer.get("/shops/\(Self.shopID)/catalogue/import")
            #expect(page.status == .notFound)
            let csv = try await buyer.get("/shops/\(Self.shopID)/catalogue/export")
            #expect(csv.status == .notFound)
        }
    }
}
