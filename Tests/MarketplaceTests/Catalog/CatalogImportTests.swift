import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Marketplace
import SQLKit
import Testing
import ZIPFoundation

/// A shop's catalogue loaded from CSV, updated by SKU, refused whole when a row is bad, and
/// written back out in the same format.
@Suite("Catalogue import and export")
struct CatalogImportTests {
    static let header =
        "product_ref,sku,title,description,category,variant_name,price_minor,stock,weight_grams,photos,listed"

    static func csv(_ lines: [String]) -> Data { Data(([header] + lines).joined(separator: "\n").utf8) }

    static let twoProducts = csv([
        "dress,MMQ-R-L,明制马面裙,织金马面裙,costumes,正红 L,16800,5,600,,true",
        "dress,MMQ-B-M,明制马面裙,,costumes,宝蓝 M,15800,3,600,,",
        "garlic,SUAN-5KG,金乡大蒜 5 斤,\"新蒜, 当季\",farm,,3990,100,2500,,",
    ])

    static func importer(_ fixture: MarketplaceFixture) -> CatalogImport { CatalogImport(context: fixture.context) }

    /// The shop's variants as (product title, sku, name, price, stock, weight), by SKU.
    static func variants(_ fixture: MarketplaceFixture) async throws -> [String] {
        let products = try await Product.query(on: fixture.county.db).filter(\.$shop.$id == fixture.shop.requireID())
            .with(\.$variants).all()
        return products.flatMap { product in
            product.variants.map {
                "\(product.title)|\(product.listed)|\($0.sku)|\($0.name)|\($0.priceMinor)|\($0.stock)|\($0.weightGrams)"
            }
        }.sorted()
    }

