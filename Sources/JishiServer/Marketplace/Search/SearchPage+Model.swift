import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// The search page: a query box, filters (category, price range, in stock), a sort and pages
/// of results. A GET form, so results can be bookmarked and shared.
enum SearchPage {
    static let pageSize = 20

    enum Field: String, CaseIterable, Sendable {
        case q, category, min, max, sort, village, town
    }

    /// What the query string asked for, as typed.
    struct Input: Equatable, Sendable {
        var text = ""
        var categoryID: UUID?
        /// Only products made in this village, or in this town's villages (the home page's links).
        var villageID: UUID?
        var townID: UUID?
        var minPrice = ""
        var maxPrice = ""
        var inStockOnly = false
        var sort: SearchQuery.Sort = .relevance
        var offset = 0
        /// The previous page's cursor, and how many results came before this page (for the
        /// "showing 21–40" line).
        var after: String?
        var from = 0
    }

    struct Hit: Equatable, Sendable {
        var productID: UUID
        var title: String
        var minPriceMinor: Int64
        var inStock: Bool
        var shopName: String
        var photo: ProductPhoto?
        var rating = RatingSummary()

        static func == (lhs: Hit, rhs: Hit) -> Bool {
            lhs.productID == rhs.productID && lhs.title == rhs.title && lhs.minPriceMinor == rhs.minPriceMinor
                && lhs.inStock == rhs.inStock && lhs.shopName == rhs.shopName && lhs.photo?.id == rhs.photo?.id
                && lhs.rating == rhs.rating
        }
    }

    struct Model: Sendable {
        var input = Input()
        var categories: [(id: UUID, name: String)] = []
        var hits: [Hit] = []
        var total = 0
        /// More match than `total`: the count stopped ("1,000+").
        var totalCapped = false
        /// The cursor of the page after this one.
        var next: String?
        /// How many products each category and town would show, for the filter bar.
        var facets = SearchFacets(categories: [:], towns: [:])
        var towns: [(id: UUID, name: String)] = []
        /// The village or town the results are limited to, named.
        var place: HomePage.Name?
        /// Whether anything was asked yet (a bare /search shows the newest products).
        var searched = false
        var errors: [Field: FormMessage] = [:]
        /// How fresh the results are (read from the replica, or live).
        var freshness: Freshness = .live

        var hasFilters: Bool {
            input.categoryID != nil || !input.minPrice.isEmpty || !input.maxPrice.isEmpty || input.inStockOnly
        }
    }
}

extension SearchPage.Input {
    /// Reads the query string's fields; `errors` says which could not be used.
    init(fields: [String: String], errors: inout [SearchPage.Field: FormMessage]) {
        text = (fields["q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > SearchQuery.maximumQueryLength {
            errors[.q] = FormMessage(.errorTooLong, String(SearchQuery.maximumQueryLength))
        }
        if let category = fields["category"], !category.isEmpty {
            categoryID = UUID(uuidString: category)
            if categoryID == nil { errors[.category] = FormMessage(.errorFieldInvalid) }
        }
        for (name, field) in [("village", SearchPage.Field.village), ("town", .town)] {
            guard let value = fields[name], !value.isEmpty else { continue }
            guard let id = UUID(uuidString: value) else {
                errors[field] = FormMessage(.errorFieldInvalid)
                continue
            }
            if field == .village { villageID = id } else { townID = id }
        }
        minPrice = (fields["min"] ?? "").trimmingCharacters(in: .whitespaces)
        maxPrice = (fields["max"] ?? "").trimmingCharacters(in: .whitespaces)
        if !minPrice.isEmpty, FormInput.yuan(minPrice) == nil { errors[.min] = FormMessage(.errorPrice) }
        if !maxPrice.isEmpty, FormInput.yuan(maxPrice) == nil { errors[.max] = FormMessage(.errorPrice) }
        if let low = FormInput.yuan(minPrice), let high = FormInput.yuan(maxPrice), low > high {
            errors[.max] = FormMessage(.errorPriceRange)
        }
        inStockOnly = !(fields["stock"] ?? "").isEmpty
        if let sort = fields["sort"], !sort.isEmpty {
            if let chosen = SearchQuery.Sort(rawValue: sort) {
                self.sort = chosen
            } else {
                errors[.sort] = FormMessage(.errorFieldInvalid)
            }
        }
        offset = min(max(FormInput.count(fields["offset"] ?? "") ?? 0, 0), SearchQuery.maximumOffset)
        if let cursor = fields["after"], !cursor.isEmpty {
            after = cursor
            offset = 0
            from = min(max(FormInput.count(fields["from"] ?? "") ?? 0, 0), 1_000_000)
        } else {
            from = offset
        }
    }

    var query: SearchQuery {
        SearchQuery(
            text: text.isEmpty ? nil : text, categoryID: categoryID, villageID: villageID, townID: townID,
            minPriceMinor: FormInput.yuan(minPrice),
            maxPriceMinor: FormInput.yuan(maxPrice), inStockOnly: inStockOnly, sort: sort,
            limit: SearchPage.pageSize, offset: offset, after: after)
    }

    /// The query string for these inputs at `offset` (for the paging links).
    func queryString(offset: Int) -> String {
        var items: [(String, String)] = []
        if !text.isEmpty { items.append(("q", text)) }
        if let categoryID { items.append(("category", categoryID.uuidString.lowercased())) }
        if let villageID { items.append(("village", villageID.uuidString.lowercased())) }
        if let townID { items.append(("town", townID.uuidString.lowercased())) }
        if !minPrice.isEmpty { items.append(("min", minPrice)) }
        if !maxPrice.isEmpty { items.append(("max", maxPrice)) }
        if inStockOnly { items.append(("stock", "1")) }
        if sort != .relevance { items.append(("sort", sort.rawValue)) }
        if offset > 0 { items.append(("offset", String(offset))) }
        let unreserved = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")" }
            .joined(separator: "&")
    }
}

