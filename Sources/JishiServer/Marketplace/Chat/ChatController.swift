import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace
import Vapor

/// Chat on the web: "contact the seller", the buyer's and a shop's conversation lists, one
/// conversation with its send form, read receipts and the shop's block switch. Plain forms
/// first (POST, then back to the conversation); the page's script sends the same form with
/// `Accept: application/json` and gets the stored message back instead of a redirect.
enum ChatController {
    @Sendable static func list(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let model = try await ConversationListPage.Model.loadBuyer(principal, services: request.jishi, on: request.db)
        return listPage(model, session: session, current: .messages, returnPath: nil)
    }

    @Sendable static func shopList(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let shopID = try request.pageID("shop")
        let model = try await ConversationListPage.Model.loadShop(
            shopID, principal: principal, services: request.jishi, on: request.db)
        return listPage(model, session: session, current: .shopMessages, returnPath: SitePath.shopMessages.path(shopID))
    }

    /// The buyer's conversation with the shop, opened on first use. A buyer the shop has
    /// blocked still reaches an existing conversation, which says so.
    @Sendable static func contact(_ request: Request) async throws -> Response {
        let (session, principal, _) = try await FormValues.signedIn(request)
        let shopID = try request.pageID("shop")
        let conversation = try await request.jishi.chat.conversation(withShop: shopID, by: principal, on: request.db)
        return WebPage.redirect(
            toPath: SitePath.conversation.path(try conversation.requireID()) + "#chat-form", session: session)
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let id = try request.pageID("conversation")
        let before = (try? request.query.get(String.self, at: "before")).flatMap(FormInput.count)
        let services = request.jishi
        var model = try await ConversationPage.Model.load(
            id, before: before, principal: principal, services: services, on: request.db)
        if model.isNewest, model.lastSeq > 0 {
            // Seeing the newest messages is reading them.
            _ = try await services.chat.markRead(id, upTo: model.lastSeq, by: principal, on: request.db)
        }
        model.notice = request.notice
        return page(model, session: session)
    }

    @Sendable static func send(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let id = try request.pageID("conversation")
        let services = request.jishi
        let text = form["text"]
        let message: ChatMessage
        let error: FormMessage
        let status: HTTPResponseStatus
        do {
            message = try await services.chat.send(text, in: id, by: principal, on: request.db)
            do {
                try await services.publish(message, on: request.db)
            } catch {
                // Stored: the other side sees it on its next page view.
                request.logger.warning("Chat message stored but not pushed: \(error)")
            }
            if wantsJSON(request) { return try json(message, session: session) }
            return WebPage.redirect(toPath: SitePath.conversation.path(id) + "#chat-form", session: session)
        } catch let problem as Problem where problem.status == 400 {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            error =
                trimmed.isEmpty
                ? FormMessage(.errorRequired)
                : trimmed.count > ChatService.maximumLength
                    ? FormMessage(.errorTooLong, String(ChatService.maximumLength)) : FormMessage(.errorFieldInvalid)
            status = .badRequest
        } catch let problem as Problem where problem.status == 403 {
            error = FormMessage(.chatBlockedBuyer)
            status = .forbidden
        } catch let problem as Problem where problem.status == 429 {
            error = FormMessage(.chatTooFast)
            status = .tooManyRequests
        }
        var model = try await ConversationPage.Model.load(
            id, before: nil, principal: principal, services: services, on: request.db)
        model.draft = text
        model.error = error
        return page(model, session: session, status: status)
    }

    /// The page's script says what has been read as messages arrive.
    @Sendable static func markRead(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        guard let seq = FormInput.count(form["seq"]) else { throw Problem.validation("seq", "A message number.") }
        _ = try await request.jishi.chat.markRead(
            try request.pageID("conversation"), upTo: seq, by: principal, on: request.db)
        let response = Response(status: .noContent)
        session.apply(to: response)
        return response
    }

    @Sendable static func block(_ request: Request) async throws -> Response {
        let (session, principal, form) = try await FormValues.signedIn(request)
        let id = try request.pageID("conversation")
        let blocked = form["blocked"] == "1"
        try await request.jishi.chat.setBlocked(blocked, conversationID: id, by: principal, on: request.db)
        return WebPage.redirect(
            toPath: (blocked ? Notice.blocked : Notice.unblocked).on(SitePath.conversation.path(id)), session: session)
    }

    /// Whether the form was sent by the page's script, which wants the message back as JSON.
    static func wantsJSON(_ request: Request) -> Bool {
        request.headers.first(name: .accept)?.lowercased().hasPrefix("application/json") == true
    }

    /// The stored message, as the WebSocket pushes it.
    private static func json(_ message: ChatMessage, session: WebSession) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let response = Response(status: .created)
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.body = .init(data: try encoder.encode(ChatEvent(message)))
        session.apply(to: response)
        return response
    }

    private static func page(_ model: ConversationPage.Model, session: WebSession, status: HTTPResponseStatus = .ok)
        -> Response
    {
        let context = PageContext(session: session, current: .conversation, returnPath: model.path)
        return WebPage.response(
            ConversationPage.View(model: model, context: context).html, status: status, session: session,
            runsChatScript: true)
    }

    private static func listPage(
        _ model: ConversationListPage.Model, session: WebSession, current: SitePath, returnPath: String?
    ) -> Response {
        let context = PageContext(session: session, current: current, returnPath: returnPath)
        return WebPage.response(
            ConversationListPage.View(model: model, context: context).html, session: session)
    }
}
