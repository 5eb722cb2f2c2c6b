import ArgumentParser
import Community
import Foundation
import JishiServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the API and the pages.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Address to listen on.") var hostname: String?
    @Option(help: "Port to listen on.") var port: Int?
    @Flag(help: "Run pending migrations before serving.") var migrate = false
    @Option(
        name: .customLong("database-read-url"),
        help:
            "A PostgreSQL streaming replica's postgres://… URL for search, dashboards and reports (default: $DATABASE_READ_URL, else none: they read the primary)."
    )
    var databaseReadURL: String?

    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port: use 1 to 65535") }
    }

    /// The configuration to serve with; a `ValidationError` naming the variable when a secret is
    /// still its public default on an instance that is not for development.
    func checkedConfig() throws -> JishiConfig {
        var config = try store.config()
        if let hostname { config.http.hostname = hostname }
        if let port { config.http.port = port }
        do {
            if let databaseReadURL { config.readStore = try JishiConfig.Store(readURL: databaseReadURL) }
            try config.checkReadStore()
            try config.checkSecrets()
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
        return config
    }

    func run() async throws {
        let config = try checkedConfig()
        try await withApplication(config) { app in
            if self.migrate { try await jishi.migrate(app) }
            try await serve(app, hostname: config.http.hostname, port: config.http.port)
        }
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Run pending migrations, or revert them all.")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Revert every migration instead.") var revert = false

    func run() async throws {
        try await withApplication(try store.config()) { app in
            try await jishi.migrate(app, revert: revert)
            print(revert ? "Reverted all migrations." : "Migrated.")
        }
    }
}

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Load the demo county into an empty database (migrating first).")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Load the demo county.") var demo = false

    func validate() throws {
        guard demo else { throw ValidationError("Say what to seed: --demo.") }
    }

    func run() async throws {
        let loaded = try await withApplication(try store.config()) { app in
            try await jishi.migrate(app)
            return try await DemoSeed.loadIfEmpty(app)
        }
        guard loaded else {
            FileHandle.standardError.write(Data("error: \(DemoCounty.SeedError.notEmpty.description)\n".utf8))
            throw ExitCode(2)
        }
        print(
            "Loaded the demo county: \(DemoCounty.towns.count) towns, \(DemoCounty.villageCount) villages, "
                + "\(DemoMarket.shops.count) shops with \(DemoMarket.productCount) products.")
        print(DemoSeed.loginTable)
    }
}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "One-command start: migrate, seed and serve jishi-demo.sqlite.")

    @Option(help: "Port to listen on (default: $JISHI_PORT, else 8080).") var port: Int?
    @Option(help: "Address to listen on (default: $JISHI_HOSTNAME, else 127.0.0.1).") var hostname: String?
    @Option(name: .customLong("database-url"), help: "Where the demo lives (default: sqlite:jishi-demo.sqlite).")
    var databaseURL = "sqlite:jishi-demo.sqlite"

    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port: use 1 to 65535") }
    }

    func run() async throws {
        var config = try StoreOptions.parse(["--database-url", databaseURL]).config()
        // The demo is a development instance by definition: its default secrets are fine.
        config.development = true
        if let hostname { config.http.hostname = hostname }
        if let port { config.http.port = port }
        let (hostname, port) = (config.http.hostname, config.http.port)
        try await withApplication(config) { app in
            try await jishi.migrate(app)
            let loaded = try await DemoSeed.loadIfEmpty(app)
            // Written straight to the descriptor: print's buffer would hold it until exit when
            // stdout is a pipe.
            let banner =
                (loaded
                    ? "Seeded the demo county into \(config.store.redactedDescription).\n"
                    : "Reusing \(config.store.redactedDescription).\n")
                + "\nJishi is at http://\(hostname):\(port)/\n\n" + DemoSeed.loginTable + "\n"
            FileHandle.standardOutput.write(Data(banner.utf8))
            try await serve(app, hostname: hostname, port: port)
        }
    }
}
