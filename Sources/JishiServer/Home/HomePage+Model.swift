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
        /// The signed-in visitor's own town and what sells there, when Jishi knows the town.
        var nearby: Nearby?

        var villageCount: Int { towns.reduce(0) { $0 + $1.villages.count } }

        var householdCount: Int { towns.reduce(0) { $0 + $1.householdCount } }
    }

    struct Nearby: Equatable, Sendable {
        var town: TownEntry
        var hits: [SearchPage.Hit]
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

    /// The county with its product rows: the newest listings, the best sellers, and for a
    /// signed-in visitor whose town Jishi knows, what sells best in that town.
    static func load(services: JishiServices, viewer accountID: UUID?, on database: any Database) async throws
        -> Self
    {
        var model = try await load(geography: services.geography, on: database)
        let town = try await visitorTown(accountID, on: database).flatMap { id in model.towns.first { $0.id == id } }
        var queries = [SearchQuery.Sort.newest, .sales].map {
            SearchQuery(inStockOnly: true, sort: $0, limit: HomePage.rowSize)
        }
        if let town {
            queries.append(SearchQuery(townID: town.id, inStockOnly: true, sort: .sales, limit: HomePage.rowSize))
        }
        var rows: [[SearchHit]] = []
        for query in queries { rows.append(try await SearchService().search(query, on: database).items) }
        // Every row's shops, photos and ratings in one pass (a product may stand in several).
        var hits = try await SearchPage.hits(
            rows.flatMap { $0 }, catalog: services.catalog, shops: services.shops, reviews: services.reviews,
            on: database)[...]
        func take(_ count: Int) -> [SearchPage.Hit] {
            defer { hits = hits.dropFirst(count) }
            return Array(hits.prefix(count))
        }
        model.newest = take(rows[0].count)
        model.popular = take(rows[1].count)
        if let town, rows.count > 2 { model.nearby = HomePage.Nearby(town: town, hits: take(rows[2].count)) }
        return model
    }

    /// The town of the visitor's own household, or else of the village their latest order went
    /// to; `nil` for a visitor who is not signed in or has told Jishi neither.
    static func visitorTown(_ accountID: UUID?, on database: any Database) async throws -> UUID? {
        guard let accountID, let account = try await Account.find(accountID, on: database) else { return nil }
        var villageID: UUID?
        if let householdID = account.$household.id {
            villageID = try await Household.find(householdID, on: database)?.$village.id
        }
        if villageID == nil {
            villageID = try await Order.query(on: database).filter(\.$buyer.$id == accountID)
                .filter(\.$deliveryVillageID != nil).sort(\.$createdAt, .descending).first()?.deliveryVillageID
        }
        guard let villageID else { return nil }
        return try await Village.find(villageID, on: database)?.$town.id
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
