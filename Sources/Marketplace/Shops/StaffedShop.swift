import Community
import FluentKit
import Foundation
import JishiKit
import SQLKit

/// A shop as one of its staff sees it in their list.
public struct StaffedShop: Sendable {
    public var shop: Shop
    public var role: ShopStaff.Role
}
