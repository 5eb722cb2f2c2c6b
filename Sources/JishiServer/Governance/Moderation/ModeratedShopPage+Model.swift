import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// One shop as a moderator sees it: its state and the reason, its quality over twelve months
/// (rating, refund rate, monthly trend), its recent lifecycle events, and the form that
/// suspends or reinstates it with a reason.
enum ModeratedShopPage {
    struct Event: Equatable, Sendable {
        var change: String
        var reason: String
        var at: Date
    }

    struct Model: Equatable, Sendable {
        var shopID: UUID
        var name: String
        var status: Shop.Status
        var statusReason: String?
        var kind: Shop.Kind
        var village: HomePage.Name?
        var rating: RatingSummary
        var paidOrders: Int
        var refundedOrders: Int
        var trend: [Month]
        var events: [Event]
        /// An admin may open the seller's dashboard in admin view.
        var adminView: Bool
        var reason = ""
        var error: FormMessage?
        var notice: ManageNotice?

        struct Month: Equatable, Sendable {
            var month: String
            var rating: RatingSummary
        }

        var refundRate: Double? { paidOrders == 0 ? nil : Double(refundedOrders) / Double(paidOrders) }
        /// Suspending is offered unless the shop is suspended; reinstating when it is.
        var suspends: Bool { status != .suspended }
    }
}

extension ModeratedShopPage.Model {
    static func load(_ shopID: UUID, principal: Principal, services: JishiServices, on database: any Database)
        async throws -> Self
    {
        let shop = try await services.shops.shop(shopID, moderatedBy: principal, on: database)
        let village = try await Village.find(shop.$village.id, on: database)
        let quality = try await services.reviews.quality(shopID: shopID, on: database)
        let events = try await services.shops.events(of: shopID, moderatedBy: principal, limit: 10, on: database)
        return Self(
            shopID: shopID, name: shop.name, status: shop.status, statusReason: shop.statusReason, kind: shop.kind,
            village: village.map { HomePage.Name(zhHans: $0.name, en: $0.nameEn) }, rating: quality.rating,
            paidOrders: quality.paidOrders, refundedOrders: quality.refundedOrders,
            trend: quality.trend.map { Month(month: $0.month, rating: $0.rating) },
            events: events.map { ModeratedShopPage.Event(change: $0.change, reason: $0.reason, at: $0.at) },
            adminView: principal.has(.admin))
    }
}
