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
