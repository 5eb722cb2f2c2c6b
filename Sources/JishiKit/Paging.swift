/// A page request: `limit` items after skipping `offset`. Limits are clamped to 1...200 and
/// offsets to 0...100,000, so that no arithmetic on a page request can overflow, whatever a
/// caller passed (the API refuses values outside those bounds before they get here).
public struct PageRequest: Hashable, Sendable {
    public static let maximumLimit = 200
    public static let maximumOffset = 100_000
    public private(set) var limit: Int
    public private(set) var offset: Int

    public init(limit: Int? = nil, offset: Int? = nil) {
        self.limit = min(max(limit ?? 50, 1), Self.maximumLimit)
        self.offset = min(max(offset ?? 0, 0), Self.maximumOffset)
    }

    /// The rows this page covers, for a query's `range`.
    public var rows: Range<Int> { offset..<(offset + limit) }
}

/// One page of results and the total, so a client can tell whether there is more.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var total: Int
    public var request: PageRequest

    public init(items: [Item], total: Int, request: PageRequest) {
        self.items = items
        self.total = total
        self.request = request
    }

    public var hasMore: Bool { request.offset + items.count < total }
}
