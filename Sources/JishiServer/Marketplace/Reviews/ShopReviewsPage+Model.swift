import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// A shop's visible reviews for its staff, newest first, each with the shop's reply or the
/// form to write it (a review is answered once).
enum ShopReviewsPage {
    static let pageSize = 20

    struct Model: Equatable, Sendable {
        var shopID: UUID
        var shopName: String
        var rating: RatingSummary
        var reviews: [ReviewRow]
        var total: Int
        var offset: Int
        /// A reply that came back with a problem, as typed, by review.
        var drafts: [UUID: String] = [:]
        var errors: [UUID: FormMessage] = [:]
        var notice: Notice?

        var path: String { SitePath.shopReviews.path(shopID) }
    }
}

extension ShopReviewsPage.Model {
    static func load(
        _ shopID: UUID, offset: Int, principal: Principal, services: JishiServices, on database: any Database
    ) async throws -> Self {
        let shop = try await services.shops.requireStaff(of: shopID, principal, on: database)
        let query = Review.query(on: database).filter(\.$shop.$id == shopID).filter(\.$hidden == false)
        let total = try await query.copy().count()
        let offset = max(offset, 0)
        let reviews = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(offset..<(offset + ShopReviewsPage.pageSize)).all()
        return Self(
            shopID: shopID, shopName: shop.name,
            rating: try await services.reviews.rating(shopID: shopID, on: database),
            reviews: try await ReviewRow.rows(reviews, on: database), total: total, offset: offset)
    }
}
