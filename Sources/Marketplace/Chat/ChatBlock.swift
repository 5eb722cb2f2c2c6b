import Community
import FluentKit
import Foundation

/// A shop has blocked a buyer from messaging it.
public final class ChatBlock: Model, @unchecked Sendable {
    public static let schema = "chat_blocks"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "shop_id") public var shop: Shop
    @Field(key: "buyer_id") public var buyerID: UUID
    @Field(key: "blocked_by") public var blockedBy: UUID
    @Field(key: "at") public var at: Date

    public init() {}

    public init(id: UUID, shopID: UUID, buyerID: UUID, blockedBy: UUID, at: Date) {
        self.id = id
        self.$shop.id = shopID
        self.buyerID = buyerID
        self.blockedBy = blockedBy
        self.at = at
    }
}
