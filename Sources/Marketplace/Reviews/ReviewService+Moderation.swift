import Community
import FluentKit
import Foundation
import JishiKit

extension ReviewService {
    /// Reviews someone reported, in shops `principal` moderates: the visible ones (waiting for a
    /// decision) or the hidden ones (to restore), most reported first, then newest. A `403`
    /// for someone who moderates nowhere.
    public func reported(
        hidden: Bool, page: JishiKit.PageRequest, by principal: Principal, on database: any Database
    ) async throws -> JishiKit.Page<Review> {
        let villages = try await ShopService(context: context).moderatedVillageIDs(principal, on: database)
        guard !villages.isEmpty else { throw Problem.forbidden("This account moderates no shops.") }
        let query = Review.query(on: database).join(Shop.self, on: \Review.$shop.$id == \Shop.$id)
            .filter(Shop.self, \.$village.$id ~~ villages)
            .filter(\Review.$hidden == hidden)
        // A hidden review is listed whether or not it was reported: it may need restoring.
        if !hidden { query.filter(\Review.$reportCount > 0) }
        let total = try await query.copy().count()
        let items = try await query.sort(\Review.$reportCount, .descending).sort(\Review.$createdAt, .descending)
            .sort(\Review.$id).range(page.rows).all()
        return JishiKit.Page(items: items, total: total, request: page)
    }

    /// The reports on each of `reviewIDs`, oldest first.
    public func reports(of reviewIDs: [UUID], on database: any Database) async throws -> [UUID: [ReviewReport]] {
        guard !reviewIDs.isEmpty else { return [:] }
        let reports = try await ReviewReport.query(on: database).filter(\.$review.$id ~~ reviewIDs)
            .sort(\.$at).sort(\.$id).all()
        return Dictionary(grouping: reports) { $0.$review.id }
    }

    /// The latest moderation of each of `reviewIDs` (who hid or restored it, and why).
    public func lastModerations(of reviewIDs: [UUID], on database: any Database) async throws
        -> [UUID: ReviewModeration]
    {
        guard !reviewIDs.isEmpty else { return [:] }
        let entries = try await ReviewModeration.query(on: database).filter(\.$review.$id ~~ reviewIDs)
            .sort(\.$at).sort(\.$id).all()
        var latest: [UUID: ReviewModeration] = [:]
        for entry in entries { latest[entry.$review.id] = entry }
        return latest
    }
}
