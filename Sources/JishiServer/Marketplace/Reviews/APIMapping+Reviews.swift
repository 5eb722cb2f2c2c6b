import Community
import FluentKit
import JishiAPI
import JishiKit
import Marketplace
import Vapor

extension APIMapping {
    static func rating(_ summary: RatingSummary) -> Components.Schemas.RatingSummary {
        Components.Schemas.RatingSummary(
            count: summary.count, described: summary.described, service: summary.service,
            shipping: summary.shipping, overall: summary.overall)
    }

    static func review(_ review: Review, on database: any Database) async throws -> Components.Schemas.Review {
        let buyer = try await Account.find(review.$buyer.id, on: database)
        let photos = try await ReviewPhoto.query(on: database).filter(\.$review.$id == review.requireID())
            .sort(\.$position).all()
        return Components.Schemas.Review(
            id: try review.requireID().uuidString, orderLineId: review.$orderLine.id.uuidString,
            productId: review.$product.id.uuidString, shopId: review.$shop.id.uuidString,
            buyerName: Account.maskedName(buyer?.displayName ?? ""),
            ratings: .init(described: review.described, service: review.service, shipping: review.shipping),
            text: review.text, createdAt: review.createdAt, reply: review.reply, repliedAt: review.repliedAt,
            photos: try photos.map(reviewPhoto))
    }

    static func reviewPhoto(_ photo: ReviewPhoto) throws -> Components.Schemas.Photo {
        Components.Schemas.Photo(
            id: try photo.requireID().uuidString, url: PhotoRoutes.path(photo.fileName),
            contentType: photo.format == .jpeg ? .imageJpeg : .imagePng, byteCount: photo.byteCount)
    }
}
