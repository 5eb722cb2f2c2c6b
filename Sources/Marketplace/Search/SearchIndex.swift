import FluentKit
import Foundation
import SQLKit

/// The product search index: one row per (product, term) in `search_terms`, with a weight
/// saying how strongly the term describes the product.
///
/// Kept in step with the catalogue by calling ``reindex(productID:on:)`` in the same
/// transaction as any change to a product's title, description or category. Weights: a term
/// in the title counts 10, each occurrence in the description 1 (at most 3), a term of the
/// category's Chinese or English name 2 — so a title match always outranks description noise.
public enum SearchIndex {
    public static let table = "search_terms"
    static let titleWeight = 10
    static let descriptionWeightCap = 3
    static let categoryWeight = 2
    /// Rows per INSERT, well under SQLite's and PostgreSQL's bind-parameter limits.
    static let insertBatch = 500

    /// The weighted terms of one product.
    public static func weightedTerms(title: String, description: String, category: Category?) -> [String: Int] {
        var weights: [String: Int] = [:]
        for term in Set(SearchTokenizer.terms(title)) { weights[term, default: 0] += titleWeight }
        var inDescription: [String: Int] = [:]
        for term in SearchTokenizer.terms(description) { inDescription[term, default: 0] += 1 }
        for (term, count) in inDescription { weights[term, default: 0] += min(count, descriptionWeightCap) }
        if let category {
            for term in Set(SearchTokenizer.terms(category.name + " " + category.nameEn)) {
                weights[term, default: 0] += categoryWeight
            }
        }
        return weights
    }

    /// Replaces the index rows of one product (removing them if the product is gone).
    /// Call inside the transaction that changed the product.
    public static func reindex(productID: UUID, on database: any Database) async throws {
        let sql = try sqlDatabase(database)
        try await sql.delete(from: table).where("product_id", .equal, productID).run()
        guard let product = try await Product.find(productID, on: database) else { return }
        let category = try await Category.find(product.$category.id, on: database)
        try await insert(
            [(productID, weightedTerms(title: product.title, description: product.description, category: category))],
            on: sql)
    }

    /// Rebuilds the whole index from the catalogue, in one transaction. Used by the migration
    /// that creates the index and after bulk imports.
    public static func rebuildAll(on database: any Database) async throws {
        try await database.transaction { db in
            let sql = try sqlDatabase(db)
            try await sql.delete(from: table).run()
            let categories = try await Category.query(on: db).all()
            let byID = Dictionary(categories.compactMap { c in c.id.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
            var lastID: UUID?
            while true {
                // Only the columns the index needs: this runs inside the migration that
                // creates the index, before later migrations add columns to `products`.
                var page = Product.query(on: db).field(\.$id).field(\.$title).field(\.$description)
                    .field(\.$category.$id).sort(\.$id).limit(1_000)
                if let lastID { page = page.filter(\.$id > lastID) }
                let products = try await page.all()
                guard let last = products.last else { break }
                try await insert(
                    try products.map { product in
                        (
                            try product.requireID(),
                            weightedTerms(
                                title: product.title, description: product.description,
                                category: byID[product.$category.id])
                        )
                    },
                    on: sql)
                lastID = try last.requireID()
            }
        }
    }

    private static func insert(_ products: [(UUID, [String: Int])], on sql: any SQLDatabase) async throws {
        var rows: [[any SQLExpression]] = []
        for (productID, weights) in products {
            // Sorted so that inserts are reproducible.
            for (term, weight) in weights.sorted(by: { $0.key < $1.key }) {
                rows.append([SQLBind(productID), SQLBind(term), SQLBind(weight)])
            }
        }
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(start + insertBatch, rows.endIndex)
            var builder = sql.insert(into: table).columns("product_id", "term", "weight")
            for row in rows[start..<end] { builder = builder.values(row) }
            try await builder.run()
            start = end
        }
    }

    static func sqlDatabase(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { throw SearchIndexError.notSQL }
        return sql
    }
}
