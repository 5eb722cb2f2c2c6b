import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import JishiAPI
import JishiKit
import OpenAPIVapor
import Vapor

/// Sets up an application: database, migrations, middleware, the API, the pages.
/// The `jishi` command and the tests call this same function.
public func configure(_ app: Application, _ config: JishiConfig, dependencies: Dependencies = .live) async throws {
    app.logger.logLevel = config.logLevel
    app.jishi = JishiServices(config: config, dependencies: dependencies)
    app.http.server.configuration.hostname = config.http.hostname
    app.http.server.configuration.port = config.http.port
    app.routes.defaultMaxBodySize = ByteCount(integerLiteral: config.http.maxBodyBytes)
    // Pages, stylesheets and JSON go compressed to a client that accepts gzip or deflate (a
    // page of 10–15 KB becomes 3–4 KB on a slow village network); images are compressed already.
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes

    try useDatabase(app, config.store)
    try useReadReplica(app, config)
    if case .sqlite = config.store { try await SQLiteDurability.apply(on: app.db, logger: app.logger) }
    app.logger.notice("Store: \(config.store.redactedDescription)")
    for variable in config.defaultSecrets {
        app.logger.warning(
            "\(variable) is the public default: anyone can sign with it. Fit only for a development instance.")
    }
    app.migrations.add(JishiMigrations.all)

    // Outermost first: observation sees every response, including those made from errors.
    app.middleware = Middlewares()
    app.middleware.use(RequestObservation(metrics: app.jishi.metrics, inFlight: app.jishi.requestsInFlight))
    app.middleware.use(CompressionThreshold())
    app.middleware.use(APIResponseHeaders())
    app.middleware.use(ProblemMiddleware())

    try registerMachineRoutes(app)
    let api = app.grouped(RequestContextMiddleware(), ContractValidationMiddleware(rules: .shared))
    try APIHandler().registerHandlers(
        on: BodilessRequests(transport: VaporTransport(routesBuilder: api)), serverURL: Servers.Server1.url())
    SandboxWebhook.register(on: app)
    ChatSocket.register(on: app)
    PhotoRoutes.register(on: app)
    try WebRoutes.register(on: app)
    if config.jobs.enabled { app.lifecycle.use(JobWorker()) }
    if case .postgres(let url, let searchPath) = config.store {
        app.lifecycle.use(try PostgresChatRelay(url: url, searchPath: searchPath))
    }
}

private func useDatabase(_ app: Application, _ store: JishiConfig.Store) throws {
    switch store {
    // SQLite has one connection per event loop; a burst of requests queues for it for up to half
    // a minute (as on PostgreSQL) rather than the driver's 10 s.
    case .sqlite(let path):
        app.databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(30)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, connectionPoolTimeout: .seconds(30)), as: .sqlite)
    case .postgres(let url, let searchPath):
        var configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            // The driver's error repeats the URL, password included.
            throw ConfigError(
                variable: "DATABASE_URL", reason: "not a usable PostgreSQL URL: \(store.redactedDescription)")
        }
        configuration.searchPath = searchPath
        configuration.withSessionSettings()
        // Four connections per event loop, and half a minute before a request for one gives up:
        // a burst of checkouts queues for a connection rather than failing.
        app.databases.use(
            .postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(30)),
            as: .psql)
    }
}

/// The read replica, when one is configured, as the database id `.replica` (never the default).
private func useReadReplica(_ app: Application, _ config: JishiConfig) throws {
    try config.checkReadStore()
    guard case .postgres(let url, let searchPath) = config.readStore else { return }
    var configuration: SQLPostgresConfiguration
    do {
        configuration = try SQLPostgresConfiguration(url: url)
    } catch {
        throw ConfigError(
            variable: "DATABASE_READ_URL",
            reason: "not a usable PostgreSQL URL: \(config.readStore?.redactedDescription ?? "")")
    }
    configuration.searchPath = searchPath ?? config.store.searchPath
    configuration.withSessionSettings()
    // A replica that does not answer is given up on quickly: the reads go to the primary then.
    app.databases.use(
        .postgres(configuration: configuration, maxConnectionsPerEventLoop: 2, connectionPoolTimeout: .seconds(5)),
        as: .replica, isDefault: false)
    app.logger.notice("Read replica: \(config.readStore?.redactedDescription ?? "")")
}

/// `/openapi.yaml` and `/metrics`; `/healthz` is part of the contract. `/metrics` is served
/// only when a token is configured, and only to a request that brings it: route names, counts
/// and latencies are for the operators.
private func registerMachineRoutes(_ app: Application) throws {
    app.get("openapi.yaml") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: Contract.yaml))
    }
    app.get("metrics") { request -> Response in
        guard let expected = request.jishi.config.metricsToken else { throw Problem(type: .notFound) }
        guard let given = request.bearerToken, constantTimeEqual(given, expected) else {
            throw Problem(type: .unauthenticated, detail: "Send Authorization: Bearer <JISHI_METRICS_TOKEN>.")
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: request.jishi.metrics.text()))
    }
}

extension SQLPostgresConfiguration {
    /// The settings of Jishi's connections, sent as each one starts:
    /// - `jit = off`: PostgreSQL does not compile Jishi's queries. JIT compiles a query whose
    ///   plan costs more than `jit_above_cost`, afresh for each execution: the filter bar's
    ///   counts for a common word at a million products cost 20–40 ms of compiling to save less,
    ///   and none of Jishi's queries runs long enough to repay it (on the kept
    ///   1,000,000-product database, `汉服` with facets went from 184 to 120–135 ms p95).
    /// - `gin_pending_list_limit = 128kB`: a search row written (a product changed, a sale that
    ///   moves its rank, an import) waits in the text GIN indexes' pending list, which every
    ///   text search reads from end to end, until a writer's list passes this size and moves it
    ///   into the index. At PostgreSQL's 4 MB, 111 pending pages made `红色` by sales 11 → 24 ms
    ///   p50 at a million products, and after importing 75,000 products `one character` took
    ///   49 ms p50 against 8 (bench/search/README.md); the import took as long either way.
    mutating func withSessionSettings() {
        coreConfiguration.options.additionalStartupParameters += [("jit", "off"), ("gin_pending_list_limit", "128kB")]
    }
}
