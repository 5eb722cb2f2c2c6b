import Foundation

/// One product in the search results, with what a result list shows.
public struct SearchHit: Hashable, Sendable {
    public var productID: UUID
    public var title: String
    public var shopID: UUID
    public var categoryID: UUID
    public var villageID: UUID?
    /// The cheapest variant's price, in fen.
    public var minPriceMinor: Int64
    /// Some variant has stock.
    public var inStock: Bool
    /// Summed weights of the matched terms (0 without query text).
    public var score: Int

    public init(
        productID: UUID, title: String, shopID: UUID, categoryID: UUID, villageID: UUID?, minPriceMinor: Int64,
        inStock: Bool, score: Int
    ) {
        self.productID = productID
        self.title = title
        self.shopID = shopID
        self.categoryID = categoryID
        self.villageID = villageID
        self.minPriceMinor = minPriceMinor
        self.inStock = inStock
        self.score = score
    }
}
