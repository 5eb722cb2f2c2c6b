import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import OpenAPIRuntime
import Vapor

extension APIHandler {
    func openConversation(_ input: Operations.OpenConversation.Input) async throws
        -> Operations.OpenConversation.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let conversation = try await request.jishi.chat.conversation(
            withShop: try Self.uuid(input.path.shopId, field: "shopId"), by: principal, on: request.db)
        return .ok(.init(body: .json(try APIMapping.conversation(conversation, side: .buyer))))
    }

    func listShopConversations(_ input: Operations.ListShopConversations.Input) async throws
        -> Operations.ListShopConversations.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let summaries = try await request.jishi.chat.conversations(
            ofShop: try Self.uuid(input.path.shopId, field: "shopId"), by: principal, on: request.db)
        return .ok(.init(body: .json(try summaries.map { try APIMapping.conversation($0.conversation, side: .shop) })))
    }

    func listMyConversations(_ input: Operations.ListMyConversations.Input) async throws
        -> Operations.ListMyConversations.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let summaries = try await request.jishi.chat.conversations(ofBuyer: principal, on: request.db)
        return .ok(.init(body: .json(try summaries.map { try APIMapping.conversation($0.conversation, side: .buyer) })))
    }

    func listMessages(_ input: Operations.ListMessages.Input) async throws -> Operations.ListMessages.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let conversationID = try Self.uuid(input.path.conversationId, field: "conversationId")
        let query = input.query
        let chat = request.jishi.chat
        func load() async throws -> (Conversation, [ChatMessage]) {
            try await chat.messages(
                in: conversationID, after: query.after, before: query.before, limit: query.limit ?? 50, by: principal,
                on: request.db)
        }
        var (conversation, messages) = try await load()
        let wait = min(max(query.wait ?? 0, 0), 25)
        if messages.isEmpty, query.before == nil, wait > 0 {
            // Long-poll: subscribe first, then look again, so a message stored in between is
            // not missed; then wait for one of this conversation or the time limit.
            let hub = request.jishi.chatHub
            let subscription = await hub.subscribe(principal.accountID)
            (conversation, messages) = try await load()
            if messages.isEmpty {
                let arrived = await withTaskGroup(of: Bool.self) { group in
                    group.addTask {
                        for await event in subscription.events where event.conversationId == conversationID {
                            return true
                        }
                        return false
                    }
                    group.addTask {
                        try? await Task.sleep(nanoseconds: UInt64(wait) * 1_000_000_000)
                        return false
                    }
                    let first = await group.next() ?? false
                    group.cancelAll()
                    await hub.unsubscribe(principal.accountID, subscription.id)
                    return first
                }
                if arrived { (conversation, messages) = try await load() }
            } else {
                await hub.unsubscribe(principal.accountID, subscription.id)
            }
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        conversation: try APIMapping.conversation(
                            conversation, side: conversation.side(of: principal.accountID)),
                        items: try messages.map(APIMapping.chatMessage)))))
    }

    func sendMessage(_ input: Operations.SendMessage.Input) async throws -> Operations.SendMessage.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let message = try await request.jishi.chat.send(
            body.text, in: try Self.uuid(input.path.conversationId, field: "conversationId"),
            productID: try body.productId.map { try Self.uuid($0, field: "productId") },
            orderID: try body.orderId.map { try Self.uuid($0, field: "orderId") }, by: principal, on: request.db)
        return .created(.init(body: .json(try await Self.published(message, request))))
    }

    func sendImage(_ input: Operations.SendImage.Input) async throws -> Operations.SendImage.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        let store = request.jishi.photos
        let bytes: Data
        switch input.body {
        case .jpeg(let body), .png(let body): bytes = try await Self.collect(body, limit: store.maximumBytes)
        }
        let message = try await request.jishi.chat.sendImage(
            bytes, declaredType: request.headers.first(name: .contentType),
            in: try Self.uuid(input.path.conversationId, field: "conversationId"), by: principal, store: store,
            on: request.db)
        return .created(.init(body: .json(try await Self.published(message, request))))
    }

    func markConversationRead(_ input: Operations.MarkConversationRead.Input) async throws
        -> Operations.MarkConversationRead.Output
    {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let conversationID = try Self.uuid(input.path.conversationId, field: "conversationId")
        let conversation = try await request.jishi.chat.markRead(
            conversationID, upTo: body.seq, by: principal, on: request.db)
        return .ok(
            .init(
                body: .json(try APIMapping.conversation(conversation, side: conversation.side(of: principal.accountID)))
            ))
    }

    func blockBuyer(_ input: Operations.BlockBuyer.Input) async throws -> Operations.BlockBuyer.Output {
        try await setBlocked(true, input.path.conversationId)
        return .noContent(.init())
    }

    func unblockBuyer(_ input: Operations.UnblockBuyer.Input) async throws -> Operations.UnblockBuyer.Output {
        try await setBlocked(false, input.path.conversationId)
        return .noContent(.init())
    }

    /// Pushes a stored message to live readers and answers with it. A push that fails is
    /// logged, not thrown: the message is stored, and readers catch up by polling.
    private static func published(_ message: ChatMessage, _ request: Request) async throws
        -> Components.Schemas.ChatMessage
    {
        do {
            try await request.jishi.publish(message, on: request.db)
        } catch {
            request.logger.warning("Chat message \(message.id?.uuidString ?? "?") stored but not pushed: \(error)")
        }
        return try APIMapping.chatMessage(message)
    }

    private func setBlocked(_ blocked: Bool, _ conversationID: String) async throws {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        try await request.jishi.chat.setBlocked(
            blocked, conversationID: try Self.uuid(conversationID, field: "conversationId"), by: principal,
            on: request.db)
    }
}
