import FluentKit
import Foundation
import JishiKit
import SQLKit

extension CatalogImport {
    /// Products re-indexed for search at a time.
    static let reindexChunk = 1_000

    /// Stores the new photos' files, then writes the plan in one transaction (a few hundred rows
    /// to a statement); if the transaction fails, the files written are removed again.
    func write(
        _ plan: Plan, photos: (any PhotoSource)?, store: PhotoStore?, on database: any Database,
        progress: @escaping @Sendable (Progress) -> Void,
        beforeIndexing: @escaping @Sendable (_ products: Int) async -> Void = { _ in }
    ) async throws -> Outcome {
        // The changed products' search rows count too: with RUM kept at a million products,
        // writing them took 460 s of an import's 685.
        let total = plan.products.count + plan.variants.count + plan.photos.count + plan.changed.count
        progress(Progress(stage: .writing, done: 0, total: total))
        var saved: [String] = []
        do {
            if !plan.photos.isEmpty {
                guard let photos, let store else { throw Problem.validation("photos", "No photos were given.") }
                for photo in plan.photos {
                    guard let bytes = try photos.photo(named: photo.source) else {
                        throw Problem.validation("photos", "\(photo.source) is gone from the photos.")
                    }
                    try store.save(bytes, as: photo.fileName)
                    saved.append(photo.fileName)
                }
            }
            let context = self.context
            let changed = plan.changed.count
            // Many products at once: the RUM index is set aside and made again afterwards.
            try await SearchIndex.withRankedIndexAside(
                rows: changed, threshold: rankedIndexAsideFrom, on: database,
                rebuilding: { over in
                    progress(Progress(stage: .indexing, done: over ? changed : 0, total: changed))
                    if !over { await beforeIndexing(changed) }
                }
            ) {
                try await context.transactions.transaction(on: database) { db in
                    try await Self.writeRows(
                        plan, at: context.dependencies.now(), observer: context.listingObserver, on: db,
                        counter: Counter(total: total, progress: progress))
                }
                progress(Progress(stage: .writing, done: total, total: total))
            }
        } catch {
            for name in saved { store?.remove(name) }
            throw error
        }
        return plan.outcome
    }
}

extension CatalogImport {
    /// The plan's rows, in the import's transaction: products, variants and photos a few hundred
    /// to a statement, then the changed products' search rows (a thousand at a time, each
    /// thousand counted in the progress) and the listing observer.
    fileprivate static func writeRows(
        _ plan: Plan, at now: Date, observer: (any ListingObserver)?, on db: any Database, counter: Counter
    ) async throws {
        let sql = try db.sql()
        try await SearchIndex.holdBulkWrite(on: sql)
        var products = CatalogBatch(
            table: Product.schema,
            columns: [
                "id", "shop_id", "category_id", "title", "description", "origin_village_id", "listed", "created_at",
            ],
            updating: ["category_id", "title", "description", "listed"])
        for product in plan.products {
            // An existing row keeps its place and creation time: only `updating` is set.
            let origin: UUID? = product.isNew ? plan.villageID : nil
            products.append([
                product.id, plan.shopID, product.categoryID, product.title, product.description, origin,
                product.listed, now,
            ])
        }
        try await products.run(on: sql, written: counter.add)
        var variants = CatalogBatch(
            table: Variant.schema,
            columns: ["id", "product_id", "sku", "name", "price_minor", "currency", "stock", "weight_grams"],
            updating: ["name", "price_minor", "stock", "weight_grams"])
        for variant in plan.variants {
            variants.append([
                variant.id, variant.productID, variant.sku, variant.name, variant.priceMinor,
                Currency.cny.rawValue, variant.stock, variant.weightGrams,
            ])
        }
        try await variants.run(on: sql, written: counter.add)
        var photoRows = CatalogBatch(
            table: ProductPhoto.schema,
            columns: ["id", "product_id", "position", "format", "byte_count", "created_at"])
        for photo in plan.photos {
            photoRows.append([photo.id, photo.productID, photo.position, photo.format.rawValue, photo.byteCount, now])
        }
        try await photoRows.run(on: sql, written: counter.add)
        for start in stride(from: 0, to: plan.changed.count, by: reindexChunk) {
            let chunk = Array(plan.changed[start..<min(start + reindexChunk, plan.changed.count)])
            try await SearchIndex.reindex(productIDs: chunk, on: db)
            counter.add(chunk.count)
        }
        if let observer {
            try await observer.listingsChanged(plan.listingsChanged, on: db)
        }
    }
}

/// Rows written so far, told to the progress callback.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    let progress: @Sendable (CatalogImport.Progress) -> Void

    init(total: Int, progress: @escaping @Sendable (CatalogImport.Progress) -> Void) {
        self.total = total
        self.progress = progress
    }

    func add(_ count: Int) {
        lock.lock()
        done += count
        let done = self.done
        lock.unlock()
        progress(CatalogImport.Progress(stage: .writing, done: done, total: total))
    }
}
