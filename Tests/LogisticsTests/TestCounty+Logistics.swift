import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Logistics
import Marketplace

/// Runs `body` on a fresh database with every module's tables up to logistics, the demo
/// county's places and logins, and its carriers and network.
func withTestNetwork<T>(
    on store: TestStore = .sqlite, dependencies: Dependencies = .live, _ body: (TestCounty) async throws -> T
) async throws -> T {
    try await withTestCounty(
        on: store, migrations: CommunityMigrations.all + MarketplaceMigrations.all + LogisticsMigrations.all,
        seedDemo: true, dependencies: dependencies
    ) { county in
        try await LogisticsDemo.load(on: county.db)
        return try await body(county)
    }
}

extension TestCounty {
    /// The demo login `username`'s roles.
    func principal(_ username: String) async throws -> Principal {
        guard let account = try await Account.query(on: db).filter(\.$username == username).first() else {
            throw Problem.notFound("The account", field: "username")
        }
        return try await accounts.principal(for: account.requireID(), on: db)
    }
}
