import Community
import FluentKit
import Foundation
import JishiKit
import Persistence

/// A fresh database with the community's services on it, built as the server builds them but
/// without an app; the demo county's places and logins are loaded when a test asks.
public struct TestCounty: Sendable {
    public let database: TestDatabase
    public let dependencies: Dependencies
    public let accounts: AccountService
    /// The server's default login limits, writing through this database's transactions.
    public let loginThrottle: LoginThrottle

    /// The database, as an app hands out `app.db`.
    public var db: any Database { database.db }
    public var store: TestStore { database.store }
}

/// Runs `body` on a fresh database of `store` migrated with `migrations` (the community's
/// alone unless a module's test adds its own), seeded with the demo county if `seedDemo`.
public func withTestCounty<T>(
    on store: TestStore = .sqlite,
    migrations: [any Migration] = CommunityMigrations.all,
    seedDemo: Bool = false,
    dependencies: Dependencies = .live,
    preparedStatements: Bool = true,
    _ body: (TestCounty) async throws -> T
) async throws -> T {
    try await withTestDatabase(on: store, migrations: migrations, preparedStatements: preparedStatements) { database in
        var loginThrottle = LoginThrottle()
        loginThrottle.transactions = database.transactions
        let county = TestCounty(
            database: database, dependencies: dependencies,
            accounts: AccountService(hasher: TestPasswordHasher(), dependencies: dependencies),
            loginThrottle: loginThrottle)
        if seedDemo { try await DemoCounty.load(on: county.db, accounts: county.accounts) }
        return try await body(county)
    }
}
