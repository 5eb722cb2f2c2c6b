import Community
import FluentKit
import Persistence

/// Conversations, their numbered messages, and shops' blocks.
public struct CreateChat: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(Conversation.schema)
            .id()
            .field("buyer_id", .uuid, .required, .references(Account.schema, .id, onDelete: .cascade))
            .field("shop_id", .uuid, .required, .references(Shop.schema, .id, onDelete: .cascade))
            .field("last_seq", .int, .required)
            .field("buyer_read_seq", .int, .required)
            .field("shop_read_seq", .int, .required)
            .field("created_at", .datetime, .required)
            .field("last_message_at", .datetime, .required)
            .unique(on: "buyer_id", "shop_id")
            .create()
        try await database.schema(ChatMessage.schema)
            .id()
            .field("conversation_id", .uuid, .required, .references(Conversation.schema, .id, onDelete: .cascade))
            .field("seq", .int, .required)
            .field("sender_id", .uuid, .required)
            .field("side", .string, .required)
            .field("text", .string, .required)
            .field("image", .string)
            .field("product_id", .uuid)
            .field("order_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "conversation_id", "seq")
            .create()
        try await database.schema(ChatBlock.schema)
            .id()
            .field("shop_id", .uuid, .required, .references(Shop.schema, .id, onDelete: .cascade))
            .field("buyer_id", .uuid, .required)
            .field("blocked_by", .uuid, .required)
            .field("at", .datetime, .required)
            .unique(on: "shop_id", "buyer_id")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "chat_messages_sender_created_idx").on(ChatMessage.schema)
            .column("sender_id").column("created_at").run()
        try await sql.create(index: "conversations_shop_idx").on(Conversation.schema).column("shop_id").run()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ChatBlock.schema).delete()
        try await database.schema(ChatMessage.schema).delete()
        try await database.schema(Conversation.schema).delete()
    }
}
