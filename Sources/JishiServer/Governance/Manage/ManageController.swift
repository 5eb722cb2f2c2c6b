import Community
import JishiKit
import Vapor

/// The staff hub; a `403` for anyone who has no tool there.
enum ManageController {
    @Sendable static func hub(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let model = ManagePage.Model(principal: principal)
        guard !model.tools.isEmpty else { throw Problem.forbidden("Only officials and admins manage.") }
        let view = ManagePage.View(model: model, context: PageContext(session: session, current: .manage))
        return WebPage.response(view.html, session: session)
    }

    /// The page's `offset` query, 0 when absent or not a count.
    static func offset(_ request: Request) -> Int {
        FormInput.count((try? request.query.get(String.self, at: "offset")) ?? "") ?? 0
    }
}
