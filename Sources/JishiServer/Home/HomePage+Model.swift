import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// The home page: search, the newest products and those selling best, and the county's towns
/// and villages, each a link to what it makes.
enum HomePage {
    /// How many products each row shows.
    static let rowSize = 4

    struct Model: Equatable, Sendable {
        var county: Name
        var towns: [TownEntry]
        var newest: [SearchPage.Hit] = []
        var popular: [SearchPage.Hit] = []

        var villageCount: Int { towns.reduce(0) { $0 + $1.villages.count } }
        var householdCount: Int { towns.reduce(0) { $0 + $1.householdCount } }
    }

    /// A place's name in both languages.
    struct Name: Equatable, Sendable {
        var zhHans: String
        var en: String

        func primary(_ language: JishiKit.Language) -> String { language == .zhHans ? zhHans : en }

        /// The other-language name worth showing beside the primary one: the Chinese name on the
        /// English page, as the signs in the village read.
        func secondary(_ language: JishiKit.Language) -> String? { language == .en ? zhHans : nil }
    }

    struct TownEntry: Equatable, Sendable {
        var id: UUID
        var name: Name
        var villages: [VillageEntry]

        var householdCount: Int { villages.reduce(0) { $0 + $1.households } }
    }

    struct VillageEntry: Equatable, Sendable {
        var id: UUID
        var name: Name
        /// Census households.
        var households: Int
        var specialty: Village.Specialty
    }
}

extension HomePage.Model {
    /// Reads the county, its towns and villages: three queries, whatever the county's size.
    static func load(geography: GeographyService, on database: any Database) async throws -> Self {
        let county = try await geography.county(on: database)
        let towns = try await geography.towns(on: database)
        let villages = try await geography.villages(inTown: nil, on: database)
        let byTown = Dictionary(grouping: villages, by: { $0.$town.id })
        return Self(
            county: HomePage.Name(zhHans: county?.name ?? "", en: county?.nameEn ?? ""),
            towns: towns.compactMap { town in
                town.id.map { townID in
                    HomePage.TownEntry(
                        id: townID, name: HomePage.Name(zhHans: town.name, en: town.nameEn),
                        villages: (byTown[townID] ?? []).compactMap { village in
                            village.id.map {
                                HomePage.VillageEntry(
                                    id: $0, name: HomePage.Name(zhHans: village.name, en: village.nameEn),
                                    households: village.householdCount, specialty: village.specialty)
                            }
                        })
                }
            })
    }

    /// The county with its product rows: the newest listings and the best sellers.
    static func load(services: JishiServices, on database: any Database) async throws -> Self {
        var model = try await load(geography: services.geography, on: database)
        var rows: [[SearchHit]] = []
        for sort in [SearchQuery.Sort.newest, .sales] {
            rows.append(
                try await SearchService().search(
                    SearchQuery(inStockOnly: true, sort: sort, limit: HomePage.rowSize), on: database
                ).items)
        }
        // Both rows' shops, photos and ratings in one pass (a product may stand in both).
        let hits = try await SearchPage.hits(
            rows.flatMap { $0 }, catalog: services.catalog, shops: services.shops, reviews: services.reviews,
            on: database)
        model.newest = Array(hits.prefix(rows[0].count))
        model.popular = Array(hits.dropFirst(rows[0].count))
        return model
    }
}

extension Village.Specialty {
    var l10nKey: L10nKey {
        switch self {
        case .costumes: .specialtyCostumes
        case .urbanWholesale: .specialtyUrbanWholesale
        case .farmProducts: .specialtyFarmProducts
        case .furniture: .specialtyFurniture
        case .handicrafts: .specialtyHandicrafts
        case .mixed: .specialtyMixed
        }
    }
}
