import Community
import FluentKit
import Foundation

/// Stars on the three dimensions buyers rate.
public struct Ratings: Sendable, Hashable, Codable {
    public var described: Int
    public var service: Int
    public var shipping: Int

    public init(described: Int, service: Int, shipping: Int) {
        self.described = described
        self.service = service
        self.shipping = shipping
    }
}
