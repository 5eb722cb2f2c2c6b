import JishiKit
import Vapor

/// `GET /chat/live`: the conversation pages' WebSocket. Browsers send the session cookie with
/// it (SameSite=Lax keeps other sites' pages from doing so), and a socket opened from a page
/// of another origin is refused besides, so no other site can listen in.
enum ChatLive {
    static func register(on app: Application) {
        app.get(SitePath.chatLive.components) { request async throws -> Response in
            guard isSameOrigin(request) else { throw Problem.forbidden("A socket opened from another site.") }
            let session = try await WebSession.load(request)
            let principal = try session.requirePrincipal()
            return ChatSocket.upgrade(request, accountID: principal.accountID)
        }
    }

    /// No `Origin` (not a browser) or one naming this host.
    static func isSameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers.first(name: .origin) else { return true }
        guard let host = request.headers.first(name: .host), let scheme = origin.range(of: "://") else { return false }
        return origin[scheme.upperBound...].lowercased() == host.lowercased()
    }
}
