import Foundation
import JishiKit
import Marketplace
import Vapor

/// A buyer adds a photo to their review from the product page (multipart form, CSRF-checked).
enum ReviewPhotoController {
    @Sendable static func add(_ request: Request) async throws -> Response {
        let session = try await WebSession.load(request)
        let principal = try session.requirePrincipal()
        let services = request.jishi
        let (bytes, declared) = try await ProductEditingController.uploadedPhoto(request, session: session)
        let reviewID = try request.pageID("review")
        _ = try await services.reviews.addPhoto(
            bytes, declaredType: declared, to: reviewID, by: principal, store: services.photos, on: request.db)
        guard let review = try await Review.find(reviewID, on: request.db) else {
            throw Problem.notFound("The review", field: "review")
        }
        return WebPage.redirect(
            toPath: Notice.photoAdded.on(SitePath.product.path(review.$product.id)), session: session)
    }
}