    @Test(arguments: TestStore.available)
    func aGoodFileCreatesProductsWithVariantsPricesAndStock(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let seen = Seen()
            let outcome = try await Self.importer(fixture).run(
                Self.twoProducts, into: try fixture.shop.requireID(), by: fixture.seller, on: county.db,
                progress: { seen.add($0) })
            #expect(outcome.productsAdded == 2)
            #expect(outcome.variantsAdded == 3)
            #expect(outcome.variantsUpdated == 0)
            #expect(
                try await Self.variants(fixture) == [
                    "明制马面裙|true|MMQ-B-M|宝蓝 M|15800|3|600", "明制马面裙|true|MMQ-R-L|正红 L|16800|5|600",
                    "金乡大蒜 5 斤|true|SUAN-5KG||3990|100|2500",
                ])
            let garlic = try #require(try await Product.query(on: county.db).filter(\.$title == "金乡大蒜 5 斤").first())
            #expect(garlic.description == "新蒜, 当季")
            #expect(garlic.$category.id == CategoryTaxonomy.id(for: "farm"))
            #expect(garlic.$originVillage.id == fixture.shop.$village.id)
            // The products are on sale like one added by hand.
            let (_, variants) = try await fixture.catalog.product(try garlic.requireID(), viewer: nil, on: county.db)
            #expect(variants.map(\.price) == [Money(minorUnits: 3990)])
            // Progress: rows checked, then rows written (2 products, 3 variants and the products'
            // 2 search rows), counted up to the total before the import says it is done.
            let updates = seen.all
            #expect(updates.first?.stage == .checking)
            #expect(updates.last == CatalogImport.Progress(stage: .writing, done: 7, total: 7))
            #expect(updates.dropLast().last == CatalogImport.Progress(stage: .writing, done: 7, total: 7))
        }
    }

    @Test(arguments: TestStore.available)
    func importingAgainUpdatesBySKUAndNeverDuplicates(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let shopID = try fixture.shop.requireID()
            _ = try await Self.importer(fixture).run(Self.twoProducts, into: shopID, on: county.db)
            let again = try await Self.importer(fixture).run(Self.twoProducts, into: shopID, on: county.db)
            #expect(again.productsAdded == 0)
            #expect(again.productsUpdated == 0)
            #expect(again.variantsUnchanged == 3)
            // A new price and stock for one variant, a new variant, a new title; columns left out
            // (weight, photos, listed) stay as they are.
            let changed = Data(
                """
                sku,product_ref,title,category,price_minor,stock,variant_name
                MMQ-R-L,any-ref,明制马面裙 新款,costumes,17800,2,正红 L
                MMQ-R-XL,any-ref,,,17800,4,正红 XL
                SUAN-5KG,g,金乡大蒜 5 斤,farm,3990,100,
                """.utf8)
            let outcome = try await Self.importer(fixture).run(changed, into: shopID, on: county.db)
            #expect(outcome.productsAdded == 0)
            #expect(outcome.productsUpdated == 1)
            #expect(outcome.variantsAdded == 1)
            #expect(outcome.variantsUpdated == 1)
            #expect(outcome.variantsUnchanged == 1)
            #expect(try await Product.query(on: county.db).count() == 2)
            #expect(
                try await Self.variants(fixture) == [
                    "明制马面裙 新款|true|MMQ-B-M|宝蓝 M|15800|3|600", "明制马面裙 新款|true|MMQ-R-L|正红 L|17800|2|600",
                    "明制马面裙 新款|true|MMQ-R-XL|正红 XL|17800|4|0", "金乡大蒜 5 斤|true|SUAN-5KG||3990|100|2500",
                ])
        }
    }

    @Test(arguments: TestStore.available)
    func aBadFileNamesEveryLineAndColumnAndWritesNothing_fails(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let bad = Self.csv([
                "a,A1,好衣服,,costumes,,16800,5,,,",
                "b,B1,,,no-such-category,,0,-1,,,maybe",
                "c,,衣服,,costumes,,12.5,x,,,",
                "a,A1,好衣服,,costumes,,16800,5,,,",
                "a,A2,另一个标题,,costumes,,100,1,,missing.jpg,",
                "d,D1," + String(repeating: "长", count: 121) + ",,costumes,,100,1,,,",
            ])
            let refused = await #expect(throws: CSVFile.Refused.self) {
                _ = try await Self.importer(fixture).run(bad, into: try fixture.shop.requireID(), on: county.db)
            }
            let errors = try #require(refused).errors.map { "\($0.line):\($0.column ?? "")" }
            #expect(
                errors == [
                    "3:category", "3:listed", "3:price_minor", "3:stock", "3:title", "4:price_minor", "4:sku",
                    "4:stock", "5:sku", "6:photos", "6:title", "7:title",
                ])
            #expect(try await Product.query(on: county.db).count() == 0)
            #expect(try await Variant.query(on: county.db).count() == 0)
            // A header without a required column is refused on line 1, naming it.
            let headless = await #expect(throws: CSVFile.Refused.self) {
                _ = try await Self.importer(fixture).run(
                    Data("sku,title\nA,B\n".utf8), into: try fixture.shop.requireID(), on: county.db)
            }
            #expect(
                try #require(headless).errors.first
                    == .init(line: 1, column: "product_ref", message: "The header lacks this column."))
        }
    }

    /// A linked listing's variants are the producer's: an import naming one is refused.
    @Test(arguments: TestStore.available)
    func aLinkedVariantIsNotOverwritten_fails(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let shopID = try fixture.shop.requireID()
            _ = try await Self.importer(fixture).run(Self.twoProducts, into: shopID, on: county.db)
            let source = try #require(try await Variant.query(on: county.db).filter(\.$sku == "MMQ-B-M").first())
            try await Variant.query(on: county.db).filter(\.$sku == "SUAN-5KG").set(\.$sourceVariantID, to: source.id)
                .update()
            let refused = await #expect(throws: CSVFile.Refused.self) {
                _ = try await Self.importer(fixture).run(
                    Self.csv(["garlic,SUAN-5KG,金乡大蒜 5 斤,,farm,,1,1,,,"]), into: shopID, on: county.db)
            }
            #expect(try #require(refused).errors.map(\.line) == [2])
            #expect(try #require(refused).errors.map(\.column) == ["sku"])
            #expect(try await Variant.query(on: county.db).filter(\.$sku == "SUAN-5KG").first()?.priceMinor == 3990)
        }
    }

    /// Export, then import the export: nothing changes, and a second export is the same file.
    /// Codes numbered per product (two products with SKU "1") are told apart by the exported
    /// product id.
    @Test(arguments: TestStore.available)
    func exportThenImportChangesNothing(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let shopID = try fixture.shop.requireID()
            let photos = try Self.photoStore()
            defer { try? FileManager.default.removeItem(at: photos.directory) }
            _ = try await Self.importer(fixture).run(
                Self.csv([
                    "dress,MMQ-R-L,\"-明制, \"\"马面裙\"\"\",\"织金\n马面裙\",costumes,正红 L,16800,5,600,a.png,false",
                    "dress,MMQ-B-M,,,,宝蓝 M,15800,3,600,,",
                ]),
                photos: PhotoFiles(["a.png": Self.png(1)]), store: photos, into: shopID, on: county.db)
            _ = try await fixture.product("童装", variants: [("", 1_000, 1), ("", 2_000, 2)])
            _ = try await fixture.product("汉服", variants: [("", 3_000, 3)])
            let before = try await Self.state(county.db)
            let first = try await Self.export(shopID, county.db)
            #expect(first.hasPrefix(Self.header + "\r\n"))
            #expect(first.components(separatedBy: "\r\n").count == 1 + 5 + 1)
            let outcome = try await Self.importer(fixture).run(Data(first.utf8), into: shopID, on: county.db)
            #expect(outcome.variantsUnchanged == 5)
            #expect(outcome.productsUpdated == 0)
            #expect(outcome.variantsUpdated == 0)
            #expect(outcome.photosAdded == 0)
            #expect(try await Self.state(county.db) == before)
            #expect(try await Self.export(shopID, county.db) == first)
            // Without the ids, the numbered codes could be either product's: refused, not guessed.
            let anonymous = Self.csv(["x,1,童装,,costumes,,1000,1,,,"])
            await #expect(throws: CSVFile.Refused.self) {
                _ = try await Self.importer(fixture).run(anonymous, into: shopID, on: county.db)
            }
        }
    }

    @Test(arguments: TestStore.available)
    func photosComeFromAZipBesideTheFile(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let shopID = try fixture.shop.requireID()
            let photos = try Self.photoStore()
            let zip = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID()).zip")
            defer {
                try? FileManager.default.removeItem(at: photos.directory)
                try? FileManager.default.removeItem(at: zip)
            }
            try Self.zip(
                [("shop/front.png", Self.png(1)), ("shop/back.jpg", Self.jpeg(2)), ("fake.png", Self.jpeg(3))], to: zip)
            let file = Self.csv(["dress,R-L,马面裙,,costumes,,16800,5,,front.png|back.jpg,"])
            let outcome = try await Self.importer(fixture).run(
                file, photos: try PhotoArchive(url: zip), store: photos, into: shopID, on: county.db)
            #expect(outcome.photosAdded == 2)
            let rows = try await ProductPhoto.query(on: county.db).sort(\.$position).all()
            #expect(rows.map(\.format) == [.png, .jpeg])
            #expect(rows.map(\.position) == [0, 1])
            #expect(try Data(contentsOf: photos.url(of: rows[1].fileName)) == Self.jpeg(2))
            // The same photos again are the ones the product has.
            let again = try await Self.importer(fixture).run(
                file, photos: try PhotoArchive(url: zip), store: photos, into: shopID, on: county.db)
            #expect(again.photosAdded == 0)
            #expect(try await ProductPhoto.query(on: county.db).count() == 2)
            // A photo that is not what its name says, or not in the ZIP at all: refused.
            let refused = await #expect(throws: CSVFile.Refused.self) {
                _ = try await Self.importer(fixture).run(
                    Self.csv(["dress,R-L,马面裙,,costumes,,16800,5,,fake.png|gone.png,"]),
                    photos: try PhotoArchive(url: zip), store: photos, into: shopID, on: county.db)
            }
            #expect(try #require(refused).errors.map(\.column) == ["photos", "photos"])
            #expect(try await ProductPhoto.query(on: county.db).count() == 2)
        }
    }

    /// As for adding one product: only the shop's staff (or the county office, without a
    /// principal), and only into an active shop.
    @Test(arguments: TestStore.available)
    func onlyTheShopsStaffImportAndOnlyIntoAnActiveShop_fails(store: TestStore) async throws {
        try await withTestMarket(on: store) { county in
            let fixture = try await MarketplaceFixture.make(county)
            let shopID = try fixture.shop.requireID()
            let stranger = try await MarketplaceFixture.makeAccount(county, "stranger", roles: [.seller])
            await #expect(throws: Problem.notFound("The shop", field: "shopId")) {
                _ = try await Self.importer(fixture).run(Self.twoProducts, into: shopID, by: stranger, on: county.db)
            }
            try await Shop.query(on: county.db).filter(\.$id == shopID).set(\.$status, to: .suspended).update()
            await #expect(throws: Problem.self) {
                _ = try await Self.importer(fixture).run(Self.twoProducts, into: shopID, on: county.db)
            }
            #expect(try await Product.query(on: county.db).count() == 0)
        }
    }

    // MARK: - Helpers

    static func png(_ seed: UInt8) -> Data { Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, seed, seed]) }
    static func jpeg(_ seed: UInt8) -> Data { Data([0xFF, 0xD8, 0xFF, 0xE0, seed, seed]) }

    /// A ZIP of `files`, closed before it is read.
    static func zip(_ files: [(String, Data)], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, bytes) in files {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        }
    }

    static func photoStore() throws -> PhotoStore {
        PhotoStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("photos-\(UUID())"))
    }

    static func export(_ shopID: UUID, _ db: any Database) async throws -> String {
        let text = Text()
        try await CatalogExport().run(shopID: shopID, on: db) { text.append(String(decoding: $0, as: UTF8.self)) }
        return text.value
    }

    /// Every catalogue row that an import could change, as text.
    static func state(_ db: any Database) async throws -> [String] {
        let products = try await Product.query(on: db).all().map {
            "\($0.id!)|\($0.title)|\($0.description)|\($0.$category.id)|\($0.listed)|\(String(describing: $0.$originVillage.id))"
        }
        let variants = try await Variant.query(on: db).all().map {
            "\($0.id!)|\($0.$product.id)|\($0.sku)|\($0.name)|\($0.priceMinor)|\($0.stock)|\($0.weightGrams)"
        }
        let photos = try await ProductPhoto.query(on: db).all().map { "\($0.id!)|\($0.position)|\($0.byteCount)" }
        return (products + variants + photos).sorted()
    }
}

/// Progress updates, gathered from the import's callback.
final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var updates: [CatalogImport.Progress] = []
    func add(_ update: CatalogImport.Progress) { lock.withLock { updates.append(update) } }
    var all: [CatalogImport.Progress] { lock.withLock { updates } }
}

final class Text {
    private var parts: [String] = []
    func append(_ part: String) { parts.append(part) }
    var value: String { parts.joined() }
}
