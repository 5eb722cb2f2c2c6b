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
        let limit = services.photos.maximumBytes + ProductEditingController.photoFormOverhead
        let tooLarge = Problem(type: .payloadTooLarge, detail: "At most \(services.photos.maximumBytes) bytes.")
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > limit {
            throw tooLarge
        }
        do {
            let body = try await request.body.collect(max: limit).get()
            if (body?.readableBytes ?? 0) > limit { throw tooLarge }
        } catch let abort as any AbortError where abort.status == .payloadTooLarge {
            throw tooLarge
        }
        let form = try VerifiedForm.decode(ProductEditingController.PhotoForm.self, from: request, session: session)
        guard let file = form.photo, file.data.readableBytes > 0 else {
            throw Problem(type: .missingField, detail: "Choose a photo first.", field: "photo")
        }
        let bytes = Data(buffer: file.data)
        let declared = file.contentType.map { "\($0.type)/\($0.subType)" } ?? PhotoFormat.sniff(bytes)?.contentType
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
