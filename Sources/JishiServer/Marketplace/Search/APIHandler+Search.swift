import Foundation
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIHandler {
    /// `GET /api/v1/search`: parses the query parameters (naming any bad one) and asks
    /// `SearchService`; anonymous, since only public products are found.
    func searchProducts(_ input: Operations.SearchProducts.Input) async throws -> Operations.SearchProducts.Output {
        let request = try RequestContext.request()
        let query = input.query
        let sort: SearchQuery.Sort
        if let given = query.sort {
            guard let parsed = SearchQuery.Sort(rawValue: given) else {
                throw Problem.validation("sort", "Use one of \(SearchQuery.Sort.allCases.map(\.rawValue)).")
            }
            sort = parsed
        } else {
            sort = .relevance
        }
        let search = SearchQuery(
            text: query.q,
            categoryID: try query.category.map { try Self.uuid($0, field: "category") },
            villageID: try query.village.map { try Self.uuid($0, field: "village") },
            townID: try query.town.map { try Self.uuid($0, field: "town") },
            minPriceMinor: query.minPrice, maxPriceMinor: query.maxPrice, inStockOnly: query.inStock ?? false,
            sort: sort,
            limit: query.limit ?? 20, offset: query.offset ?? 0, after: query.after)
        // Read from the replica when there is one; the demand count is written to the primary.
        let database = await request.readSource().database
        let (page, facets) = try await SearchService().search(search, facets: query.facets ?? false, on: database)
        if search.after == nil {
            try await SearchDemand.record(
                search, total: page.total, at: request.jishi.dependencies.now(), on: request.db)
        }
        let ratings = try await request.jishi.reviews.ratings(productIDs: page.items.map(\.productID), on: database)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: page.items.map { hit in
                            .init(
                                productId: hit.productID.uuidString, title: hit.title, shopId: hit.shopID.uuidString,
                                categoryId: hit.categoryID.uuidString, villageId: hit.villageID?.uuidString,
                                minPriceMinor: hit.minPriceMinor, inStock: hit.inStock, score: hit.score,
                                rating: APIMapping.rating(ratings[hit.productID] ?? RatingSummary()))
                        },
                        total: page.total, totalCapped: page.totalCapped, limit: search.limit, offset: search.offset,
                        next: page.next,
                        facets: facets.map { facets in
                            .init(
                                estimated: facets.estimated, categories: Self.counts(facets.categories),
                                towns: Self.counts(facets.towns))
                        }))))
    }

    /// Facet counts, largest first, then by id.
    private static func counts(_ counts: [UUID: Int]) -> [Components.Schemas.SearchFacetCount] {
        counts.sorted { ($1.value, $0.key.uuidString) < ($0.value, $1.key.uuidString) }.map {
            .init(id: $0.key.uuidString, count: $0.value)
        }
    }
}
