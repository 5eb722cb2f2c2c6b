import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Buyer–shop chat: conversations, numbered messages, read receipts, blocks and limits.
/// Delivery to open sockets is the server's business; this stores and checks.
public struct ChatService: Sendable {
    public let context: MarketplaceContext

    public init(context: MarketplaceContext) { self.context = context }

    /// The longest message, in characters.
    public static let maximumLength = 1_000

    /// The buyer's conversation with a shop, opened on first use. A shop that blocked the
    /// buyer refuses.
    public func conversation(withShop shopID: UUID, by principal: Principal, on database: any Database) async throws
        -> Conversation
    {
        guard let shop = try await Shop.find(shopID, on: database), shop.status == .active else {
            throw Problem.notFound("The shop", field: "shopId")
        }
        // A blocked buyer still reaches the conversation they had (to read it; `send` refuses
        // their messages), but opens no new one.
        if let existing = try await find(buyer: principal.accountID, shop: shopID, on: database) { return existing }
        try await requireNotBlocked(principal.accountID, by: shopID, on: database)
        let conversation = Conversation(
            id: context.dependencies.uuid(), buyerID: principal.accountID, shopID: shopID,
            at: context.dependencies.now())
        do {
            try await context.transactions.transaction(on: database) { db in try await conversation.create(on: db) }
        } catch let error where (error as? any DatabaseError)?.isConstraintFailure == true {
            if let existing = try await find(buyer: principal.accountID, shop: shopID, on: database) {
                return existing
            }
            throw error
        }
        return conversation
    }

