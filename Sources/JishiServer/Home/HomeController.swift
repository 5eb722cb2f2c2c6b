import Vapor

/// `GET /`: the county's towns and villages.
enum HomeController {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let model = try await HomePage.Model.load(services: request.jishi, on: request.db)
        let view = HomePage.View(model: model, context: PageContext(session: session, current: .home))
        return WebPage.response(view.html, session: session)
    }
}
