import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIMapping {
    static func conversation(_ conversation: Conversation, side: ChatSide) throws -> Components.Schemas.Conversation {
        let (read, other) =
            side == .buyer
            ? (conversation.buyerReadSeq, conversation.shopReadSeq)
            : (conversation.shopReadSeq, conversation.buyerReadSeq)
        return Components.Schemas.Conversation(
            id: try conversation.requireID().uuidString, buyerId: conversation.$buyer.id.uuidString,
            shopId: conversation.$shop.id.uuidString, side: side == .buyer ? .buyer : .shop,
            lastSeq: conversation.lastSeq, unread: conversation.unread(for: side), readSeq: read, otherReadSeq: other,
            lastMessageAt: conversation.lastMessageAt)
    }

    static func chatMessage(_ message: ChatMessage) throws -> Components.Schemas.ChatMessage {
        Components.Schemas.ChatMessage(
            id: try message.requireID().uuidString, conversationId: message.$conversation.id.uuidString,
            seq: message.seq, senderId: message.senderID.uuidString, side: message.side == .buyer ? .buyer : .shop,
            text: message.text, imageUrl: message.image.map(PhotoRoutes.path),
            productId: message.productID?.uuidString, orderId: message.orderID?.uuidString,
            createdAt: message.createdAt)
    }
}
