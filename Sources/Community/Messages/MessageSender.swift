import FluentKit
import Foundation
import JishiKit

/// A message to one person's phone.
public struct OutgoingMessage: Sendable, Hashable {
    public enum Channel: String, Sendable, Hashable {
        case sms
    }

    public var channel: Channel
    public var recipient: PhoneNumber
    public var body: String
    public var purpose: String

    public init(channel: Channel = .sms, recipient: PhoneNumber, body: String, purpose: String) {
        self.channel = channel
        self.recipient = recipient
        self.body = body
        self.purpose = purpose
    }
}

/// Sends messages to people's phones: sign-in codes today, parcel and station notices later.
/// `send` runs on the caller's database (inside its transaction when it has one), so a message
/// goes out exactly when what it announces is committed.
public protocol MessageSender: Sendable {
    func send(_ message: OutgoingMessage, on database: any Database) async throws
}

/// The built-in sender: every message is written to the outbox table, which an admin reads on
/// the outbox page. A deployment that has an SMS gateway relays the table's rows to it; Jishi
/// itself pretends to no gateway.
public struct OutboxSender: MessageSender {
    public let dependencies: Dependencies

    public init(dependencies: Dependencies = .live) {
        self.dependencies = dependencies
    }

    public func send(_ message: OutgoingMessage, on database: any Database) async throws {
        try await OutboxMessage(id: dependencies.uuid(), message: message, createdAt: dependencies.now())
            .create(on: database)
    }

    /// The outbox, newest first, a page at a time, optionally only those to one number.
    public static func list(to recipient: PhoneNumber? = nil, page: JishiKit.PageRequest, on database: any Database)
        async throws -> JishiKit.Page<OutboxMessage>
    {
        let query = OutboxMessage.query(on: database)
        if let recipient { query.filter(\.$recipient == recipient.digits) }
        let total = try await query.count()
        let messages = try await query.sort(\.$createdAt, .descending).sort(\.$id).range(page.rows).all()
        return JishiKit.Page(items: messages, total: total, request: page)
    }
}
