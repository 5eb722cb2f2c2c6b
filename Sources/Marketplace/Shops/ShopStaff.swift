import Community
import FluentKit
import Foundation

/// An account that works for a shop: its owner or a staff member.
public final class ShopStaff: Model, @unchecked Sendable {
    public static let schema = "shop_staff"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "shop_id") public var shop: Shop
    @Parent(key: "account_id") public var account: Account
    @Field(key: "role") public var role: Role

    public init() {}

    public init(id: UUID? = nil, shopID: UUID, accountID: UUID, role: Role) {
        self.id = id
        self.$shop.id = shopID
        self.$account.id = accountID
        self.role = role
    }

    /// Whether `accountID` works for `shopID`, as owner or staff.
    public static func exists(accountID: UUID, shopID: UUID, on database: any Database) async throws -> Bool {
        try await query(on: database).filter(\.$shop.$id == shopID).filter(\.$account.$id == accountID).count() > 0
    }

    public enum Role: String, Codable, Sendable {
        case owner, staff
    }
}
