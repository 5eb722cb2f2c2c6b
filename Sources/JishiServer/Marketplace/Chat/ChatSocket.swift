import Foundation
import JishiKit
import Marketplace
import NIOCore
import Vapor

/// `GET /api/v1/chat/socket`: a WebSocket that pushes every chat message of the signed-in
/// account's conversations (as buyer or shop staff) as JSON text frames, the same shape as
/// `ChatMessage` in the API plus `"type": "message"`. Browsers cannot set headers on a
/// WebSocket, so the bearer token may also come as `?access_token=`. Sending stays a plain
/// `POST`, so a client that loses the socket loses nothing. The server pings every 30 s
/// (`socketPingInterval`); browsers answer by themselves.
enum ChatSocket {
    static func register(on app: Application) {
        app.get("api", "v1", "chat", "socket") { request async throws -> Response in
            if request.headers.first(name: .authorization) == nil,
                let token = request.query[String.self, at: "access_token"], !token.isEmpty
            {
                request.headers.replaceOrAdd(name: .authorization, value: "Bearer \(token)")
            }
            let principal = try await request.requirePrincipal()
            return upgrade(request, accountID: principal.accountID)
        }
    }

    /// Upgrades `request` to a socket that pushes `accountID`'s chat events until it closes.
    /// The web pages' socket (``ChatLive``, signed in by cookie) shares it.
    static func upgrade(_ request: Request, accountID: UUID) -> Response {
        let hub = request.jishi.chatHub
        let ping = TimeAmount.milliseconds(Int64(request.jishi.config.http.socketPingInterval * 1_000))
        return request.webSocket(maxFrameSize: .init(integerLiteral: 1 << 14)) { _, socket in
            // A client that stops answering (a phone gone from the network) is closed by the
            // second ping, and its subscription with it.
            socket.pingInterval = ping
            let subscription = await hub.subscribe(accountID)
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            socket.onClose.whenComplete { _ in
                Task { await hub.unsubscribe(accountID, subscription.id) }
            }
            for await event in subscription.events {
                guard !socket.isClosed, let data = try? encoder.encode(event) else { break }
                try? await socket.send(String(decoding: data, as: UTF8.self))
            }
        }
    }
}