    /// Stores a message from either side and numbers it. The buyer must not be blocked;
    /// the text must be 1–1,000 characters; a product named must be the shop's and an order
    /// named must be between these two.
    public func send(
        _ text: String, in conversationID: UUID, productID: UUID? = nil, orderID: UUID? = nil,
        by principal: Principal, on database: any Database
    ) async throws -> ChatMessage {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...Self.maximumLength).contains(text.count) else {
            throw Problem.validation("text", "A message has 1 to \(Self.maximumLength) characters.")
        }
        try TextRule.check(text, field: "text", multiline: true)
        return try await store(
            text: text, image: nil, in: conversationID, productID: productID, orderID: orderID, by: principal,
            on: database)
    }

    /// Sends a JPEG or PNG photo as a message, checked like a product photo and kept in the
    /// same store; it counts against the same per-minute limit.
    public func sendImage(
        _ bytes: Data, declaredType: String?, in conversationID: UUID, by principal: Principal, store: PhotoStore,
        on database: any Database
    ) async throws -> ChatMessage {
        _ = try await participant(conversationID, principal, on: database)
        let format = try PhotoCheck.format(of: bytes, declaredType: declaredType, limit: store.maximumBytes)
        let fileName = format.fileName(of: context.dependencies.uuid())
        try store.save(bytes, as: fileName)
        do {
            return try await self.store(
                text: "", image: fileName, in: conversationID, productID: nil, orderID: nil, by: principal,
                on: database)
        } catch {
            store.remove(fileName)
            throw error
        }
    }

    private func store(
        text: String, image: String?, in conversationID: UUID, productID: UUID?, orderID: UUID?,
        by principal: Principal, on database: any Database
    ) async throws -> ChatMessage {
        let (conversation, side) = try await participant(conversationID, principal, on: database)
        if side == .buyer { try await requireNotBlocked(principal.accountID, by: conversation.$shop.id, on: database) }
        if let productID {
            guard let product = try await Product.find(productID, on: database),
                product.$shop.id == conversation.$shop.id
            else { throw Problem.notFound("The product", field: "productId") }
        }
        if let orderID {
            guard let order = try await Order.find(orderID, on: database),
                order.$shop.id == conversation.$shop.id, order.$buyer.id == conversation.$buyer.id
            else { throw Problem.notFound("The order", field: "orderId") }
        }
        let now = context.dependencies.now()
        let recent = try await ChatMessage.query(on: database).filter(\.$senderID == principal.accountID)
            .filter(\.$createdAt > now.addingTimeInterval(-60)).count()
        let limit = context.chatMessagesPerMinute
        guard recent < limit else {
            var problem = Problem(type: .rateLimited, detail: "At most \(limit) messages a minute.", field: "text")
            problem.retryAfter = 60
            throw problem
        }
        let messageID = context.dependencies.uuid()
        let readColumn = side == .buyer ? "buyer_read_seq" : "shop_read_seq"
        return try await context.transactions.transaction(on: database) { db in
            // One guarded increment numbers the message: two senders at once get 1 and 2.
            let rows = try await db.sql().update(Conversation.schema)
                .set(
                    SQLIdentifier("last_seq"),
                    to: SQLBinaryExpression(SQLIdentifier("last_seq"), .add, SQLLiteral.numeric("1"))
                )
                .set(SQLIdentifier("last_message_at"), to: SQLBind(now))
                .where(SQLIdentifier("id"), .equal, SQLBind(conversationID))
                .returning(SQLIdentifier("last_seq")).all()
            guard let row = rows.first else { throw Problem.notFound("The conversation", field: "conversationId") }
            let seq = Int(try row.decode(column: "last_seq", as: Int64.self))
            let message = ChatMessage(
                id: messageID, conversationID: conversationID, seq: seq, senderID: principal.accountID, side: side,
                text: text, productID: productID, orderID: orderID, at: now)
            message.image = image
            try await message.create(on: db)
            // One's own message is read.
            try await db.sql().update(Conversation.schema)
                .set(SQLIdentifier(readColumn), to: SQLBind(seq))
                .where(SQLIdentifier("id"), .equal, SQLBind(conversationID))
                .where(SQLIdentifier(readColumn), .lessThan, SQLBind(seq)).run()
            return message
        }
    }

    /// Messages numbered after `after` (oldest first), or — with `before` — the page of
    /// history just before it (returned oldest first too).
    public func messages(
        in conversationID: UUID, after: Int? = nil, before: Int? = nil, limit: Int = 50, by principal: Principal,
        on database: any Database
    ) async throws -> (Conversation, [ChatMessage]) {
        let (conversation, _) = try await participant(conversationID, principal, on: database)
        let limit = min(max(limit, 1), 200)
        var query = ChatMessage.query(on: database).filter(\.$conversation.$id == conversationID)
        if let before {
            query = query.filter(\.$seq < before).sort(\.$seq, .descending)
            return (conversation, try await query.limit(limit).all().reversed())
        }
        query = query.filter(\.$seq > (after ?? 0)).sort(\.$seq)
        return (conversation, try await query.limit(limit).all())
    }

    /// The read receipt: this side has read up to `seq`. It never moves back.
    public func markRead(_ conversationID: UUID, upTo seq: Int, by principal: Principal, on database: any Database)
        async throws -> Conversation
    {
        let (conversation, side) = try await participant(conversationID, principal, on: database)
        let target = min(max(seq, 0), conversation.lastSeq)
        let column = side == .buyer ? "buyer_read_seq" : "shop_read_seq"
        try await context.transactions.transaction(on: database) { db in
            try await db.sql().update(Conversation.schema)
                .set(SQLIdentifier(column), to: SQLBind(target))
                .where(SQLIdentifier("id"), .equal, SQLBind(conversationID))
                .where(SQLIdentifier(column), .lessThan, SQLBind(target)).run()
        }
        return try await Conversation.find(conversationID, on: database) ?? conversation
    }

    /// The buyer's conversations, latest first, with unread counts.
    public func conversations(ofBuyer principal: Principal, on database: any Database) async throws
        -> [ConversationSummary]
    {
        try await Conversation.query(on: database).filter(\.$buyer.$id == principal.accountID)
            .sort(\.$lastMessageAt, .descending).sort(\.$id).all()
            .map { ConversationSummary(conversation: $0, side: .buyer, unread: $0.unread(for: .buyer)) }
    }

    /// A shop's conversations for its staff, latest first, with unread counts.
    public func conversations(ofShop shopID: UUID, by principal: Principal, on database: any Database) async throws
        -> [ConversationSummary]
    {
        _ = try await ShopService(context: context).requireStaff(of: shopID, principal, on: database)
        return try await Conversation.query(on: database).filter(\.$shop.$id == shopID)
            .sort(\.$lastMessageAt, .descending).sort(\.$id).all()
            .map { ConversationSummary(conversation: $0, side: .shop, unread: $0.unread(for: .shop)) }
    }

    /// Shop staff block (or unblock) the buyer of a conversation.
    public func setBlocked(
        _ blocked: Bool, conversationID: UUID, by principal: Principal, on database: any Database
    ) async throws {
        let (conversation, side) = try await participant(conversationID, principal, on: database)
        guard side == .shop else { throw Problem.forbidden("Only the shop blocks a buyer.") }
        let shopID = conversation.$shop.id
        let buyerID = conversation.$buyer.id
        if blocked {
            let block = ChatBlock(
                id: context.dependencies.uuid(), shopID: shopID, buyerID: buyerID, blockedBy: principal.accountID,
                at: context.dependencies.now())
            do {
                try await context.transactions.transaction(on: database) { db in try await block.create(on: db) }
            } catch let error where (error as? any DatabaseError)?.isConstraintFailure == true {
                return  // already blocked
            }
        } else {
            try await ChatBlock.query(on: database).filter(\.$shop.$id == shopID).filter(\.$buyerID == buyerID)
                .delete()
        }
    }

    /// Everyone who should see a message of this conversation live: the buyer and the shop's staff.
    public func recipients(of conversation: Conversation, on database: any Database) async throws -> Set<UUID> {
        let staff = try await ShopStaff.query(on: database).filter(\.$shop.$id == conversation.$shop.id).all()
        return Set(staff.map { $0.$account.id } + [conversation.$buyer.id])
    }

    /// The conversation and the side `principal` speaks for; `404` for anyone else.
    public func participant(_ conversationID: UUID, _ principal: Principal, on database: any Database) async throws
        -> (Conversation, ChatSide)
    {
        guard let conversation = try await Conversation.find(conversationID, on: database) else {
            throw Problem.notFound("The conversation", field: "conversationId")
        }
        if conversation.$buyer.id == principal.accountID { return (conversation, .buyer) }
        if try await ShopStaff.exists(accountID: principal.accountID, shopID: conversation.$shop.id, on: database) {
            return (conversation, .shop)
        }
        throw Problem.notFound("The conversation", field: "conversationId")
    }

    private func find(buyer: UUID, shop: UUID, on database: any Database) async throws -> Conversation? {
        try await Conversation.query(on: database).filter(\.$buyer.$id == buyer).filter(\.$shop.$id == shop).first()
    }

    private func requireNotBlocked(_ buyerID: UUID, by shopID: UUID, on database: any Database) async throws {
        let blocked = try await ChatBlock.query(on: database).filter(\.$shop.$id == shopID)
            .filter(\.$buyerID == buyerID).count()
        guard blocked == 0 else { throw Problem.forbidden("This shop does not accept your messages.") }
    }
}
