import Community
import FluentKit
import Insights
import Logistics
import Marketplace
import Stations
import Vapor

/// The seed step of `jishi seed --demo` and `jishi demo`.
public enum DemoSeed {
    /// Loads the demo county and its market when the database is empty; `false` when it was not.
    public static func loadIfEmpty(_ app: Application) async throws -> Bool {
        do {
            try await DemoCounty.load(on: app.db, accounts: app.jishi.accounts)
            try await LogisticsDemo.load(on: app.db)
            try await StationsDemo.load(on: app.db, context: app.jishi.stationsContext)
            try await DemoMarket.load(on: app.db, services: app.jishi)
            try await StationsDemoOrders.load(on: app.db, services: app.jishi)
            let now = app.jishi.dependencies.now()
            try await LogisticsDemo.loadDay(PageDate.string(now), at: now, on: app.db)
            try await InsightsDemo.load(on: app.db, context: app.jishi.insightsContext, month: Months.month(of: now))
            try await DesignsDemo.load(on: app.db, services: app.jishi)
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
