import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIMapping {
    static func shop(_ shop: Shop) throws -> Components.Schemas.Shop {
        Components.Schemas.Shop(
            id: try shop.requireID().uuidString, name: shop.name, description: shop.description,
            villageId: shop.$village.id.uuidString, kind: .init(rawValue: shop.kind.rawValue) ?? .individual,
            brandName: shop.brandName, status: .init(rawValue: shop.status.rawValue) ?? .active,
            statusReason: shop.statusReason, householdId: shop.$household.id?.uuidString)
    }

    static func staffMember(_ staff: ShopStaff) throws -> Components.Schemas.StaffMember {
        Components.Schemas.StaffMember(
            accountId: staff.$account.id.uuidString, username: staff.account.username,
            displayName: staff.account.displayName, role: staff.role == .owner ? .owner : .staff)
    }
}
