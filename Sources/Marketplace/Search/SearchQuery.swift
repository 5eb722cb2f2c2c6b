import Foundation
import JishiKit

/// What a buyer asks the search for: words, filters, an order and a page.
public struct SearchQuery: Hashable, Sendable {
    public static let maximumLimit = 100
    public static let maximumOffset = 10_000
    public static let maximumQueryLength = 100
    public static let maximumTerms = 40
    /// Matches are counted up to this many: past it a list says "1,000+", which a buyer reads
    /// the same, and counting every one of a hundred thousand matches costs more than the page.
    public static let countLimit = 1_000

    /// The query box; blank means "everything that passes the filters".
    public var text: String?
    public var categoryID: UUID?
    /// The product's origin village.
    public var villageID: UUID?
    /// Any village of this town.
    public var townID: UUID?
    /// The product's price (its cheapest variant's) is at least this many fen.
    public var minPriceMinor: Int64?
    /// The product's price (its cheapest variant's) is at most this many fen.
    public var maxPriceMinor: Int64?
    /// Some variant has stock.
    public var inStockOnly: Bool
    public var sort: Sort
    public var limit: Int
    /// Rows skipped, for a client that jumps to a page; ``after`` pages at the same cost however
    /// deep, and is what result lists use.
    public var offset: Int
    /// The `next` cursor of the previous page (``SearchResults/next``): results continue after it.
    public var after: String?

    public init(
        text: String? = nil, categoryID: UUID? = nil, villageID: UUID? = nil, townID: UUID? = nil,
        minPriceMinor: Int64? = nil, maxPriceMinor: Int64? = nil, inStockOnly: Bool = false, sort: Sort = .relevance,
        limit: Int = 20, offset: Int = 0, after: String? = nil
    ) {
        self.text = text
        self.categoryID = categoryID
        self.villageID = villageID
        self.townID = townID
        self.minPriceMinor = minPriceMinor
        self.maxPriceMinor = maxPriceMinor
        self.inStockOnly = inStockOnly
        self.sort = sort
        self.limit = limit
        self.offset = offset
        self.after = after
    }

    /// Checks the bounds, naming the offending field, and returns the query's distinct terms
    /// (nil when there is no query text).
    public func validatedTerms() throws -> [String]? {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw Problem.validation("limit", "Use a limit from 1 to \(Self.maximumLimit).")
        }
        guard (0...Self.maximumOffset).contains(offset) else {
            throw Problem.validation("offset", "Use an offset from 0 to \(Self.maximumOffset).")
        }
        if after != nil && offset != 0 {
            throw Problem.validation("after", "Use either after or offset, not both.")
        }
        if let minPriceMinor, minPriceMinor < 0 { throw Problem.validation("minPrice", "A price is not negative.") }
        if let maxPriceMinor, maxPriceMinor < 0 { throw Problem.validation("maxPrice", "A price is not negative.") }
        if let minPriceMinor, let maxPriceMinor, minPriceMinor > maxPriceMinor {
            throw Problem.validation("minPrice", "minPrice must not exceed maxPrice.")
        }
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        guard text.count <= Self.maximumQueryLength else {
            throw Problem.validation("q", "Use at most \(Self.maximumQueryLength) characters.")
        }
        try TextRule.check(text, field: "q")
        let terms = SearchTokenizer.distinctTerms(text)
        guard terms.count <= Self.maximumTerms else {
            throw Problem.validation("q", "Use fewer words (at most \(Self.maximumTerms) terms).")
        }
        return terms
    }
}

extension SearchQuery {
    /// The order of results; every order ends with the product id so pages never overlap.
    public enum Sort: String, Codable, Sendable, CaseIterable {
        /// Every term of the query in the title first, then one of its words in the title, then the
        /// other matches; within each, the
        /// most popular (a step of units sold, then stars), then the most recently written;
        /// newest first when there is no query text.
        case relevance
        case priceAsc = "price_asc"
        case priceDesc = "price_desc"
        /// Units sold in orders that were paid, most first.
        case sales
        case newest
        /// The mean stars of the visible reviews, best first; products without reviews last.
        case rating
    }
}
