import Community
import JishiKit
import Marketplace
import Vapor

/// `GET /search`: the search form and its results.
enum SearchController {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let fields = (try? request.query.decode([String: String].self)) ?? [:]
        let services = request.jishi
        // The results come from the replica when there is one; the query's count for the
        // stations' demand report is written to the primary.
        let read = await request.readSource()
        var model = try await SearchPage.Model.load(
            fields: fields, language: session.language, catalog: services.catalog, shops: services.shops,
            reviews: services.reviews, on: read.database, recordingOn: request.db)
        model.freshness = read.freshness
        let query = model.input.queryString(offset: model.input.offset)
        let context = PageContext(
            session: session, current: .search, returnPath: SitePath.search.path + (query.isEmpty ? "" : "?" + query))
        let view = SearchPage.View(model: model, context: context)
        return WebPage.response(view.html, status: model.errors.isEmpty ? .ok : .badRequest, session: session)
    }
}
