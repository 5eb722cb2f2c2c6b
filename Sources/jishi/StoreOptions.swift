import ArgumentParser
import Foundation
import JishiServer
import Logging

/// Options every server command shares. Flags win over the environment, which wins over defaults.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "sqlite:PATH or postgres://user:pass@host:port/db (default: $DATABASE_URL, else sqlite:jishi.sqlite).")
    var databaseURL: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical (default: $LOG_LEVEL, else info).")
    var logLevel: String?

    func config(defaultStore: JishiConfig.Store? = nil) throws -> JishiConfig {
        var config: JishiConfig
        do {
            config = try JishiConfig.load()
            if let defaultStore, ProcessInfo.processInfo.environment["DATABASE_URL"] == nil {
                config.store = defaultStore
            }
            if let databaseURL { config.store = try JishiConfig.Store(databaseURL: databaseURL) }
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
        if let logLevel {
            guard let level = Logger.Level(rawValue: logLevel.lowercased()) else {
                throw ValidationError("--log-level: use trace, debug, info, notice, warning, error or critical")
            }
            config.logLevel = level
        }
        return config
    }
}
