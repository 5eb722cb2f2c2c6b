import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit
import ZIPFoundation

/// A shop's catalogue and stock as a ``CatalogFile``, the format ``CatalogImport`` reads:
/// importing the export into the same shop changes nothing. Each product's `product_ref` is its
/// id and its `photos` the names of its photos' files in the photo store. Linked listings
/// (another shop's products resold) are left out: they are the producer's.
///
/// The shop's products are read a page at a time in id order and written as they are read, so
/// memory stays bounded whatever the catalogue's size. ``photos(shopID:store:to:on:)`` writes
/// the photos the file names into a ZIP, under those names: with it, the file loads into
/// another shop, or another county's Jishi, photos and all.
public struct CatalogExport: Sendable {
    public static let pageSize = 1_000

    public init() {}

    /// The products a shop's export writes, as `products p`: its own, not the linked listings it
    /// sells for a supplier (those are the supplier's catalogue).
    static func exported(of shopID: UUID) -> SQLQueryString {
        "p.shop_id = \(bind: shopID) AND p.source_product_id IS NULL"
    }

    /// Writes the shop's catalogue to `write` in UTF-8 pieces (the header first), and returns
    /// how many variants (rows) it wrote.
    @discardableResult
    public func run(
        shopID: UUID, on database: any Database, write: (Data) async throws -> Void
    ) async throws -> Int {
        guard try await Shop.find(shopID, on: database) != nil else {
            throw Problem.notFound("The shop", field: "shopId")
        }
        let sql = try database.sql()
        let categories = Dictionary(
            try await Category.query(on: database).all().map { (try $0.requireID(), $0.code) },
            uniquingKeysWith: { a, _ in a })
        try await write(Data((CatalogFile.header + "\r\n").utf8))
        var rows = 0
        var after: UUID?
        while true {
            var query: SQLQueryString = """
                SELECT p.id, p.title, p.description, p.category_id, p.listed FROM products p
                WHERE \(Self.exported(of: shopID))
                """
            if let after {
                query.appendLiteral(" AND p.id > ")
                query.appendInterpolation(bind: after)
            }
            query.appendLiteral(" ORDER BY p.id LIMIT \(Self.pageSize)")
            let products = try await FastRows.all(
                query, as: (UUID, String, String, UUID, Bool).self,
                columns: ["id", "title", "description", "category_id", "listed"], on: sql)
            guard let last = products.last else { break }
            after = last.0
            let ids = products.map(\.0)
            let variants = Dictionary(
                grouping: try await FastRows.all(
                    """
                    SELECT product_id, sku, name, price_minor, stock, weight_grams FROM variants
                    WHERE \(Self.among("product_id", ids, on: sql)) ORDER BY product_id, sku
                    """,
                    as: (UUID, String, String, Int64, Int, Int).self,
                    columns: ["product_id", "sku", "name", "price_minor", "stock", "weight_grams"], on: sql),
                by: \.0)
            let photos = Dictionary(
                grouping: try await FastRows.all(
                    """
                    SELECT id, product_id, format FROM product_photos
                    WHERE \(Self.among("product_id", ids, on: sql)) ORDER BY product_id, position, created_at
                    """,
                    as: (UUID, UUID, String).self, columns: ["id", "product_id", "format"], on: sql),
                by: \.1)
            var text = ""
            for (id, title, description, categoryID, listed) in products {
                let names = (photos[id] ?? []).map { PhotoFormat.stored($0.2).fileName(of: $0.0) }
                for (_, sku, name, price, stock, weight) in variants[id] ?? [] {
                    text += CatalogFile.row(
                        productRef: id.uuidString.lowercased(), sku: sku, title: title, description: description,
                        category: categories[categoryID] ?? "", variantName: name, priceMinor: price, stock: stock,
                        weightGrams: weight, photos: names, listed: listed)
                    text += "\r\n"
                    rows += 1
                }
            }
            try await write(Data(text.utf8))
        }
        return rows
    }

    /// What ``photos(shopID:store:to:on:)`` wrote.
    public struct Photos: Sendable, Equatable {
        /// Photos in the ZIP.
        public var written = 0
        /// Photos with a row but no file in the store (a store restored from an older backup):
        /// left out, so importing the CSV elsewhere names them as missing.
        public var missing: [String] = []
    }

    /// Writes a new ZIP at `url` holding the file of every photo the catalogue's export names,
    /// at the archive's root under that name (`<id>.jpg`), stored as they are: photos are
    /// compressed already. One photo is read at a time; the photos' rows a page at a time.
    @discardableResult
    public func photos(shopID: UUID, store: PhotoStore, to url: URL, on database: any Database) async throws -> Photos {
        guard try await Shop.find(shopID, on: database) != nil else {
            throw Problem.notFound("The shop", field: "shopId")
        }
        let sql = try database.sql()
        let archive = try Archive(url: url, accessMode: .create)
        var done = Photos()
        var after: UUID?
        while true {
            var query: SQLQueryString = """
                SELECT ph.id, ph.format FROM product_photos ph JOIN products p ON p.id = ph.product_id
                WHERE \(Self.exported(of: shopID))
                """
            if let after {
                query.appendLiteral(" AND ph.id > ")
                query.appendInterpolation(bind: after)
            }
            query.appendLiteral(" ORDER BY ph.id LIMIT \(Self.pageSize)")
            let page = try await FastRows.all(query, as: (UUID, String).self, columns: ["id", "format"], on: sql)
            guard let last = page.last else { break }
            after = last.0
            for (id, format) in page {
                let name = PhotoFormat.stored(format).fileName(of: id)
                let file = store.url(of: name)
                guard FileManager.default.fileExists(atPath: file.path) else {
                    done.missing.append(name)
                    continue
                }
                try archive.addEntry(with: name, fileURL: file, compressionMethod: .none)
                done.written += 1
            }
        }
        return done
    }

    /// `column IN (…)` for a page of ids: one array on PostgreSQL, a list of binds on SQLite.
    static func among(_ column: String, _ ids: [UUID], on sql: any SQLDatabase) -> SQLQueryString {
        if sql.dialect.name == "postgresql" { return "\(unsafeRaw: column) = ANY(\(bind: ids)::uuid[])" }
        return "\(unsafeRaw: column) IN (\(binds: ids))"
    }
}
