import FluentKit
import Foundation

/// A recorded change of a shop's status or kind: who, when, why. Kept for audit.
public final class ShopEvent: Model, @unchecked Sendable {
    public static let schema = "shop_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "shop_id") public var shop: Shop
    @Field(key: "change") public var change: String
    @Field(key: "actor_id") public var actorID: UUID
    @Field(key: "reason") public var reason: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(id: UUID, shopID: UUID, change: String, actorID: UUID, reason: String, at: Date) {
        self.id = id
        self.$shop.id = shopID
        self.change = change
        self.actorID = actorID
        self.reason = reason
        self.at = at
    }
}
