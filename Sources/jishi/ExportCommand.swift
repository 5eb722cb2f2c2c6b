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

/// `jishi export products --shop SHOP [--output FILE]`: a shop's catalogue and stock.
struct ExportProducts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products",
        abstract:
            "Write a shop's products, variants, prices and stock as CSV (the format `jishi import products` reads).",
        discussion: """
            One row per variant: product_ref (the product's id),sku,title,description,category,variant_name,\\
            price_minor,stock,weight_grams,photos,listed. photos names the files in the photo store \\
            (JISHI_PHOTO_DIR). Linked listings (another shop's products resold) are left out. Importing the file \\
            into the same shop changes nothing.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The shop: its id, or its name when no other shop has it.") var shop: String
    @Option(help: "The file to write (default: standard output).") var output: String?

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
            let rows = try await withApplication(try store.config()) { app in
                try await migrate(app)
                let shop = try await ShopReference.find(reference, on: app.db)
                return try await CatalogExport().run(shopID: try shop.requireID(), on: app.db) { piece in
                    try handle.write(contentsOf: piece)
                }
            }
            if output != nil { FileHandle.standardError.write(Data("Wrote \(rows) variants.\n".utf8)) }
        } catch let problem as Problem {
            FileHandle.standardError.write(Data("error: \(problem.detail ?? problem.title)\n".utf8))
            throw ExitCode(2)
        }
    }
}
