import FluentKit
import Foundation
import JishiKit

public enum PaymentOutcome: Sendable, Hashable {
    case captured(reference: String)
    case declined(reason: String)
    /// Accepted, with the result to come later by a signed webhook callback.
    case pending(reference: String)
}
