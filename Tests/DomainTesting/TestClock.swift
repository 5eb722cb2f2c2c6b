import Foundation
import JishiKit
import NIOConcurrencyHelpers

/// A clock tests move by hand.
public final class TestClock: Sendable {
    private let current: NIOLockedValueBox<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        current = NIOLockedValueBox(start)
    }

    public var now: Date { current.withLockedValue { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLockedValue { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Live ids and randomness, this clock's time.
    public var dependencies: Dependencies {
        var dependencies = Dependencies.live
        dependencies.now = { [self] in self.now }
        return dependencies
    }
}
