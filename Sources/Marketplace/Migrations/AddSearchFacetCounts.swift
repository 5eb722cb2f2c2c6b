import FluentKit

/// Keeps the filter bar's counts per category, village, town and stock in a table of their own
/// (``SearchFacetCounts``), counted from the search rows there now and kept by triggers, so that
/// browsing with counts sums a few hundred rows rather than counting every product.
public struct AddSearchFacetCounts: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await SearchFacetCounts.create(on: database)
    }

    public func revert(on database: any Database) async throws {
        try await SearchFacetCounts.drop(on: database)
    }
}
