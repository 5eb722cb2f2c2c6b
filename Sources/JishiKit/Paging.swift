/// A page request: `limit` items after skipping `offset`. Limits are clamped to 1...200.
public struct PageRequest: Hashable, Sendable {
    public static let maximumLimit = 200
    public var limit: Int
    public var offset: Int

    public init(limit: Int? = nil, offset: Int? = nil) {
        self.limit = min(max(limit ?? 50, 1), Self.maximumLimit)
        self.offset = max(offset ?? 0, 0)
    }
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
