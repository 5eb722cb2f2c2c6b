import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// The shops in the villages the viewer moderates, by name, filtered by state.
enum ModeratedShopsPage {
    static let pageSize = 30
    /// The filters offered, in order; `nil` is every shop.
    static let filters: [Shop.Status?] = [nil, .active, .suspended, .closed]

    struct Row: Equatable, Sendable {
        var id: UUID
        var name: String
        var status: Shop.Status
        var village: HomePage.Name?
    }

    struct Model: Equatable, Sendable {
        var filter: Shop.Status?
        var rows: [Row]
        var total: Int
        var offset: Int

        var path: String { SitePath.moderatedShops.path + (filter.map { "?status=\($0.rawValue)" } ?? "") }
    }
}

extension ModeratedShopsPage.Model {
    static func load(
        filter: Shop.Status?, offset: Int, principal: Principal, services: JishiServices, on database: any Database
    ) async throws -> Self {
        let page = try await services.shops.shops(
            moderatedBy: principal, status: filter,
            page: PageRequest(limit: ModeratedShopsPage.pageSize, offset: offset), on: database)
        let villageIDs = Array(Set(page.items.map { $0.$village.id }))
        let villages =
            villageIDs.isEmpty ? [] : try await Village.query(on: database).filter(\.$id ~~ villageIDs).all()
        var names: [UUID: HomePage.Name] = [:]
        for village in villages {
            if let id = village.id { names[id] = HomePage.Name(zhHans: village.name, en: village.nameEn) }
        }
        return Self(
            filter: filter,
            rows: page.items.compactMap { shop in
                shop.id.map {
                    ModeratedShopsPage.Row(
                        id: $0, name: shop.name, status: shop.status, village: names[shop.$village.id])
                }
            }, total: page.total, offset: page.request.offset)
    }
}
