import Foundation
import Marketplace

/// A message as it is pushed to live clients.
struct ChatEvent: Codable, Sendable {
    var type = "message"
    var conversationId: UUID
    var messageId: UUID
    var seq: Int
    var senderId: UUID
    var side: String
    var text: String
    var imageUrl: String?
    var productId: UUID?
    var orderId: UUID?
    var createdAt: Date

    init(_ message: ChatMessage) throws {
        conversationId = message.$conversation.id
        messageId = try message.requireID()
        seq = message.seq
        senderId = message.senderID
        side = message.side.rawValue
        text = message.text
        imageUrl = message.image.map(PhotoRoutes.path)
        productId = message.productID
        orderId = message.orderID
        createdAt = message.createdAt
    }
}

/// The live clients of this process, by account: each WebSocket and each waiting long-poll
/// holds a subscription. Messages reach it from this process directly (SQLite) or from every
/// process through PostgreSQL `NOTIFY` (see ``PostgresChatRelay``).
actor ChatHub {
    private var subscribers: [UUID: [UUID: AsyncStream<ChatEvent>.Continuation]] = [:]

    /// A stream of the events for `accountID` until `unsubscribe`.
    func subscribe(_ accountID: UUID) -> (id: UUID, events: AsyncStream<ChatEvent>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<ChatEvent>.makeStream(bufferingPolicy: .bufferingNewest(256))
        subscribers[accountID, default: [:]][id] = continuation
        return (id, stream)
    }

    func unsubscribe(_ accountID: UUID, _ id: UUID) {
        subscribers[accountID]?.removeValue(forKey: id)?.finish()
        if subscribers[accountID]?.isEmpty == true { subscribers[accountID] = nil }
    }

    func deliver(_ event: ChatEvent, to recipients: Set<UUID>) {
        for account in recipients {
            for continuation in subscribers[account]?.values ?? [:].values { continuation.yield(event) }
        }
    }

    /// Whether any of `accounts` has a live client here.
    func listens(toAnyOf accounts: Set<UUID>) -> Bool { accounts.contains { subscribers[$0] != nil } }

    var subscriberCount: Int { subscribers.values.reduce(0) { $0 + $1.count } }
}
