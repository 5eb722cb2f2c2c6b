import Community
import JishiKit
import Marketplace
import Vapor

/// `GET /products/:product`: a product's page.
enum ProductController {
    @Sendable static func show(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let id = try request.pageID("product")
        let offset = FormInput.count((try? request.query.get(String.self, at: "offset")) ?? "") ?? 0
        var model = try await ProductPage.Model.load(
            id, viewer: session.principal, language: session.language, reviewOffset: offset, services: request.jishi,
            on: request.db)
        model.notice = request.notice
        return page(model, session: session)
    }

    static func page(_ model: ProductPage.Model, session: WebSession, status: HTTPResponseStatus = .ok) -> Response {
        let path = SitePath.product.path(model.productID)
        let context = PageContext(
            session: session, current: .product,
            returnPath: model.reviewOffset > 0 ? path + "?offset=\(model.reviewOffset)" : path)
        return WebPage.response(ProductPage.View(model: model, context: context).html, status: status, session: session)
    }
}
