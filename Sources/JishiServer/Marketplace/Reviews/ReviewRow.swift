import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// One review as the product page and the shop's review list show it: the buyer's name
/// shortened (a review is public, the buyer's full name is not), the stars, the text and the
/// shop's reply.
struct ReviewRow: Equatable, Sendable {
    var id: UUID
    var buyerID: UUID
    var productID: UUID
    var productTitle: String
    var buyerName: String
    var ratings: Ratings
    var text: String
    var createdAt: Date
    var reply: String?
    var repliedAt: Date?
    /// The buyer's photos' file names in the photo store.
    var photos: [String] = []

    /// Rows for `reviews`, with the buyers' shortened names and the products' titles (from the
    /// order lines, as bought).
    static func rows(_ reviews: [Review], on database: any Database) async throws -> [ReviewRow] {
        let buyerIDs = Array(Set(reviews.map { $0.$buyer.id }))
        let lineIDs = reviews.map { $0.$orderLine.id }
        let buyers =
            buyerIDs.isEmpty ? [] : try await Account.query(on: database).filter(\.$id ~~ buyerIDs).all()
        let lines = lineIDs.isEmpty ? [] : try await OrderLine.query(on: database).filter(\.$id ~~ lineIDs).all()
        var names: [UUID: String] = [:]
        for buyer in buyers { if let id = buyer.id { names[id] = buyer.displayName } }
        var titles: [UUID: String] = [:]
        for line in lines { if let id = line.id { titles[id] = line.title } }
        let photos = try await ReviewService.photos(of: reviews.compactMap(\.id), on: database)
        return reviews.compactMap { review in
            review.id.map { id in
                ReviewRow(
                    id: id, buyerID: review.$buyer.id, productID: review.$product.id,
                    productTitle: titles[review.$orderLine.id] ?? "",
                    buyerName: Account.maskedName(names[review.$buyer.id] ?? ""), ratings: review.ratings,
                    text: review.text,
                    createdAt: review.createdAt, reply: review.reply, repliedAt: review.repliedAt,
                    photos: (photos[id] ?? []).map(\.fileName))
            }
        }
    }
}
