import FluentKit
import Foundation
import JishiKit
import SQLKit

/// Told, inside the transaction, whenever a listing is added or its text or photos change (the
/// design registry compares new listings with filed designs).
public protocol ListingObserver: Sendable {
    func listingChanged(_ productID: UUID, on database: any Database) async throws
    /// Many listings at once (a bulk import's); one at a time unless the observer does better.
    func listingsChanged(_ productIDs: [UUID], on database: any Database) async throws
}

extension ListingObserver {
    public func listingsChanged(_ productIDs: [UUID], on database: any Database) async throws {
        for productID in productIDs { try await listingChanged(productID, on: database) }
    }
}

extension CatalogService {
    /// Takes a product off sale and out of search and keeps it off: its shop cannot list it again
    /// (a `409` naming `reason`). For the town office's decision that a listing copies a filed
    /// design. Runs in the caller's transaction; holding a held product changes nothing.
    public static func hold(_ productID: UUID, reason: String, on database: any Database) async throws {
        guard let product = try await Product.find(productID, on: database) else {
            throw Problem.notFound("The product", field: "productId")
        }
        guard product.heldReason == nil else { return }
        product.listed = false
        product.heldReason = reason
        try await product.update(on: database)
        try await SearchIndex.reindex(productID: productID, on: database)
    }
}
