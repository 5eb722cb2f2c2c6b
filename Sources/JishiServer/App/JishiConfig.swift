import Community
import Foundation
import Logging

/// Everything the server needs to know, as one typed value, loaded once.
///
/// Layered: command-line flags, then environment variables, then the defaults below.
public struct JishiConfig: Sendable {
    public var store: Store
    /// A streaming replica of `store` that read-only work (search, the officials' dashboards and
    /// reports) is sent to; nil: everything reads the primary. PostgreSQL only.
    public var readStore: Store?
    public var http: HTTP
    public var auth: Auth
    public var jobs: Jobs
    public var media: Media
    public var payments: Payments
    public var chat = Chat()
    public var logLevel: Logger.Level
    /// Whether the hot paths run prepared statements on PostgreSQL (parsed and planned once per
    /// connection). Off for a pooler that cannot keep them, such as PgBouncer in transaction
    /// mode before 1.21; the portable statements are used then.
    public var preparedStatements = true
    /// A development instance (the demo, tests, a developer's machine) may run with the public
    /// default secrets; any other refuses to serve with them (`checkSecrets`).
    public var development = false
    /// The bearer token `/metrics` asks for; without one, `/metrics` is not served.
    public var metricsToken: String?

    public init(
        store: Store = .sqlite(path: "jishi.sqlite"), http: HTTP = HTTP(), auth: Auth = Auth(), jobs: Jobs = Jobs(),
        media: Media = Media(), payments: Payments = Payments(), logLevel: Logger.Level = .info
    ) {
        self.store = store
        self.http = http
        self.auth = auth
        self.jobs = jobs
        self.media = media
        self.payments = payments
        self.logLevel = logLevel
    }

    /// Uploaded files.
    public struct Media: Sendable {
        /// The directory product photos are kept in; created when absent.
        public var photoDirectory = "jishi-photos"
        /// The largest photo accepted, in bytes.
        public var maxPhotoBytes = 2 * 1024 * 1024

        public init() {}
    }

    /// Chat limits.
    public struct Chat: Sendable {
        /// Messages one sender may send a minute.
        public var messagesPerMinute = 20

        public init() {}
    }

    /// Payment providers' settings.
    public struct Payments: Sendable {
        /// The key the sandbox provider signs its webhook callbacks with (HMAC-SHA256). The
        /// default is public and fit only for a development instance.
        public var sandboxWebhookSecret = Self.publicSandboxWebhookSecret
        /// The default webhook key: printed in the source, so anyone can sign with it.
        public static let publicSandboxWebhookSecret = "jishi-sandbox-webhook-secret"
        /// How old a signed webhook may be before it is refused as a replay.
        public var webhookTolerance: TimeInterval = 300

        public init() {}
    }

    /// The background job worker that runs inside every server process.
    public struct Jobs: Sendable {
        /// Off in tests, which run the queue by hand.
        public var enabled = true
        /// How often the worker looks for due jobs.
        public var pollInterval: TimeInterval = 2

        public init() {}
    }

    /// Where the data lives.
    public enum Store: Sendable, Equatable {
        /// An SQLite file; created when absent.
        case sqlite(path: String)
        /// A private in-memory SQLite database (tests).
        case sqliteMemory
        /// A PostgreSQL server, from a `postgres://user:pass@host:port/db` URL. `searchPath`
        /// puts the tables in a schema of their own (tests use one per test).
        case postgres(url: String, searchPath: [String]? = nil)

        /// Parses `DATABASE_URL`: `sqlite:PATH`, `sqlite::memory:` or `postgres://…`.
        public init(databaseURL: String) throws {
            if databaseURL == "sqlite::memory:" {
                self = .sqliteMemory
            } else if databaseURL.hasPrefix("sqlite:") {
                let path = String(databaseURL.dropFirst("sqlite:".count))
                guard !path.isEmpty else {
                    throw ConfigError(
                        variable: "DATABASE_URL", reason: "sqlite: needs a file path, as in sqlite:jishi.sqlite")
                }
                self = .sqlite(path: path)
            } else if databaseURL.hasPrefix("postgres://") || databaseURL.hasPrefix("postgresql://") {
                guard let components = URLComponents(string: databaseURL), components.host?.isEmpty == false,
                    components.user?.isEmpty == false, components.path.count > 1
                else {
                    throw ConfigError(variable: "DATABASE_URL", reason: "use postgres://user:pass@host:port/db")
                }
                self = .postgres(url: databaseURL)
            } else {
                throw ConfigError(
                    variable: "DATABASE_URL", reason: "use sqlite:PATH or postgres://user:pass@host:port/db")
            }
        }

