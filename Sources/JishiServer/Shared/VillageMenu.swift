import Community
import FluentKit
import Foundation
import JishiKit

/// The county's villages grouped by town, for a menu.
enum VillageMenu {
    struct Town: Equatable, Sendable {
        var name: String
        var villages: [Village]

        struct Village: Equatable, Sendable {
            var id: UUID
            var name: String
        }
    }

    static func load(_ geography: GeographyService, language: JishiKit.Language, on database: any Database)
        async throws -> [Town]
    {
        let towns = try await geography.towns(on: database)
        let villages = try await geography.villages(inTown: nil, on: database)
        let byTown = Dictionary(grouping: villages, by: { $0.$town.id })
        return towns.map { town in
            Town(
                name: HomePage.Name(zhHans: town.name, en: town.nameEn).primary(language),
                villages: (town.id.flatMap { byTown[$0] } ?? []).compactMap { village in
                    village.id.map {
                        Town.Village(
                            id: $0, name: HomePage.Name(zhHans: village.name, en: village.nameEn).primary(language))
                    }
                })
        }
    }

    static func groups(_ towns: [Town]) -> [FormField.MenuGroup] {
        towns.map { town in
            FormField.MenuGroup(
                heading: town.name, choices: town.villages.map { ($0.id.uuidString.lowercased(), $0.name) })
        }
    }
}
