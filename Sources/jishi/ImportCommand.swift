import ArgumentParser
import Foundation
import Insights
import JishiKit
import JishiServer
import Logistics
import Marketplace

/// `jishi import …`: files from outside into the county's database.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import files into the database.",
        subcommands: [
            ImportParcels.self, ImportRoads.self, ImportGeography.self, ImportShops.self, ImportSales.self,
            ImportProducts.self,
        ])

    /// The file's bytes; exit 2 naming it when it cannot be read.
    static func read(_ file: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            FileHandle.standardError.write(Data("error: cannot read \(file): \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Reads `file`, opens the store (migrated) and runs `body` on them; a CSV file refused by
    /// its import exits 2 naming every bad line and column.
    static func load<T: Sendable>(
        _ file: String, store: StoreOptions, _ body: @escaping @Sendable (JishiApp, Data) async throws -> T
    ) async throws -> T {
        let data = try read(file)
        do {
            return try await withApplication(try store.config()) { app in
                try await migrate(app)
                return try await body(app, data)
            }
        } catch let refused as CSVFile.Refused {
            try refuse(refused.errors, in: file)
        }
    }

    /// Prints every reason a file was refused, says nothing was written, and exits 2.
    static func refuse<E>(_ errors: [E], in file: String) throws -> Never {
        FileHandle.standardError.write(
            Data((errors.map { "error: \(file): \($0)" }.joined(separator: "\n") + "\n").utf8))
        FileHandle.standardError.write(Data("Nothing was written.\n".utf8))
        throw ExitCode(2)
    }
}

/// `jishi import parcels FILE.csv`: a carrier's manifest.
struct ImportParcels: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parcels",
        abstract: "Register the parcels of a CSV manifest (checked whole first; nothing is written if a row is bad).",
        discussion: """
            Columns (any order, a header row): carrier,tracking_number,direction,village_code,weight_grams,due_date; \
            optional recipient_name,recipient_phone,cod_minor. Parcels already registered are left alone, so a \
            file imported twice writes nothing the second time. Exit status 2 names every bad line and column.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The CSV file (UTF-8).") var file: String

    func run() async throws {
        let outcome = try await ImportCommand.load(file, store: store) { app, data in
            try await ParcelImport(dependencies: app.jishi.dependencies).run(data, on: app.db)
        }
        print("Imported \(outcome.added) parcels; \(outcome.unchanged) were registered already.")
    }
}

/// `jishi import roads FILE.geojson`: the county's road network, replacing the one loaded.
struct ImportRoads: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roads",
        abstract: "Replace the county's road network with a GeoJSON file (nothing is written if a feature is bad).",
        discussion: """
            A FeatureCollection of LineString or MultiLineString features, each with properties.speed_class \
            (expressway, national, provincial, county, village, track) or properties.speed_kmh, and optionally \
            properties.name. Optional top-level circuity and fallback_speed_kmh set the straight-line fallback. \
            Exit status 2 names every bad feature and field.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The GeoJSON file.") var file: String

    func run() async throws {
        let data = try ImportCommand.read(file)
        do {
            let outcome = try await withApplication(try store.config()) { app in
                try await migrate(app)
                return try await RoadImport(dependencies: app.jishi.dependencies).run(data, on: app.db)
            }
            print("Imported \(outcome.features) roads (\(outcome.lines) lines); network version \(outcome.version).")
        } catch let refused as RoadImport.Refused {
            try ImportCommand.refuse(refused.errors, in: file)
        }
    }
}

/// `jishi import geography FILE.csv`: the official division list of counties, towns and villages.
struct ImportGeography: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geography",
        abstract:
            "Load or update counties, towns and villages from the division list (nothing is written if a row is bad).",
        discussion: """
            Columns: county_code,county_name,town_code,town_name,town_kind,village_code,village_name,village_kind,\
            households,latitude,longitude, one row per village. town_kind is town, township or subdistrict; \
            village_kind administrative or residents. Places already there are updated by code, never duplicated. \
            Exit status 2 names every bad line and column.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The CSV file (UTF-8).") var file: String

    func run() async throws {
        let outcome = try await ImportCommand.load(file, store: store) { app, data in
            try await GeographyImport(context: app.jishi.insightsContext).run(data, on: app.db)
        }
        for (name, change) in [
            ("counties", outcome.counties), ("towns", outcome.towns), ("villages", outcome.villages),
        ] {
            print("\(name): \(change.added) added, \(change.updated) updated, \(change.unchanged) unchanged")
        }
    }
}

/// `jishi import shops FILE.csv`: shops the county's sellers run on other platforms.
struct ImportShops: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shops",
        abstract: "Register the county's shops on other platforms (nothing is written if a row is bad).",
        discussion: """
            Columns: platform,shop_ref,kind,village_code,opened_on,closed_on. kind is individual or enterprise; \
            dates are YYYY-MM-DD; closed_on is empty while the shop is open. A shop already registered (same \
            platform and shop_ref) is updated. Exit status 2 names every bad line and column.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The CSV file (UTF-8).") var file: String

    func run() async throws {
        let outcome = try await ImportCommand.load(file, store: store) { app, data in
            try await ShopsImport(context: app.jishi.insightsContext).run(data, on: app.db)
        }
        print("shops: \(outcome.added) added, \(outcome.updated) updated, \(outcome.unchanged) unchanged")
    }
}

