import Foundation
import JishiKit

/// A way to take money. `sandbox` approves or declines by test token; real providers plug in
/// behind the same protocol.
public protocol PaymentProvider: Sendable {
    var name: String { get }
    /// Authorises and captures `amount`; `reference` identifies the charge at the provider.
    func charge(_ amount: Money, token: String, idempotencyKey: String) async throws -> PaymentOutcome
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
}
