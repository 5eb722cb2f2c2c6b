import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// One conversation between a buyer and a shop: the newest page of messages (newest at the
/// bottom) or, with `before`, the page of history just before a message; the form to send;
/// and for the shop's staff the block switch. Anyone but the buyer and the shop's staff gets
/// a `404`, as the chat service answers.
enum ConversationPage {
    static let pageSize = 30

    struct Message: Equatable, Sendable {
        var seq: Int
        var side: ChatSide
        var text: String
        var imageURL: String?
        var at: Date
    }

    struct Model: Equatable, Sendable {
        var conversationID: UUID
        /// The side the viewer speaks for.
        var side: ChatSide
        var shopID: UUID
        var shopName: String
        var buyerName: String
        /// Oldest first.
        var messages: [Message]
        /// The history page asked for (`nil`: the newest messages).
        var before: Int?
        var lastSeq: Int
        /// Whether the shop has blocked the buyer.
        var blocked: Bool
        /// The message as typed, when it comes back.
        var draft = ""
        var error: FormMessage?
        var notice: Notice?

        var hasOlder: Bool { (messages.first?.seq ?? 1) > 1 }
        var isNewest: Bool { before == nil }
        var otherName: String { side == .buyer ? shopName : buyerName }
        /// A blocked buyer reads but cannot send; the shop always can.
        var canSend: Bool { side == .shop || !blocked }
        var path: String { SitePath.conversation.path(conversationID) }
    }
}

extension ConversationPage.Model {
    static func load(
        _ id: UUID, before: Int?, principal: Principal, services: JishiServices, on database: any Database
    ) async throws -> Self {
        let chat = services.chat
        let (conversation, side) = try await chat.participant(id, principal, on: database)
        let (_, messages) = try await chat.messages(
            in: id, before: before ?? (conversation.lastSeq + 1), limit: ConversationPage.pageSize, by: principal,
            on: database)
        let shop = try await Shop.find(conversation.$shop.id, on: database)
        let buyer = try await Account.find(conversation.$buyer.id, on: database)
        let blocked =
            try await ChatBlock.query(on: database).filter(\.$shop.$id == conversation.$shop.id)
            .filter(\.$buyerID == conversation.$buyer.id).count() > 0
        return Self(
            conversationID: id, side: side, shopID: conversation.$shop.id, shopName: shop?.name ?? "",
            buyerName: buyer?.displayName ?? "",
            messages: messages.map {
                ConversationPage.Message(
                    seq: $0.seq, side: $0.side, text: $0.text, imageURL: $0.image.map(PhotoRoutes.path),
                    at: $0.createdAt)
            }, before: before, lastSeq: conversation.lastSeq, blocked: blocked)
    }
}
