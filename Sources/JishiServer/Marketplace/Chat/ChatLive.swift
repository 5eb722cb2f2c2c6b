import JishiKit
import Vapor

/// `GET /chat/live`: the conversation pages' WebSocket. Browsers send the session cookie with
/// it (SameSite=Lax keeps other sites' pages from doing so), and a socket opened from a page
/// of another origin is refused besides, so no other site can listen in.
enum ChatLive {
    static func register(on app: Application) {
        app.get(SitePath.chatLive.components) { request async throws -> Response in
            guard !VerifiedForm.isCrossOrigin(request) else {
                throw Problem.forbidden("A socket opened from another site.")
            }
            let session = try await WebSession.load(request)
            let principal = try session.requirePrincipal()
            return ChatSocket.upgrade(request, accountID: principal.accountID)
        }
    }
}
