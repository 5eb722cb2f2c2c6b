import Community
import FluentKit
import Foundation

/// The chat between one buyer and one shop (any of its staff answers). Messages are numbered
/// 1, 2, 3 … within it (`lastSeq`), and each side's read receipt is the number it has read up to.
public final class Conversation: Model, @unchecked Sendable {
    public static let schema = "conversations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "buyer_id") public var buyer: Account
    @Parent(key: "shop_id") public var shop: Shop
    @Field(key: "last_seq") public var lastSeq: Int
    @Field(key: "buyer_read_seq") public var buyerReadSeq: Int
    @Field(key: "shop_read_seq") public var shopReadSeq: Int
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_message_at") public var lastMessageAt: Date

    public init() {}

    public init(id: UUID, buyerID: UUID, shopID: UUID, at time: Date) {
        self.id = id
        self.$buyer.id = buyerID
        self.$shop.id = shopID
        self.lastSeq = 0
        self.buyerReadSeq = 0
        self.shopReadSeq = 0
        self.createdAt = time
        self.lastMessageAt = time
    }

    /// The side a participant speaks for: the buyer's, or else the shop's.
    public func side(of accountID: UUID) -> ChatSide { $buyer.id == accountID ? .buyer : .shop }

    /// Messages the given side has not read.
    public func unread(for side: ChatSide) -> Int {
        max(0, lastSeq - (side == .buyer ? buyerReadSeq : shopReadSeq))
    }
}
