import FluentKit
import Foundation
import JishiKit

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
