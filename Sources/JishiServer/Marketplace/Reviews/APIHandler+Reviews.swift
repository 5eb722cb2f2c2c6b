import Community
import FluentKit
import Foundation
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIHandler {
    func writeReview(_ input: Operations.WriteReview.Input) async throws -> Operations.WriteReview.Output {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let review = try await request.jishi.reviews.write(
            lineID: try Self.uuid(input.path.lineId, field: "lineId"),
            ratings: Ratings(
                described: body.ratings.described, service: body.ratings.service, shipping: body.ratings.shipping),
            text: body.text ?? "", by: principal, on: request.db)
        return .created(.init(body: .json(try await APIMapping.review(review, on: request.db))))
    }

    func listProductReviews(_ input: Operations.ListProductReviews.Input) async throws
        -> Operations.ListProductReviews.Output
    {
        let request = try RequestContext.request()
        let viewer = request.bearerToken == nil ? nil : try await request.requirePrincipal()
        let productID = try Self.uuid(input.path.id, field: "id")
        // Only reviews of products the viewer may see.
        _ = try await request.jishi.catalog.product(productID, viewer: viewer, on: request.db)
        let reviews = request.jishi.reviews
        let page = try await reviews.reviews(
            ofProduct: productID, page: PageRequest(limit: input.query.limit, offset: input.query.offset),
            on: request.db)
        let rating = try await reviews.rating(productID: productID, on: request.db)
        var items: [Components.Schemas.Review] = []
        for review in page.items { items.append(try await APIMapping.review(review, on: request.db)) }
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: items, total: page.total, limit: page.request.limit, offset: page.request.offset,
                        rating: APIMapping.rating(rating)))))
    }

    func getShopQuality(_ input: Operations.GetShopQuality.Input) async throws -> Operations.GetShopQuality.Output {
        let request = try RequestContext.request()
        let viewer = request.bearerToken == nil ? nil : try await request.requirePrincipal()
        let shop = try await request.jishi.shops.shop(
            try Self.uuid(input.path.shopId, field: "shopId"), viewer: viewer, on: request.db)
        let quality = try await request.jishi.reviews.quality(shopID: try shop.requireID(), on: request.db)
        return .ok(
            .init(
                body: .json(
                    .init(
                        shopId: try shop.requireID().uuidString, rating: APIMapping.rating(quality.rating),
                        paidOrders: quality.paidOrders, refundedOrders: quality.refundedOrders,
                        refundRate: quality.refundRate,
                        trend: quality.trend.map { .init(month: $0.month, rating: APIMapping.rating($0.rating)) }))))
    }

    func replyToReview(_ input: Operations.ReplyToReview.Input) async throws -> Operations.ReplyToReview.Output {
        let (request, principal, reviewID) = try await reviewCall(input.path.reviewId)
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let review = try await request.jishi.reviews.reply(reviewID, text: body.text, by: principal, on: request.db)
        return .ok(.init(body: .json(try await APIMapping.review(review, on: request.db))))
    }

    func addReviewPhoto(_ input: Operations.AddReviewPhoto.Input) async throws -> Operations.AddReviewPhoto.Output {
        let (request, principal, reviewID) = try await reviewCall(input.path.reviewId)
        let store = request.jishi.photos
        let bytes: Data
        switch input.body {
        case .jpeg(let body), .png(let body): bytes = try await Self.collect(body, limit: store.maximumBytes)
        }
        let photo = try await request.jishi.reviews.addPhoto(
            bytes, declaredType: request.headers.first(name: .contentType), to: reviewID, by: principal, store: store,
            on: request.db)
        return .created(.init(body: .json(try APIMapping.reviewPhoto(photo))))
    }

    func reportReview(_ input: Operations.ReportReview.Input) async throws -> Operations.ReportReview.Output {
        let (request, principal, reviewID) = try await reviewCall(input.path.reviewId)
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        try await request.jishi.reviews.report(reviewID, reason: body.reason, by: principal, on: request.db)
        return .noContent(.init())
    }

    func hideReview(_ input: Operations.HideReview.Input) async throws -> Operations.HideReview.Output {
        let (request, principal, reviewID) = try await reviewCall(input.path.reviewId)
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let review = try await request.jishi.reviews.hide(reviewID, reason: body.reason, by: principal, on: request.db)
        return .ok(.init(body: .json(try await APIMapping.review(review, on: request.db))))
    }

    func unhideReview(_ input: Operations.UnhideReview.Input) async throws -> Operations.UnhideReview.Output {
        let (request, principal, reviewID) = try await reviewCall(input.path.reviewId)
        guard case .json(let body) = input.body else { throw Problem(type: .unsupportedMediaType) }
        let review = try await request.jishi.reviews.unhide(
            reviewID, reason: body.reason, by: principal, on: request.db)
        return .ok(.init(body: .json(try await APIMapping.review(review, on: request.db))))
    }

    private func reviewCall(_ reviewID: String) async throws -> (Request, Principal, UUID) {
        let request = try RequestContext.request()
        let principal = try await request.requirePrincipal()
        return (request, principal, try Self.uuid(reviewID, field: "reviewId"))
    }
}
