import Community
import FluentKit
import Metrics
import Vapor

/// The seed step of `jishi seed --demo` and `jishi demo`.
public enum DemoSeed {
    /// Loads the demo county when the database is empty; `false` when it was not.
    public static func loadIfEmpty(_ app: Application) async throws -> Bool {
        do {
            try await DemoCounty.load(on: app.db, accounts: app.jishi.accounts)
            return true
        } catch DemoCounty.SeedError.notEmpty {
            return false
        }
    }

    /// "role  username  password" lines for the console.
    public static var loginTable: String {
        let rows = DemoCounty.logins.map { login in
            "  \(login.role.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))"
                + "\(login.username.padding(toLength: 12, withPad: " ", startingAt: 0))\(DemoCounty.password)   (\(login.scopeDescription))"
        }
        return (["Demo logins (role, username, password):"] + rows).joined(separator: "\n")
    }
}

/// Bootstraps swift-metrics once per process with the app's factory, so library metrics land
/// in the same registry as the request metrics.
public enum MetricsBootstrap {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var done = false

    public static func once(_ metrics: AppMetrics) {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        MetricsSystem.bootstrap(metrics.factory)
    }
}
