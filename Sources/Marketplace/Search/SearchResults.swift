import JishiKit

/// One page of search results.
public struct SearchResults: Sendable {
    public var items: [SearchHit]
    /// How many products match in all.
    public var total: Int
    /// Whether a page follows this one.
    public var hasMore: Bool
    /// Pass as ``SearchQuery/after`` for the next page; nil on the last.
    public var next: String?
    public var request: PageRequest
}
