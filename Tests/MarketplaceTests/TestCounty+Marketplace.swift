import Community
import DomainTesting
import Foundation
import JishiKit
import Marketplace

extension TestCounty {
    /// The marketplace's services on this county's database, configured as the server
    /// configures them (its prepared statements where the store has them).
    var marketplace: MarketplaceContext {
        var context = MarketplaceContext(dependencies: dependencies, transactions: database.transactions)
        context.prepared = database.prepared
        return context
    }
}

/// Runs `body` on a fresh database with the community's and the marketplace's tables (the order
/// book partitioned by month on PostgreSQL, as the server has it) and the demo county's places
/// and logins.
func withTestMarket<T>(
    on store: TestStore = .sqlite, dependencies: Dependencies = .live, preparedStatements: Bool = true,
    _ body: (TestCounty) async throws -> T
) async throws -> T {
    try await withTestCounty(
        on: store, migrations: CommunityMigrations.all + MarketplaceMigrations.all + [PartitionOrdersByMonth()],
        seedDemo: true,
        dependencies: dependencies, preparedStatements: preparedStatements, body)
}
