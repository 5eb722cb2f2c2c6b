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

/// Which side of a conversation someone speaks for.
public enum ChatSide: String, Codable, Sendable {
    case buyer, shop
}

/// One message: text or a photo, optionally about a product or an order.
public final class ChatMessage: Model, @unchecked Sendable {
    public static let schema = "chat_messages"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "conversation_id") public var conversation: Conversation
    @Field(key: "seq") public var seq: Int
    @Field(key: "sender_id") public var senderID: UUID
    @Field(key: "side") public var side: ChatSide
    @Field(key: "text") public var text: String
    /// A photo sent as the message, by its file name in the photo store.
    @OptionalField(key: "image") public var image: String?
    @OptionalField(key: "product_id") public var productID: UUID?
    @OptionalField(key: "order_id") public var orderID: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(
        id: UUID, conversationID: UUID, seq: Int, senderID: UUID, side: ChatSide, text: String, productID: UUID?,
        orderID: UUID?, at time: Date
    ) {
        self.id = id
        self.$conversation.id = conversationID
        self.seq = seq
        self.senderID = senderID
        self.side = side
        self.text = text
        self.productID = productID
        self.orderID = orderID
        self.createdAt = time
    }
}

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
