import Vapor

/// `GET /`: search, product rows (the visitor's own town's among them) and the county's towns
/// and villages.
enum HomeController {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let model = try await HomePage.Model.load(
            services: request.jishi, viewer: session.viewer?.accountID, on: request.db)
        let view = HomePage.View(model: model, context: PageContext(session: session, current: .home))
        return WebPage.response(view.html, session: session)
    }
}
