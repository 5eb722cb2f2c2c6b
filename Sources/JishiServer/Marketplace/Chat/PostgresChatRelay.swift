import FluentKit
import FluentPostgresDriver
import Foundation
import Logging
import Marketplace
import NIOConcurrencyHelpers
import Persistence
import SQLKit
import Vapor

/// Carries chat messages between server processes that share one PostgreSQL: the sender's
/// process `NOTIFY`s after commit with what delivery needs, the recipients and the event; every
/// process `LISTEN`s on a connection of its own and hands the event to its ``ChatHub`` when a
/// local client wants it, without a query. An event too large for a notification goes as its
/// message id alone, and listeners with clients load it. The channel is named after the
/// schema, so tests (a schema each) do not hear one another.
final class PostgresChatRelay: LifecycleHandler, Sendable {
    let configuration: PostgresConnection.Configuration
    let channel: String
    private let state = NIOLockedValueBox<(task: Task<Void, Never>?, connection: PostgresConnection?)>((nil, nil))

    init(url: String, searchPath: [String]?) throws {
        configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        channel = Self.channel(searchPath: searchPath)
    }

    static func channel(searchPath: [String]?) -> String {
        let suffix = (searchPath?.first ?? "").lowercased().filter {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")
        }
        return suffix.isEmpty ? "jishi_chat" : "jishi_chat_" + suffix
    }

    /// Announces a stored message to every process, in one statement: the payload is the
    /// recipients (the conversation's buyer and its shop's staff, read by the same statement),
    /// comma-separated, a newline, and the event as JSON. When that would not fit PostgreSQL's
    /// 8000-byte payload limit, the message id alone.
    static func notify(_ message: ChatMessage, channel: String, on database: any Database) async throws {
        let id = try message.requireID()
        let event = try JSONEncoder().encode(ChatEvent(message))
        // Room for the recipients: 37 bytes each, a shop rarely has more than a few staff.
        guard event.count <= 7_000, let json = String(data: event, encoding: .utf8) else {
            return try await notify(id, channel: channel, on: database)
        }
        let conversation = message.$conversation.id
        do {
            try await database.sql().raw(
                """
                SELECT pg_notify(\(bind: channel), COALESCE((SELECT string_agg(CAST(r."account_id" AS text), ',') \
                FROM (SELECT s."account_id" FROM "shop_staff" s JOIN "conversations" c ON c."shop_id" = s."shop_id" \
                WHERE c."id" = \(bind: conversation) UNION SELECT c."buyer_id" FROM "conversations" c \
                WHERE c."id" = \(bind: conversation)) r), '') || chr(10) || \(bind: json))
                """
            ).run()
        } catch {
            // Too long after all (a shop with very many staff): the id alone.
            try await notify(id, channel: channel, on: database)
        }
    }

    /// Announces a stored message by its id alone; listeners load it.
    static func notify(_ messageID: UUID, channel: String, on database: any Database) async throws {
        try await database.sql().raw("SELECT pg_notify(\(bind: channel), \(bind: messageID.uuidString))").run()
    }

    /// Synchronous so that it runs however the app boots (the server boots asynchronously, the
    /// in-memory test client synchronously); it only starts the listening task.
    func didBoot(_ application: Application) throws {
        let logger = application.logger
        let configuration = self.configuration
        let channel = self.channel
        let eventLoop = application.eventLoopGroup.any()
        let state = self.state
        let task = Task { [weak application] in
            var delay: UInt64 = 200_000_000
            while !Task.isCancelled {
                do {
                    let connection = try await PostgresConnection.connect(
                        on: eventLoop, configuration: configuration, id: 1, logger: logger
                    ).get()
                    delay = 200_000_000
                    state.withLockedValue { $0.connection = connection }
                    // Closed on every way out, cancellation included: a connection released
                    // unclosed traps (PostgresConnection's deinit), and shutdown may have
                    // looked for one before this one was open.
                    do {
                        try await connection.listen(on: channel) { notifications in
                            logger.debug("Chat relay listening on \(channel)")
                            for try await notification in notifications {
                                guard let application else { continue }
                                await Self.relay(notification.payload, application)
                            }
                        }
                    } catch {
                        try? await connection.close()
                        throw error
                    }
                    try? await connection.close()
                } catch {
                    if Task.isCancelled { return }
                    logger.warning("Chat relay lost its connection (\(String(reflecting: error))); retrying")
                }
                try? await Task.sleep(nanoseconds: delay)
                delay = min(delay * 2, 5_000_000_000)
            }
        }
        state.withLockedValue { $0.task = task }
    }

    func shutdown(_ application: Application) {
        let (task, connection) = state.withLockedValue { ($0.task, $0.connection) }
        task?.cancel()
        if let connection { Task { try? await connection.close() } }
    }

    func shutdownAsync(_ application: Application) async {
        let (task, connection) = state.withLockedValue { ($0.task, $0.connection) }
        task?.cancel()
        // Closing the connection ends the notification stream the task is reading.
        try? await connection?.close()
        await task?.value
    }

    /// Hands a notification's event to this process's clients: straight from the payload, or
    /// for an id alone by loading the message, and only when a local client may want it.
    private static func relay(_ payload: String, _ application: Application) async {
        let hub = application.jishi.chatHub
        if let newline = payload.firstIndex(of: "\n") {
            let recipients = Set(payload[..<newline].split(separator: ",").compactMap { UUID(uuidString: String($0)) })
            guard await hub.listens(toAnyOf: recipients) else { return }
            do {
                let event = try JSONDecoder().decode(
                    ChatEvent.self, from: Data(payload[payload.index(after: newline)...].utf8))
                await hub.deliver(event, to: recipients)
            } catch {
                application.logger.warning("Chat relay could not read a notification: \(error)")
            }
            return
        }
        guard let id = UUID(uuidString: payload), await hub.subscriberCount > 0 else { return }
        await relay(id, application)
    }

    private static func relay(_ messageID: UUID, _ application: Application) async {
        do {
            guard let message = try await ChatMessage.find(messageID, on: application.db),
                let conversation = try await Conversation.find(message.$conversation.id, on: application.db)
            else { return }
            let recipients = try await application.jishi.chat.recipients(of: conversation, on: application.db)
            await application.jishi.chatHub.deliver(try ChatEvent(message), to: recipients)
        } catch {
            application.logger.warning("Chat relay could not deliver \(messageID): \(error)")
        }
    }
}
