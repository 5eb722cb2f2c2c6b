import ArgumentParser
import FluentKit
import Foundation
import JishiKit
import JishiServer
import Marketplace
import Testing
import ZIPFoundation

@testable import jishi

/// `jishi import products` and `jishi export products`, as the county office runs them for a
/// shop of the demo county.
@Suite("Command line: a shop's catalogue in and out")
struct CatalogCommandTests {
    static let shop = "桃园农家"

    @Test func theOfficeImportsAShopsCatalogueExportsItAndRefusesABadFileWithExitCode2() async throws {
        let path = CommandLineTests.temporaryDatabase()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(at: directory)
        }
        func run(_ arguments: [String]) async throws {
            let command = try Jishi.parseAsRoot(
                arguments + ["--database-url", "sqlite:\(path)", "--log-level", "error"])
            guard var command = command as? any AsyncParsableCommand else {
                Issue.record("not an async command: \(arguments)")
                return
            }
            try await command.run()
        }
        let good = directory.appendingPathComponent("good.csv")
        let bad = directory.appendingPathComponent("bad.csv")
        let exported = directory.appendingPathComponent("export.csv")
        try Data(
            """
            product_ref,sku,title,category,price_minor,stock,variant_name
            garlic,SUAN-5KG,金乡大蒜 5 斤,farm,3990,100,5 斤装
            garlic,SUAN-10KG,金乡大蒜 5 斤,farm,6990,40,10 斤装
            """.utf8
        ).write(to: good)
        try Data(
            """
            product_ref,sku,title,category,price_minor,stock
            garlic,SUAN-5KG,金乡大蒜 5 斤,farm,0,100
            honey,FENG-1,,farm,100,-1
            """.utf8
        ).write(to: bad)
        try await #require(
            try Jishi.parseAsRoot(["seed", "--demo", "--database-url", "sqlite:\(path)", "--log-level", "error"])
                as? SeedCommand
        ).run()
        let config = JishiConfig(store: try JishiConfig.Store(databaseURL: "sqlite:\(path)"), logLevel: .error)
        func catalogue() async throws -> [String] {
            try await withApplication(config) { app in
                try await Variant.query(on: app.db).all().map { "\($0.sku)|\($0.name)|\($0.priceMinor)|\($0.stock)" }
                    .sorted()
            }
        }
        let demo = try await catalogue()

        try await run(["import", "products", good.path, "--shop", Self.shop])
        let imported = try await catalogue()
        #expect(imported.count == demo.count + 2)
        #expect(imported.contains("SUAN-10KG|10 斤装|6990|40"))
        // Twice is once.
        try await run(["import", "products", good.path, "--shop", Self.shop])
        #expect(try await catalogue() == imported)

        await #expect(throws: ExitCode(2)) { try await run(["import", "products", bad.path, "--shop", Self.shop]) }
        await #expect(throws: ExitCode(2)) { try await run(["import", "products", good.path, "--shop", "没有这个店"]) }
        #expect(try await catalogue() == imported)

        // The export reads back as the same catalogue.
        try await run(["export", "products", "--shop", Self.shop, "--output", exported.path])
        let text = try String(contentsOf: exported, encoding: .utf8)
        #expect(text.hasPrefix(CatalogFile.header + "\r\n"))
        #expect(text.contains(",SUAN-10KG,金乡大蒜 5 斤,,farm,10 斤装,6990,40,0,,true\r\n"))
        try await run(["import", "products", exported.path, "--shop", Self.shop])
        #expect(try await catalogue() == imported)

        // With its photos' ZIP, the export loads into another shop, photos and all.
        let zip = directory.appendingPathComponent("photos.zip")
        try await run(["export", "products", "--shop", Self.shop, "--output", exported.path, "--photos", zip.path])
        let rows = try CSVFile.rows(try Data(contentsOf: exported), required: ["photos"])
        let named = Set(rows.flatMap { $0["photos"].split(separator: "|").map(String.init) })
        #expect(!named.isEmpty)
        let entries = try Archive(url: zip, accessMode: .read).map(\.path)
        #expect(Set(entries) == named, "\(entries) against \(named)")
        func photos(of shop: String) async throws -> Int {
            try await withApplication(config) { app in
                let id = try #require(try await Shop.query(on: app.db).filter(\.$name == shop).first()?.requireID())
                return try await ProductPhoto.query(on: app.db).join(
                    Product.self, on: \ProductPhoto.$product.$id == \Product.$id
                )
                .filter(Product.self, \.$shop.$id == id).count()
            }
        }
        let other = "丁庄汉服坊"
        let before = try await photos(of: other)
        // The rows' SKUs are the farm's: another shop takes them under new products.
        try await run(["import", "products", exported.path, "--shop", other, "--photos", zip.path])
        #expect(try await photos(of: other) == before + named.count)
        let loaded = try await catalogue()
        // Every row of the export is a new variant there.
        #expect(loaded.count == imported.count + rows.count)
        // Without the ZIP, the photos the rows name are not that shop's: refused, nothing written.
        await #expect(throws: ExitCode(2)) {
            try await run(["import", "products", exported.path, "--shop", "桐木村实木家具"])
        }
        #expect(try await catalogue() == loaded)
    }
}