/// `jishi import sales FILE.csv`: those shops' monthly orders and sales.
struct ImportSales: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sales",
        abstract: "Record the monthly sales of shops on other platforms (nothing is written if a row is bad).",
        discussion: """
            Columns: platform,shop_ref,month,orders,sales_minor. month is YYYY-MM; sales_minor is in fen. The \
            shop must be registered (jishi import shops). A shop's month already recorded is replaced. Exit \
            status 2 names every bad line and column.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The CSV file (UTF-8).") var file: String

    func run() async throws {
        let outcome = try await ImportCommand.load(file, store: store) { app, data in
            try await SalesImport(context: app.jishi.insightsContext).run(data, on: app.db)
        }
        print("sales: \(outcome.written) shop-months written")
    }
}

/// `jishi import products FILE.csv --shop SHOP [--photos FILE.zip]`: a shop's catalogue.
struct ImportProducts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products",
        abstract:
            "Load or update a shop's products, variants, prices, stock and photos (nothing is written if a row is bad).",
        discussion: """
            Columns: product_ref,sku,title,category,price_minor,stock; optional description,variant_name,\
            weight_grams,photos,listed. One row per variant; rows with the same product_ref are one product. \
            category is a category's code; price_minor is in fen; photos are file names in the ZIP, separated \
            by |; listed is true or false. A variant already in the shop (same SKU in its product) is updated, \
            so a file imported twice changes nothing the second time; `jishi export products` writes the same \
            format. Exit status 2 names every bad line and column.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The CSV file (UTF-8).") var file: String
    @Option(help: "The shop: its id, or its name when no other shop has it.") var shop: String
    @Option(help: "A ZIP file with the photos the rows name.") var photos: String?

    func run() async throws {
        let data = try ImportCommand.read(file)
        var archive: PhotoArchive?
        if let photos {
            do {
                archive = try PhotoArchive(url: URL(fileURLWithPath: photos))
            } catch {
                FileHandle.standardError.write(Data("error: cannot read \(photos): \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        let showProgress = isatty(STDERR_FILENO) == 1
        let progress: @Sendable (CatalogImport.Progress) -> Void = { update in
            guard showProgress else { return }
            let line =
                update.stage == .indexing
                ? "\rindexing the search's ranking again for \(update.total) products\(update.done == update.total ? ": done" : "")"
                : "\r\(update.stage.rawValue) \(update.done) of \(update.total) rows   "
            FileHandle.standardError.write(Data(line.utf8))
        }
        let reference = shop
        let outcome: CatalogImport.Outcome
        do {
            outcome = try await withApplication(try store.config()) { [archive] app in
                try await migrate(app)
                let shop = try await ShopReference.find(reference, on: app.db)
                return try await CatalogImport(context: app.jishi.marketplace).run(
                    data, photos: archive, store: app.jishi.photos, into: try shop.requireID(), on: app.db,
                    progress: progress)
            }
        } catch let refused as CSVFile.Refused {
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            try ImportCommand.refuse(refused.errors, in: file)
        } catch let problem as Problem {
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            FileHandle.standardError.write(
                Data("error: \(problem.detail ?? problem.title)\nNothing was written.\n".utf8))
            throw ExitCode(2)
        }
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        print(
            "products: \(outcome.productsAdded) added, \(outcome.productsUpdated) updated; variants: "
                + "\(outcome.variantsAdded) added, \(outcome.variantsUpdated) updated, \(outcome.variantsUnchanged) "
                + "unchanged; photos: \(outcome.photosAdded) added")
    }
}
