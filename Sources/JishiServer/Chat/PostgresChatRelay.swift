import FluentKit
import FluentPostgresDriver
import Foundation
import Logging
import Marketplace
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Carries chat messages between server processes that share one PostgreSQL: the sender's
/// process `NOTIFY`s the message id after commit; every process `LISTEN`s on a connection of
/// its own, loads the message and hands it to its ``ChatHub``. The channel is named after the
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

    /// Announces a stored message to every process.
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
                    try await connection.listen(on: channel) { notifications in
                        logger.debug("Chat relay listening on \(channel)")
                        for try await notification in notifications {
                            guard let application, let id = UUID(uuidString: notification.payload) else { continue }
                            await Self.relay(id, application)
                        }
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
