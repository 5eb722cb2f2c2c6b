import Foundation
import JishiServerTesting
import Testing

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Nothing answered is lost when a process dies: buyers check out and pay, over HTTP, against a
/// `jishi serve` process on a PostgreSQL cluster of the test's own (with `synchronous_commit`
/// and `full_page_writes` on, as a real server's); the server is killed with SIGKILL mid-stream and started again, or
/// PostgreSQL is stopped in immediate mode and started again. Afterwards every checkout and
/// payment answered `2xx` is stored exactly once, the variant's stock is its initial stock minus
/// every unit in an order, and nothing is half-written (a checkout without orders, an order
/// without lines or events, a captured payment with unpaid orders).
///
/// Runs where the suite has PostgreSQL (`JISHI_TEST_POSTGRES_URL`), which also means the
/// PostgreSQL binaries and the rights `scripts/postgres-throwaway` needs are there.
@Suite("Crashes lose nothing answered", .serialized)
struct CrashTests {
    static var enabled: Bool { ProcessInfo.processInfo.environment["JISHI_TEST_POSTGRES_URL"] != nil }
    // The time limits below guard against a hang; they are no timing. Under the whole suite on
    // two cores, work that takes 31 s alone has taken 239 s (the county cluster's start in a CI
    // run, where that test's 5 minutes ran out), so they leave room.

    @Test(.enabled(if: enabled), .timeLimit(.minutes(15)))
    func killingTheServerLosesNothingAnswered() async throws {
        try await CrashWorld.with { world in
            let outcome = try await world.stream(seconds: 4) {
                try await Task.sleep(for: .milliseconds(1_500))
                await world.killServer()
                try await world.startServer()
            }
            try await world.check(outcome)
            try await world.checkStillServes()
        }
    }

    @Test(.enabled(if: enabled), .timeLimit(.minutes(15)))
    func stoppingPostgresImmediatelyLosesNothingAnswered() async throws {
        try await CrashWorld.with { world in
            let outcome = try await world.stream(seconds: 5) {
                try await Task.sleep(for: .milliseconds(1_500))
                // Immediate mode (no checkpoint, every backend cut off), then started again with
                // the options it ran with (`restart` reads them back; a bare `start` would not).
                try await world.pgctl("restart", "-m", "immediate", "-l", world.pgDirectory + "/server.log")
            }
            try await world.check(outcome)
            try await world.checkStillServes()
        }
    }
}

/// What the buyers were told: the checkouts answered `201` (with their quantity) and the
/// checkouts whose payment was answered `201`.
struct StreamOutcome: Sendable {
    var checkouts: [(id: String, quantity: Int)] = []
    var paid: [String] = []
    var failures = 0
}

final class CrashWorld: @unchecked Sendable {
    static let initialStock = 100_000

    let pgDirectory: String
    let url: String
    let port: Int
    var server: pid_t?
    var variantID = ""
    var villageID = ""
    var soldBefore = 0
    var token = ""

    init(pgDirectory: String, url: String, port: Int) {
        self.pgDirectory = pgDirectory
        self.url = url
        self.port = port
    }

