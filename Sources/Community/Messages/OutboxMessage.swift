import FluentKit
import Foundation

/// A text message Jishi has sent (or would hand to a gateway): one row of the outbox.
public final class OutboxMessage: Model, @unchecked Sendable {
    public static let schema = "outbox_messages"

    @ID(key: .id) public var id: UUID?
    /// How it goes out: `sms` today.
    @Field(key: "channel") public var channel: String
    /// The mobile number's 11 digits.
    @Field(key: "recipient") public var recipient: String
    @Field(key: "body") public var body: String
    /// Why it was sent (`sign-in-code` …), for the admin's list and for metrics.
    @Field(key: "purpose") public var purpose: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(id: UUID, message: OutgoingMessage, createdAt: Date) {
        self.id = id
        self.channel = message.channel.rawValue
        self.recipient = message.recipient.digits
        self.body = message.body
        self.purpose = message.purpose
        self.createdAt = createdAt
    }

    public var recipientNumber: PhoneNumber { PhoneNumber(stored: recipient) }
}

/// The outbox table.
public struct CreateOutbox: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema)
            .id()
            .field("channel", .string, .required)
            .field("recipient", .string, .required)
            .field("body", .string, .required)
            .field("purpose", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await AddLookupIndexes.create(
            [("outbox_messages_created_at_idx", OutboxMessage.schema, ["created_at"])], on: database)
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema).delete()
    }
}