extension SearchPage.Model {
    /// Runs the search (unless the input is unusable) and names each hit's shop and photo, reading
    /// `database` and recording the query's count for the demand report on `primary` (`database`
    /// when nil).
    static func load(
        fields: [String: String], language: JishiKit.Language, catalog: CatalogService, shops: ShopService,
        reviews: ReviewService, on database: any Database, recordingOn primary: (any Database)? = nil
    ) async throws -> Self {
        var model = Self()
        model.input = SearchPage.Input(fields: fields, errors: &model.errors)
        model.searched = fields.values.contains { !$0.isEmpty }
        model.categories = try await catalog.categories(on: database).compactMap { category in
            category.id.map { ($0, category.name(language)) }
        }
        guard model.errors.isEmpty else { return model }
        let page: SearchResults
        do {
            let (found, facets) = try await SearchService().search(model.input.query, facets: true, on: database)
            page = found
            if let facets { model.facets = facets }
            if model.input.after == nil {
                try await SearchDemand.record(
                    model.input.query, total: page.total, at: Date(), on: primary ?? database)
            }
        } catch let problem as Problem where problem.status == 400 {
            model.errors[problem.field.flatMap(SearchPage.Field.init(rawValue:)) ?? .q] = FormMessage(
                .errorFieldInvalid)
            return model
        }
        model.total = page.total
        model.totalCapped = page.totalCapped
        model.next = page.next
        if !model.facets.towns.isEmpty {
            model.towns = try await Town.query(on: database).filter(\.$id ~~ Array(model.facets.towns.keys)).all()
                .compactMap { town in town.id.map { ($0, language == .en ? town.nameEn : town.name) } }
                .sorted { $0.name < $1.name }
        }
        model.hits = try await SearchPage.hits(
            page.items, catalog: catalog, shops: shops, reviews: reviews, on: database)
        if let villageID = model.input.villageID, let village = try await Village.find(villageID, on: database) {
            model.place = HomePage.Name(zhHans: village.name, en: village.nameEn)
        } else if let townID = model.input.townID, let town = try await Town.find(townID, on: database) {
            model.place = HomePage.Name(zhHans: town.name, en: town.nameEn)
        }
        return model
    }
}

extension SearchPage {
    /// Search hits as tiles show them: each with its shop's name, cover photo and rating, in
    /// three queries whatever the number of hits.
    static func hits(
        _ items: [SearchHit], catalog: CatalogService, shops: ShopService, reviews: ReviewService,
        on database: any Database
    ) async throws -> [Hit] {
        let ids = items.map(\.productID)
        let names = try await shops.shops(withIDs: items.map(\.shopID), on: database)
        let covers = try await catalog.coverPhotos(of: ids, on: database)
        let ratings = try await reviews.ratings(productIDs: ids, on: database)
        return items.map { hit in
            Hit(
                productID: hit.productID, title: hit.title, minPriceMinor: hit.minPriceMinor, inStock: hit.inStock,
                shopName: names[hit.shopID]?.name ?? "", photo: covers[hit.productID],
                rating: ratings[hit.productID] ?? RatingSummary())
        }
    }
}
