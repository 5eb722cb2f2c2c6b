import Community
import FluentKit
import Foundation
import JishiKit
import Marketplace

/// A checkout after it was placed: its orders, and the payment (the sandbox's approve and
/// decline buttons for an online payment; where to pay for cash at a station).
enum PaymentPage {
    struct OrderRow: Equatable, Sendable {
        var id: UUID
        var shopName: String
        var totalMinor: Int64
        var status: OrderStatus
    }

    struct Model: Equatable, Sendable {
        var checkoutID: UUID
        var method: Checkout.PaymentMethod
        var totalMinor: Int64
        var expiresAt: Date
        var orders: [OrderRow]
        /// A fresh key for the payment form, so a double submit charges once.
        var key: String
        var failure: FormMessage?
        var now: Date

        var isPaid: Bool {
            !orders.isEmpty && orders.allSatisfy { $0.status != .pendingPayment && $0.status != .cancelled }
        }
        var awaitsPayment: Bool { !orders.isEmpty && orders.allSatisfy { $0.status == .pendingPayment } }
        var canPayOnline: Bool { method == .online && awaitsPayment && expiresAt > now }
    }
}

extension PaymentPage.Model {
    static func load(
        _ checkoutID: UUID, key: String, principal: Community.Principal, services: JishiServices,
        on database: any Database
    ) async throws -> Self {
        let (checkout, orders) = try await services.checkouts.checkout(checkoutID, for: principal, on: database)
        let shops = try await services.shops.shops(withIDs: orders.map(\.$shop.id), on: database)
        return Self(
            checkoutID: checkoutID, method: checkout.paymentMethod, totalMinor: checkout.totalMinor,
            expiresAt: checkout.expiresAt,
            orders: orders.compactMap { order in
                order.id.map {
                    PaymentPage.OrderRow(
                        id: $0, shopName: shops[order.$shop.id]?.name ?? "", totalMinor: order.totalMinor,
                        status: order.status)
                }
            }, key: key, now: services.dependencies.now())
    }
}