        /// Parses `DATABASE_READ_URL`: a PostgreSQL replica's `postgres://…` URL. SQLite is refused,
        /// since a replica of an SQLite file is not something Jishi can read from.
        public init(readURL: String) throws {
            guard readURL.hasPrefix("postgres://") || readURL.hasPrefix("postgresql://") else {
                throw ConfigError(
                    variable: "DATABASE_READ_URL",
                    reason: "a PostgreSQL replica's postgres://user:pass@host:port/db; SQLite has no replica to read")
            }
            do {
                self = try Store(databaseURL: readURL)
            } catch let error as ConfigError {
                throw ConfigError(variable: "DATABASE_READ_URL", reason: error.reason)
            }
        }

        public var kind: String {
            switch self {
            case .sqlite, .sqliteMemory: "sqlite"
            case .postgres: "postgres"
            }
        }

        /// The schemas a PostgreSQL store's tables are in, when not the default.
        public var searchPath: [String]? {
            if case .postgres(_, let searchPath) = self { return searchPath }
            return nil
        }

        /// What the logs may say about the store: never the password.
        public var redactedDescription: String {
            switch self {
            case .sqlite(let path): return "sqlite:\(path)"
            case .sqliteMemory: return "sqlite::memory:"
            case .postgres(let url, _):
                guard var components = URLComponents(string: url) else { return "postgres://(unparseable)" }
                if components.password != nil { components.password = "***" }
                return components.string ?? "postgres://(unparseable)"
            }
        }
    }

    public struct HTTP: Sendable {
        public var hostname = "127.0.0.1"
        public var port = 8080
        /// Largest request body accepted, in bytes.
        public var maxBodyBytes = 1 << 20
        /// The bytes the bodies held whole while they arrive, where a route allows more than
        /// `maxBodyBytes` (the catalogue import page's form, up to 64 MiB), may have at once
        /// (`BodyMemory`).
        public var uploadMemoryBytes = 256 << 20
        /// Mark cookies `Secure` (behind HTTPS).
        public var secureCookies = false
        /// Take the caller's address, for the per-address limits, from the `X-Forwarded-For` the
        /// proxy in front adds (`JISHI_TRUST_PROXY`); only where nothing but that proxy can reach
        /// the server, since a client can write the header too.
        public var trustProxy = false
        /// How often a WebSocket (chat's) is pinged; one that has not answered a ping by the
        /// next is closed. A phone that lost its network leaves no socket behind for long, and
        /// a socket that only listens is not idle to the networks and HAProxy between.
        public var socketPingInterval: TimeInterval = 30

        public init() {}
    }

    public struct Auth: Sendable {
        /// How long a bearer token or a web session lasts.
        public var tokenLifetime: TimeInterval = 7 * 24 * 3600
        /// Bcrypt cost; tests lower it.
        public var bcryptCost = 12
        /// How failed logins slow further attempts (see `LoginThrottle`).
        public var loginThrottle = LoginThrottle()

        public init() {}
    }

    /// The secrets still at their public defaults, by the variable that sets each.
    public var defaultSecrets: [String] {
        payments.sandboxWebhookSecret == Payments.publicSandboxWebhookSecret ? ["JISHI_SANDBOX_WEBHOOK_SECRET"] : []
    }

    /// Refuses a read replica beside an SQLite store: the replica must be PostgreSQL's, of a
    /// PostgreSQL primary.
    public func checkReadStore() throws {
        guard readStore != nil, store.kind != "postgres" else { return }
        throw ConfigError(
            variable: "DATABASE_READ_URL", reason: "a read replica needs DATABASE_URL on PostgreSQL too, not SQLite")
    }

    /// Refuses a configuration that would serve with a public default secret, unless it is a
    /// development instance.
    public func checkSecrets() throws {
        guard !development, let variable = defaultSecrets.first else { return }
        throw ConfigError(
            variable: variable,
            reason:
                "still the public default, which anyone can sign webhooks with and so pay orders; set a secret of "
                + "at least 16 characters, or set JISHI_DEVELOPMENT=1 on a development instance")
    }

