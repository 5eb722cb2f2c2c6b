import Community
import FluentKit
import Foundation
import JishiKit

/// A shop's products, variants, prices, stock and photos loaded from a ``CatalogFile`` (a
/// seller's spreadsheet, or an earlier ``CatalogExport``), with the photos it names from a ZIP.
///
/// The whole file is checked first, by the same rules as adding or editing one product
/// (`CatalogService`'s), and with any bad row nothing is written and every bad line and column
/// is named (`CSVFile.Refused`). Then everything is written in one transaction, a few hundred
/// rows to a statement. A variant already in the shop (its product's SKU, or the product named
/// by an exported `product_ref`) is updated, so importing a file again changes nothing; the
/// import never deletes a product, variant or photo. Stock is set to the file's count, as a
/// count of the shelf. Linked listings (resold from another shop) are the producer's to change
/// and are refused.
public struct CatalogImport: Sendable {
    public let context: MarketplaceContext
    /// Products an import must add or change for PostgreSQL's RUM index to be set aside while it
    /// writes (``SearchIndex/rankedIndexAsideFrom``); tests set it low.
    public var rankedIndexAsideFrom: Int

    public init(context: MarketplaceContext, rankedIndexAsideFrom: Int = SearchIndex.rankedIndexAsideFrom) {
        self.context = context
        self.rankedIndexAsideFrom = rankedIndexAsideFrom
    }

    /// How far an import has gone, for a progress bar.
    public struct Progress: Hashable, Sendable {
        public enum Stage: String, Sendable {
            /// Rows checked, of the file's rows.
            case checking
            /// Rows written (products, variants, photos and the changed products' search rows),
            /// of all to write.
            case writing
            /// After a big import on PostgreSQL, the search's ranked index being made again
            /// (``SearchIndex/rankedIndexAsideFrom``): 0 of the products written, then all.
            case indexing
        }

        public var stage: Stage
        public var done: Int
        public var total: Int

        public init(stage: Stage, done: Int, total: Int) {
            self.stage = stage
            self.done = done
            self.total = total
        }
    }

    public struct Outcome: Hashable, Sendable, Codable {
        public var productsAdded = 0
        public var productsUpdated = 0
        public var variantsAdded = 0
        public var variantsUpdated = 0
        public var variantsUnchanged = 0
        public var photosAdded = 0

        public init() {}
    }

    /// Imports `data` into the shop: through the API and pages (`principal` given) by its staff
    /// or an admin, from the county office's command line without one. New photos are stored in
    /// `store`. `beforeWriting` runs once the file has passed its checks, before the write's
    /// transaction begins; `beforeIndexing` once it has committed, before the search's ranked
    /// index is made again for the products written (only after a write of many products).
    public func run(
        _ data: Data, photos: (any PhotoSource)? = nil, store: PhotoStore? = nil, into shopID: UUID,
        by principal: Principal? = nil, on database: any Database,
        progress: @escaping @Sendable (Progress) -> Void = { _ in },
        beforeWriting: @Sendable () async throws -> Void = {},
        beforeIndexing: @escaping @Sendable (_ products: Int) async -> Void = { _ in }
    ) async throws -> Outcome {
        let shop: Shop
        if let principal {
            shop = try await ShopService(context: context).requireStaff(of: shopID, principal, on: database)
        } else {
            guard let found = try await Shop.find(shopID, on: database) else {
                throw Problem.notFound("The shop", field: "shopId")
            }
            shop = found
        }
        // As for adding one product.
        guard shop.status == .active else {
            throw Problem(type: .conflict, detail: "The shop is \(shop.status.rawValue).")
        }
        let rows = try CSVFile.rows(data, required: CatalogFile.requiredColumns)
        let present = Set(CatalogFile.headerColumns(data))
        let plan = try await check(
            rows, columns: present, shop: shop, photos: photos, store: store, on: database, progress: progress)
        try await beforeWriting()
        return try await write(
            plan, photos: photos, store: store, on: database, progress: progress, beforeIndexing: beforeIndexing)
    }
}
