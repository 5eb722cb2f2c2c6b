import FluentKit
import Foundation
import JishiKit

/// Where a refund's money goes: back through the provider that took it, or — for cash taken
/// at a station — handed back in cash by the station.
enum MoneyBack {
    /// Sends `amount` of `orderID`'s payment back and returns the reference to record.
    /// Call inside the transaction that records the refund.
    static func send(
        _ amount: Money, forOrder orderID: UUID, refundID: UUID, providers: [any PaymentProvider],
        cashDesk: (any CashDesk)?, observer: (any SaleObserver)?, actor: UUID?, on database: any Database
    ) async throws -> String {
        guard let order = try await Order.find(orderID, on: database),
            let payment = try await Payment.query(on: database).filter(\.$checkout.$id == order.$checkout.id)
                .filter(\.$status == .captured).first()
        else { throw Problem(type: .conflict, detail: "The order has no captured payment to refund.") }
        try await observer?.refunded(amount, ofOrder: orderID, refundID: refundID, on: database)
        if payment.provider == Payment.cashProvider {
            try await cashDesk?.handBack(
                amount, forCheckout: order.$checkout.id, refundID: refundID, by: actor, on: database)
            return "cash_refund_" + refundID.uuidString.lowercased()
        }
        guard let provider = providers.first(where: { $0.name == payment.provider }) else {
            throw Problem(type: .unavailable, detail: "The payment provider \(payment.provider) is not configured.")
        }
        return try await provider.refund(
            amount, charge: payment.providerReference ?? "", idempotencyKey: refundID.uuidString.lowercased())
    }
}
