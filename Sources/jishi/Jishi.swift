import ArgumentParser

/// The command line: a thin shell over `JishiServer` and `Routing`.
@main
struct Jishi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jishi",
        abstract: "Jishi (集市): the county's rural e-commerce platform.",
        discussion:
            "Start with `jishi demo`. The store is chosen by --database-url or DATABASE_URL (sqlite:PATH or postgres://…).",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, SeedCommand.self, DemoCommand.self, RouteCommand.self,
            SiteCommand.self, ImportCommand.self, ExportCommand.self, DispatchCommand.self, CarrierCommand.self,
            InsightsCommand.self, SimulateCommand.self,
        ]
    )

    /// Runs Swift concurrency on the event loops from the start (see
    /// `runConcurrencyOnEventLoops`), then the command.
    static func main() async {
        runConcurrencyOnEventLoops()
        await main(nil)
    }
}
