import Community
import FluentKit
import Insights
import Logistics
import Marketplace
import Stations

/// Every migration of every module, in the one order they run. A shipped migration never
/// changes; a schema change is a new migration named after it, appended here.
public enum JishiMigrations {
    public static var all: [any Migration] {
        CommunityMigrations.all + MarketplaceMigrations.all + LogisticsMigrations.all + StationsMigrations.all
            + InsightsMigrations.all + SimulationMigrations.all
            // Last: it replaces the foreign keys other modules' tables hold into the order book.
            + [PartitionOrdersByMonth()]
    }
}
