import Foundation

/// Carries out a station's service request on the real service. A provider that reaches the
/// service itself (a utility's payment API) answers with the receipt at once; the built-in
/// `ManualServiceProvider` leaves the request open for the agent, who does it by hand on the
/// service's own counter, app or website and records the receipt.
public protocol ServiceProvider: Sendable {
    /// The provider's name as requests record it.
    var name: String { get }
    /// Whether this provider carries out `kind`.
    func handles(_ kind: ServiceRequest.Kind) -> Bool
    /// Starts the request: `.done(receipt:)` when the service confirmed it, `.waitingForAgent`
    /// when the agent completes it.
    func start(_ request: ServiceRequest) async throws -> ServiceStart
}

public enum ServiceStart: Sendable, Equatable {
    case done(receipt: String)
    case waitingForAgent
}

/// The agent does it by hand and records the outcome: every kind, always.
public struct ManualServiceProvider: ServiceProvider {
    public init() {}
    public var name: String { "manual" }
    public func handles(_ kind: ServiceRequest.Kind) -> Bool { true }
    public func start(_ request: ServiceRequest) async throws -> ServiceStart { .waitingForAgent }
}
