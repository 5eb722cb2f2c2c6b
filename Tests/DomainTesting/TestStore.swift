import Foundation
import Testing

/// A database the storage tests run on: in-memory SQLite always, PostgreSQL when
/// `JISHI_TEST_POSTGRES_URL` is set (CI sets it).
public enum TestStore: String, Sendable, CustomTestStringConvertible, CaseIterable {
    case sqlite
    case postgres

    /// The stores available in this run; parameterise storage tests with it.
    public static var available: [TestStore] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["JISHI_TEST_POSTGRES_URL"]
        return (url?.isEmpty ?? true) ? nil : url
    }

    public var testDescription: String { rawValue }
}
