import Foundation

/// Side effects that tests pin: the time, new ids and random secrets.
public struct Dependencies: Sendable {
    public var now: @Sendable () -> Date
    public var uuid: @Sendable () -> UUID
    public var randomBytes: @Sendable (Int) -> [UInt8]

    public init(
        now: @escaping @Sendable () -> Date,
        uuid: @escaping @Sendable () -> UUID,
        randomBytes: @escaping @Sendable (Int) -> [UInt8]
    ) {
        self.now = now
        self.uuid = uuid
        self.randomBytes = randomBytes
    }

    public static let live = Dependencies(
        now: { Date() },
        uuid: { UUID() },
        randomBytes: { count in
            var generator = SystemRandomNumberGenerator()
            return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        }
    )
}

extension Array where Element == UInt8 {
    /// URL-safe base64 without padding, for tokens that travel in headers and cookies.
    public var base64URLEncoded: String {
        Data(self).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
