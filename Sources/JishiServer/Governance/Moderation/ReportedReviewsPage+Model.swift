import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// Reviews someone reported, in the shops the viewer moderates: those waiting for a decision,
/// or those hidden (to restore). Each with the reports' reasons and a form with a reason.
enum ReportedReviewsPage {
    static let pageSize = 20

    struct Row: Equatable, Sendable {
        var review: ReviewRow
        var shopID: UUID
        var shopName: String
        var reportCount: Int
        var reasons: [String]
        /// Why it was last hidden or restored.
        var lastDecision: String?
    }

    struct Model: Equatable, Sendable {
        var showHidden: Bool
        var rows: [Row]
        var total: Int
        var offset: Int
        /// A reason that came back with a problem, as typed, by review.
        var drafts: [UUID: String] = [:]
        var errors: [UUID: FormMessage] = [:]
        /// What went wrong with the last form, above the list.
        var failure: FormMessage?
        var notice: ManageNotice?

        var path: String { SitePath.reportedReviews.path + (showHidden ? "?show=hidden" : "") }
    }
}

extension ReportedReviewsPage.Model {
    static func load(
        showHidden: Bool, offset: Int, principal: Principal, services: JishiServices, on database: any Database
    ) async throws -> Self {
        let page = try await services.reviews.reported(
            hidden: showHidden, page: PageRequest(limit: ReportedReviewsPage.pageSize, offset: offset), by: principal,
            on: database)
        let ids = page.items.compactMap(\.id)
        let reports = try await services.reviews.reports(of: ids, on: database)
        let decisions = try await services.reviews.lastModerations(of: ids, on: database)
        let shopIDs = Array(Set(page.items.map { $0.$shop.id }))
        let shops = shopIDs.isEmpty ? [] : try await Shop.query(on: database).filter(\.$id ~~ shopIDs).all()
        var names: [UUID: String] = [:]
        for shop in shops { if let id = shop.id { names[id] = shop.name } }
        let rows = try await ReviewRow.rows(page.items, on: database)
        return Self(
            showHidden: showHidden,
            rows: zip(page.items, rows).map { review, row in
                ReportedReviewsPage.Row(
                    review: row, shopID: review.$shop.id, shopName: names[review.$shop.id] ?? "",
                    reportCount: review.reportCount, reasons: (reports[row.id] ?? []).map(\.reason),
                    lastDecision: decisions[row.id]?.reason)
            }, total: page.total, offset: page.request.offset)
    }
}