    /// A cluster of its own, the demo county, one variant with plenty of stock, a server and the
    /// demo buyer signed in; everything stopped and removed afterwards.
    static func with(_ body: (CrashWorld) async throws -> Void) async throws {
        let throwaway = BuiltJishi.packageRoot.appendingPathComponent("scripts/postgres-throwaway").path
        let started = try await Self.run(
            [throwaway, "start"],
            // A real server's durability: commits wait for the WAL, and full pages are logged
            // (the throwaway turns both off for speed; without full pages, recovery from the
            // immediate stop leaves the search's RUM index looping on its next insert).
            environment: ["JISHI_PG_OPTIONS": "-c synchronous_commit=on -c full_page_writes=on"])
        var values: [String: String] = [:]
        for line in started.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        let directory = try #require(values["PG_TMP"])
        try await withCleanup {
            let world = CrashWorld(
                pgDirectory: directory, url: try #require(values["JISHI_TEST_POSTGRES_URL"]),
                port: try Loopback.freePort())
            _ = try await Self.run([
                BuiltJishi.binary.path, "seed", "--database-url", world.url, "--demo", "--log-level", "error",
            ])
            world.variantID = try await world.psql(
                """
                SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id JOIN shops s ON s.id = p.shop_id \
                WHERE p.listed AND s.status = 'active' AND v.source_variant_id IS NULL ORDER BY v.id LIMIT 1
                """)
            world.villageID = try await world.psql("SELECT id FROM villages ORDER BY code LIMIT 1")
            world.soldBefore = Int(try await world.psql(world.soldQuery)) ?? 0
            _ = try await world.psql("UPDATE variants SET stock = \(initialStock) WHERE id = '\(world.variantID)'")
            try await withCleanup {
                try await world.startServer()
                let session = try await world.send(
                    "POST", "/api/v1/sessions", json: #"{"username":"buyer","password":"jishi-demo"}"#)
                #expect(session.status == 201)
                world.token = try #require(session.json?["token"] as? String)
                try await body(world)
            } cleanup: {
                await world.killServer()
            }
        } cleanup: {
            _ = try? await Self.run([throwaway, "stop", directory])
        }
    }

    var soldQuery: String {
        "SELECT COALESCE(SUM(quantity), 0) FROM order_lines WHERE variant_id = '\(variantID)'"
    }

    // MARK: the stream

    /// Four buyers check out (1 or 2 units) and pay, one after another each, for `seconds`,
    /// while `disrupt` runs beside them.
    func stream(seconds: Double, disrupt: @escaping @Sendable () async throws -> Void) async throws -> StreamOutcome {
        let deadline = Date().addingTimeInterval(seconds)
        return try await withThrowingTaskGroup(of: StreamOutcome.self) { group in
            group.addTask {
                try await disrupt()
                return StreamOutcome()
            }
            for buyer in 0..<4 {
                group.addTask {
                    var outcome = StreamOutcome()
                    var round = 0
                    while Date() < deadline {
                        round += 1
                        let quantity = 1 + (buyer + round) % 2
                        let body = """
                            {"items":[{"variantId":"\(self.variantID)","quantity":\(quantity)}],\
                            "delivery":{"name":"李敏","phone":"13800000000","addressLine":"村口第三家",\
                            "villageId":"\(self.villageID)"},"paymentMethod":"online"}
                            """
                        guard
                            let placed = try? await self.send(
                                "POST", "/api/v1/checkout", json: body, key: UUID().uuidString),
                            placed.status == 201, let id = placed.json?["checkoutId"] as? String
                        else {
                            outcome.failures += 1
                            try await Task.sleep(for: .milliseconds(50))
                            continue
                        }
                        outcome.checkouts.append((id, quantity))
                        let paid = try? await self.send(
                            "POST", "/api/v1/checkouts/\(id)/payments",
                            json: #"{"provider":"sandbox","token":"tok_ok"}"#,
                            key: UUID().uuidString)
                        if paid?.status == 201 { outcome.paid.append(id) } else { outcome.failures += 1 }
                    }
                    return outcome
                }
            }
            var all = StreamOutcome()
            for try await outcome in group {
                all.checkouts += outcome.checkouts
                all.paid += outcome.paid
                all.failures += outcome.failures
            }
            return all
        }
    }

    // MARK: the checks

    func check(_ outcome: StreamOutcome) async throws {
        #expect(outcome.checkouts.count >= 4, "the stream made progress: \(outcome.checkouts.count) checkouts")
        #expect(outcome.failures > 0, "the disruption was felt by some request")
        let ids = outcome.checkouts.map { "'\($0.id)'" }.joined(separator: ",")
        // Every answered checkout is there, once.
        #expect(
            try await psql("SELECT COUNT(DISTINCT id) FROM checkouts WHERE id IN (\(ids))")
                == "\(outcome.checkouts.count)")
        // Every answered payment is captured, once, and its orders are paid.
        if !outcome.paid.isEmpty {
            let paid = outcome.paid.map { "'\($0)'" }.joined(separator: ",")
            #expect(
                try await psql(
                    "SELECT COUNT(DISTINCT checkout_id) FROM payments WHERE status = 'captured' AND checkout_id IN (\(paid))"
                )
                    == "\(outcome.paid.count)")
            #expect(
                try await psql("SELECT COUNT(*) FROM orders WHERE checkout_id IN (\(paid)) AND status <> 'paid'") == "0"
            )
        }
        #expect(
            try await psql(
                "SELECT COUNT(*) FROM (SELECT checkout_id FROM payments WHERE status = 'captured' GROUP BY checkout_id HAVING COUNT(*) > 1) twice"
            ) == "0")
        // Stock: the initial stock minus every unit in an order placed since.
        let sold = (Int(try await psql(soldQuery)) ?? 0) - soldBefore
        #expect(sold >= outcome.checkouts.map(\.quantity).reduce(0, +))
        #expect(try await psql("SELECT stock FROM variants WHERE id = '\(variantID)'") == "\(Self.initialStock - sold)")
        // Nothing half-written.
        for (what, query) in [
            (
                "a checkout without orders",
                "SELECT COUNT(*) FROM checkouts c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.checkout_id = c.id)"
            ),
            (
                "an order without lines",
                "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)"
            ),
            (
                "an order without events",
                "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id)"
            ),
            (
                "a paid order without its event",
                "SELECT COUNT(*) FROM orders o WHERE o.status = 'paid' AND NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.to_status = 'paid')"
            ),
            (
                "a captured payment with unpaid orders",
                "SELECT COUNT(*) FROM payments p JOIN orders o ON o.checkout_id = p.checkout_id WHERE p.status = 'captured' AND o.status = 'pending_payment'"
            ),
        ] {
            #expect(try await psql(query) == "0", "\(what)")
        }
    }

    /// A checkout and its payment go through once the dust has settled.
    func checkStillServes() async throws {
        var placed: (status: Int, json: [String: Any]?)?
        for _ in 0..<50 {
            placed = try? await send(
                "POST", "/api/v1/checkout",
                json: """
                    {"items":[{"variantId":"\(variantID)","quantity":1}],"delivery":{"name":"李敏",\
                    "phone":"13800000000","addressLine":"村口第三家","villageId":"\(villageID)"},"paymentMethod":"online"}
                    """, key: UUID().uuidString)
            if placed?.status == 201 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let id = try #require(placed?.json?["checkoutId"] as? String)
        let paid = try await send(
            "POST", "/api/v1/checkouts/\(id)/payments", json: #"{"provider":"sandbox","token":"tok_ok"}"#,
            key: UUID().uuidString)
        #expect(paid.status == 201)
    }

    // MARK: processes

    func startServer() async throws {
        server = try Self.spawn(
            [BuiltJishi.binary.path, "serve", "--log-level", "error"],
            environment: [
                "DATABASE_URL": url, "JISHI_PORT": String(port), "JISHI_HOSTNAME": "127.0.0.1",
                "JISHI_DEVELOPMENT": "1",
            ])
        for _ in 0..<300 {
            if let health = try? await send("GET", "/healthz"), health.status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the server did not come up")
    }

    func killServer() async {
        guard let server else { return }
        kill(server, SIGKILL)
        _ = await Self.exit(of: server)
        self.server = nil
    }

    func pgctl(_ arguments: String...) async throws {
        _ = try await Self.run(
            ["runuser", "-u", "postgres", "--", "/usr/lib/postgresql/15/bin/pg_ctl", "-D", pgDirectory + "/data", "-w"]
                + arguments)
    }

    func psql(_ sql: String) async throws -> String {
        try await Self.run(["psql", "-At", "-v", "ON_ERROR_STOP=1", url, "-c", sql])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func send(_ method: String, _ path: String, json: String? = nil, key: String? = nil) async throws -> (
        status: Int, json: [String: Any]?
    ) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.timeoutInterval = 10
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if !token.isEmpty { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let key { request.setValue(key, forHTTPHeaderField: "Idempotency-Key") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, try? JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Runs a program to its end and answers what it printed; posix_spawn and waitpid rather
    /// than Foundation's `Process`, whose wait never returned here once the child had started
    /// PostgreSQL. Output goes to a file, not a pipe, which the daemon would hold open.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jishi-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let pid = try spawn(arguments, environment: environment, output: file.path)
        let status = await exit(of: pid)
        guard status == 0 else {
            throw CrashWorldError(detail: "\(arguments.joined(separator: " ")) exited with status \(status)")
        }
        return String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
    }

    /// Waits for a child to end, off the cooperative pool (`offThePool`: a cluster's start takes
    /// a minute); answers its wait status.
    static func exit(of pid: pid_t) async -> Int32 {
        (try? await offThePool {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            return status
        }) ?? -1
    }

    /// Starts a program with `environment` added to this process's, its output in `output`
    /// (or nowhere); answers its pid.
    static func spawn(_ arguments: [String], environment: [String: String] = [:], output: String? = nil) throws
        -> pid_t
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard result == 0 else { throw CrashWorldError(detail: "cannot start \(arguments[0]): \(result)") }
        return pid
    }
}

struct CrashWorldError: Error, CustomStringConvertible {
    var detail: String
    var description: String { detail }
}
