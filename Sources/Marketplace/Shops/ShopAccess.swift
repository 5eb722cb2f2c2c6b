import Community
import FluentKit
import Foundation

/// Who may act as a shop's staff: the accounts that work for it, and admins whose grant
/// reaches the shop's village (`Authorization`'s `.administerShops`). The one rule every
/// service asks before it lets someone manage a shop's catalogue, orders, refunds, statements,
/// sourcing or conversations; an admin of another town is nobody to the shop.
public enum ShopAccess {
    /// Whether `principal` works for the shop or administers its place.
    public static func actsFor(shopID: UUID, _ principal: Principal, on database: any Database) async throws -> Bool {
        if try await ShopStaff.exists(accountID: principal.accountID, shopID: shopID, on: database) { return true }
        return try await administers(shopID: shopID, principal, on: database)
    }

    /// Whether `principal` is an admin whose grant reaches the shop's village.
    public static func administers(shopID: UUID, _ principal: Principal, on database: any Database) async throws
        -> Bool
    {
        guard principal.has(.admin) else { return false }
        guard let shop = try await Shop.find(shopID, on: database) else { return false }
        return try await administers(villageID: shop.$village.id, principal, on: database)
    }

    /// Whether `principal` is an admin whose grant reaches `villageID` (the village of a shop).
    public static func administers(villageID: UUID, _ principal: Principal, on database: any Database) async throws
        -> Bool
    {
        guard principal.has(.admin) else { return false }
        if principal.grants.contains(where: { $0.role == .admin && $0.scope == .everywhere }) { return true }
        let place = try await GeographyService().place(ofVillage: villageID, on: database)
        return Authorization.may(principal, .administerShops, .place(place))
    }
}
