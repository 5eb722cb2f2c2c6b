import Community
import FluentKit
import Foundation
import JishiKit

extension ShopService {
    /// The villages whose shops `principal` may moderate (`Authorization`'s `.moderate` rule,
    /// asked of each village's place); empty for everyone else.
    public func moderatedVillageIDs(_ principal: Principal, on database: any Database) async throws -> [UUID] {
        let villages = try await Village.query(on: database).with(\.$town).all()
        return villages.compactMap { village in
            guard let id = village.id else { return nil }
            let place = Place(countyID: village.town.$county.id, townID: village.$town.id, villageID: id)
            return Authorization.may(principal, .moderate, .place(place)) ? id : nil
        }
    }

    /// The shops in villages `principal` moderates, by name, in `status` (any when `nil`); a
    /// `403` for someone who moderates nowhere.
    public func shops(
        moderatedBy principal: Principal, status: Shop.Status?, page: JishiKit.PageRequest, on database: any Database
    ) async throws -> JishiKit.Page<Shop> {
        let villages = try await moderatedVillageIDs(principal, on: database)
        guard !villages.isEmpty else { throw Problem.forbidden("This account moderates no shops.") }
        let query = Shop.query(on: database).filter(\.$village.$id ~~ villages)
        if let status { query.filter(\.$status == status) }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$name).sort(\.$id).range(page.rows).all()
        return JishiKit.Page(items: items, total: total, request: page)
    }

    /// A shop for a moderator whose scope reaches it, whatever its state; `403` otherwise.
    public func shop(_ shopID: UUID, moderatedBy principal: Principal, on database: any Database) async throws -> Shop {
        try await requireModerator(of: shopID, principal, on: database)
    }

    /// The shop's lifecycle events, newest first (suspensions and reinstatements with their
    /// reasons), for a moderator whose scope reaches it.
    public func events(
        of shopID: UUID, moderatedBy principal: Principal, limit: Int = 20, on database: any Database
    ) async throws -> [ShopEvent] {
        _ = try await requireModerator(of: shopID, principal, on: database)
        return try await ShopEvent.query(on: database).filter(\.$shop.$id == shopID)
            .sort(\.$at, .descending).sort(\.$id).limit(limit).all()
    }
}
