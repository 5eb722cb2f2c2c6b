import Community
import FluentKit
import Foundation

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