    /// Reads the environment over the defaults. Flags are applied afterwards by the caller.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> JishiConfig {
        var config = JishiConfig()
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            config.store = try Store(databaseURL: url)
        }
        if let url = environment["DATABASE_READ_URL"], !url.isEmpty {
            config.readStore = try Store(readURL: url)
        }
        if let host = environment["JISHI_HOSTNAME"], !host.isEmpty { config.http.hostname = host }
        if let port = environment["JISHI_PORT"] {
            guard let value = Int(port), (1...65535).contains(value) else {
                throw ConfigError(variable: "JISHI_PORT", reason: "not a port number: \(port)")
            }
            config.http.port = value
        }
        if let level = environment["LOG_LEVEL"] {
            guard let value = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigError(
                    variable: "LOG_LEVEL", reason: "use trace, debug, info, notice, warning, error or critical")
            }
            config.logLevel = value
        }
        if let secure = environment["JISHI_SECURE_COOKIES"] {
            config.http.secureCookies = ["1", "true", "yes"].contains(secure.lowercased())
        }
        if let hours = environment["JISHI_TOKEN_HOURS"] {
            guard let value = Double(hours), value > 0 else {
                throw ConfigError(variable: "JISHI_TOKEN_HOURS", reason: "a positive number of hours")
            }
            config.auth.tokenLifetime = value * 3600
        }
        if let directory = environment["JISHI_PHOTO_DIR"], !directory.isEmpty {
            config.media.photoDirectory = directory
        }
        if let rate = environment["JISHI_CHAT_MESSAGES_PER_MINUTE"] {
            guard let value = Int(rate), (1...100_000).contains(value) else {
                throw ConfigError(variable: "JISHI_CHAT_MESSAGES_PER_MINUTE", reason: "a whole number from 1 to 100000")
            }
            config.chat.messagesPerMinute = value
        }
        if let megabytes = environment["JISHI_UPLOAD_MEMORY_MB"] {
            // At least one catalogue import: the API's form takes 1 MiB of CSV and 64 MiB of photos.
            guard let value = Int(megabytes), (80...65_536).contains(value) else {
                throw ConfigError(variable: "JISHI_UPLOAD_MEMORY_MB", reason: "a whole number from 80 to 65536")
            }
            config.http.uploadMemoryBytes = value << 20
        }
        if let trust = environment["JISHI_TRUST_PROXY"] {
            config.http.trustProxy = try flag(trust, variable: "JISHI_TRUST_PROXY")
        }
        if let prepared = environment["JISHI_PREPARED_STATEMENTS"] {
            config.preparedStatements = try flag(prepared, variable: "JISHI_PREPARED_STATEMENTS")
        }
        if let development = environment["JISHI_DEVELOPMENT"] {
            config.development = try flag(development, variable: "JISHI_DEVELOPMENT")
        }
        if let token = environment["JISHI_METRICS_TOKEN"], !token.isEmpty {
            guard token.utf8.count >= 16, !token.containsWhitespaceOrControl else {
                throw ConfigError(variable: "JISHI_METRICS_TOKEN", reason: "use at least 16 characters, no spaces")
            }
            config.metricsToken = token
        }
        if let secret = environment["JISHI_SANDBOX_WEBHOOK_SECRET"] {
            guard secret.utf8.count >= 16 else {
                throw ConfigError(variable: "JISHI_SANDBOX_WEBHOOK_SECRET", reason: "use at least 16 characters")
            }
            config.payments.sandboxWebhookSecret = secret
        }
        return config
    }

    private static func flag(_ value: String, variable: String) throws -> Bool {
        switch value.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off", "": return false
        default: throw ConfigError(variable: variable, reason: "use on or off")
        }
    }
}

extension String {
    fileprivate var containsWhitespaceOrControl: Bool {
        unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
    }
}

/// A configuration value that cannot be used, naming its source.
public struct ConfigError: Error, CustomStringConvertible {
    public init(variable: String, reason: String) {
        self.variable = variable
        self.reason = reason
    }

    public var variable: String
    public var reason: String

    public var description: String { "\(variable): \(reason)" }
}
