import ArgumentParser
import Foundation
import JishiKit
import JishiServer
import Marketplace

/// `jishi export …`: the county's data as files, in the formats its imports read.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export data as files that the imports read back.",
        subcommands: [ExportProducts.self])
}

/// `jishi export products --shop SHOP [--output FILE] [--photos FILE.zip]`: a shop's catalogue
/// and stock, and the photos it names.
struct ExportProducts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products",
        abstract:
            "Write a shop's products, variants, prices and stock as CSV (the format `jishi import products` reads).",
        discussion: """
            One row per variant: product_ref (the product's id),sku,title,description,category,variant_name,\
            price_minor,stock,weight_grams,photos,listed. photos names the files in the photo store \
            (JISHI_PHOTO_DIR); --photos writes those files into a ZIP under the same names, which \
            `jishi import products FILE.csv --photos FILE.zip` reads, into another shop or another county's Jishi. \
            Linked listings (another shop's products resold) are left out. Importing the file into the same shop \
            changes nothing.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The shop: its id, or its name when no other shop has it.") var shop: String
    @Option(help: "The file to write (default: standard output).") var output: String?
    @Option(help: "A ZIP file to write the photos the rows name into.") var photos: String?

    func run() async throws {
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil),
                let opened = FileHandle(forWritingAtPath: output)
            else {
                FileHandle.standardError.write(Data("error: cannot write \(output)\n".utf8))
                throw ExitCode(2)
            }
            handle = opened
        } else {
            handle = FileHandle.standardOutput
        }
        defer { if output != nil { try? handle.close() } }
        let reference = shop
        do {
            let zip = photos.map { URL(fileURLWithPath: $0) }
            let (rows, pictures) = try await withApplication(try store.config()) { app in
                try await migrate(app)
                let shopID = try await ShopReference.find(reference, on: app.db).requireID()
                let rows = try await CatalogExport().run(shopID: shopID, on: app.db) { piece in
                    try handle.write(contentsOf: piece)
                }
                guard let zip else { return (rows, nil as CatalogExport.Photos?) }
                // ZIPFoundation creates the archive and refuses a file that is there already.
                try? FileManager.default.removeItem(at: zip)
                return (
                    rows, try await CatalogExport().photos(shopID: shopID, store: app.jishi.photos, to: zip, on: app.db)
                )
            }
            if output != nil { FileHandle.standardError.write(Data("Wrote \(rows) variants.\n".utf8)) }
            if let pictures, let photos {
                FileHandle.standardError.write(Data("Wrote \(pictures.written) photos to \(photos).\n".utf8))
                if !pictures.missing.isEmpty {
                    FileHandle.standardError.write(
                        Data(
                            ("warning: \(pictures.missing.count) photos have no file in the photo store and are not "
                                + "in the ZIP: \(pictures.missing.prefix(5).joined(separator: ", "))\n").utf8))
                }
            }
        } catch let problem as Problem {
            FileHandle.standardError.write(Data("error: \(problem.detail ?? problem.title)\n".utf8))
            throw ExitCode(2)
        }
    }
}
