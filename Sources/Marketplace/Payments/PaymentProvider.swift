import FluentKit
import Foundation
import JishiKit

/// A way to take money. `sandbox` approves or declines by test token; real providers plug in
/// behind the same protocol.
public protocol PaymentProvider: Sendable {
    var name: String { get }
    /// Authorises and captures `amount`; `reference` identifies the charge at the provider.
    func charge(_ amount: Money, token: String, idempotencyKey: String) async throws -> PaymentOutcome
    /// Sends `amount` of the charge `reference` back; returns the refund's reference. The
    /// same `idempotencyKey` never refunds twice.
    func refund(_ amount: Money, charge reference: String, idempotencyKey: String) async throws -> String
}

public enum PaymentOutcome: Sendable, Hashable {
    case captured(reference: String)
    case declined(reason: String)
    /// Accepted, with the result to come later by a signed webhook callback.
    case pending(reference: String)
}

/// The built-in test provider: `tok_ok` is approved, `tok_decline` declined, and `tok_async`
/// left pending until a webhook (`payment.captured` or `payment.failed`) settles it.
public struct SandboxPaymentProvider: PaymentProvider {
    public let name = "sandbox"

    public init() {}

    public func charge(_ amount: Money, token: String, idempotencyKey: String) async throws -> PaymentOutcome {
        switch token {
        case "tok_ok": .captured(reference: "sbx_" + idempotencyKey)
        case "tok_decline": .declined(reason: "The sandbox declines tok_decline.")
        case "tok_async": .pending(reference: "sbx_" + idempotencyKey)
        default: throw Problem.validation("token", "Use tok_ok, tok_decline or tok_async with the sandbox.")
        }
    }

    public func refund(_ amount: Money, charge reference: String, idempotencyKey: String) async throws -> String {
        "sbx_refund_" + idempotencyKey
    }
}

/// Where a refund's money goes: back through the provider that took it, or — for cash taken
/// at a station — handed back in cash by the station.
enum MoneyBack {
    /// Sends `amount` of `orderID`'s payment back and returns the reference to record.
    /// Call inside the transaction that records the refund.
    static func send(
        _ amount: Money, forOrder orderID: UUID, refundID: UUID, providers: [any PaymentProvider],
        on database: any Database
    ) async throws -> String {
        guard let order = try await Order.find(orderID, on: database),
            let payment = try await Payment.query(on: database).filter(\.$checkout.$id == order.$checkout.id)
                .filter(\.$status == .captured).first()
        else { throw Problem(type: .conflict, detail: "The order has no captured payment to refund.") }
        if payment.provider == Payment.cashProvider {
            return "cash_refund_" + refundID.uuidString.lowercased()
        }
        guard let provider = providers.first(where: { $0.name == payment.provider }) else {
            throw Problem(type: .unavailable, detail: "The payment provider \(payment.provider) is not configured.")
        }
        return try await provider.refund(
            amount, charge: payment.providerReference ?? "", idempotencyKey: refundID.uuidString.lowercased())
    }
}
