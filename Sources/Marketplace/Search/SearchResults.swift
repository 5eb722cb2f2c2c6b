import JishiKit

/// One page of search results.
public struct SearchResults: Sendable {
    public var items: [SearchHit]
    /// How many products match in all, counted up to ``SearchQuery/countLimit``.
    public var total: Int
    /// More products match than ``total`` says: the count stopped at ``SearchQuery/countLimit``.
    public var totalCapped: Bool
    /// Whether a page follows this one.
    public var hasMore: Bool
    /// Pass as ``SearchQuery/after`` for the next page; nil on the last.
    public var next: String?
    public var request: PageRequest

    public init(
        items: [SearchHit], total: Int, totalCapped: Bool = false, hasMore: Bool, next: String?, request: PageRequest
    ) {
        self.items = items
        self.total = total
        self.totalCapped = totalCapped
        self.hasMore = hasMore
        self.next = next
        self.request = request
    }
}
