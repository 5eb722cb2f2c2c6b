import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
import VaporTesting

#if canImport(Glibc)
    import Glibc  // kill()
#endif

/// Nothing acknowledged is lost: a real `jishi serve` process on PostgreSQL takes a stream of
/// counter operations (the deposit paid in, services taken and completed with their fees) from
/// two clients at once and is killed with SIGKILL in the middle; after a restart every
/// operation that was answered `2xx` is in the ledger exactly once, nothing is half-written
/// (every entry has its two postings, every service done has its fee), and sending the
/// unanswered ones again with their keys does each exactly once.
@Suite("Counter operations across a killed server", .serialized)
struct CounterCrashTests {
    static func run(_ arguments: [String], environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = BuiltJishi.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The test cluster's URL with another database in it.
    static func url(_ base: String, database: String) throws -> String {
        guard var parts = URLComponents(string: base) else { throw Abort(.internalServerError) }
        parts.path = "/" + database
        return try #require(parts.string)
    }

    /// One operation the clients send, and whether the server answered it 2xx.
    struct Sent: Sendable {
        var key: String
        var answered: Bool
    }

    @Test(
        .enabled(
            if: TestStore.postgresURL != nil && FileManager.default.isExecutableFile(atPath: BuiltJishi.binary.path)))
    func everyAnsweredOperationIsInTheLedgerOnceAfterTheServerIsKilled() async throws {
        let base = try #require(TestStore.postgresURL)
        let database = "jishi_crash_" + UUID().uuidString.prefix(8).lowercased()
        try await withTestApp(on: .postgres) { app in
            try await (app.db as! any SQLDatabase).raw("CREATE DATABASE \(ident: database)").run()
        }
        let photos = FileManager.default.temporaryDirectory.appendingPathComponent("jishi-crash-\(database)").path
        defer { try? FileManager.default.removeItem(atPath: photos) }
        let environment = [
            "DATABASE_URL": try Self.url(base, database: database), "LOG_LEVEL": "error",
            "JISHI_PHOTO_DIR": photos, "JISHI_DEVELOPMENT": "1",
        ]
        do {
            try await exercise(environment: environment)
        } catch {
            try? await drop(database)
            throw error
        }
        try await drop(database)
    }

    private func drop(_ database: String) async throws {
        try await withTestApp(on: .postgres) { app in
            try await (app.db as! any SQLDatabase).raw("DROP DATABASE IF EXISTS \(ident: database) WITH (FORCE)").run()
        }
    }

    private func exercise(environment: [String: String]) async throws {
        let migrate = try Self.run(["migrate"], environment: environment)
        await migrate.exitOffThePool()
        try #require(migrate.terminationStatus == 0)
        let seed = try Self.run(["seed", "--demo"], environment: environment)
        await seed.exitOffThePool()
        try #require(seed.terminationStatus == 0)

        let crashURL = try #require(environment["DATABASE_URL"])
        try await withTestApp(on: .postgres, adjust: { $0.store = .postgres(url: crashURL, searchPath: nil) }) { app in
            let client = Client(app: app)
            var port = try Loopback.freePort()
            var server = try Self.run(["serve", "--port", String(port)], environment: environment)
            defer {
                server.terminate()
                server.waitUntilExit()
            }
            try await client.waitUntilServing(port)
            var token = try await client.logIn("agent", port: port)
            let stations = try await client.json(port, .GET, "/api/v1/stations", token: token) as? [[String: Any]]
            let station = try #require(
                stations?.first { $0["code"] as? String == "STA-371799101201" }?["id"] as? String)
            let counter = "/api/v1/stations/\(station)"

            // Two clients at the counter at once; the server is killed while they work.
            let deposits = NIOLockedValueBox<[Sent]>([])
            let services = NIOLockedValueBox<[Sent]>([])
            let agent = token
            let serving = port
            let depositing = Task {
                for number in 0..<400 {
                    let key = "crash-deposit-\(number)"
                    let status = try? await client.status(
                        serving, .POST, counter + "/cash-entries", token: agent, key: key,
                        json: #"{"kind":"deposit_top_up","amountMinor":\#(100 + number),"reason":"\#(key)"}"#)
                    deposits.withLockedValue { $0.append(Sent(key: key, answered: (200..<300).contains(status ?? 0))) }
                    if status == nil { return }
                }
            }
            let servicing = Task {
                for number in 0..<200 {
                    let key = "crash-service-\(number)"
                    guard
                        let request = try? await client.json(
                            serving, .POST, counter + "/service-requests", token: agent, key: key,
                            json: #"{"kind":"utility_bill","details":"电费 \#(number)","feeMinor":100}"#)
                            as? [String: Any], let id = request["id"] as? String
                    else {
                        services.withLockedValue { $0.append(Sent(key: key, answered: false)) }
                        return
                    }
                    let status = try? await client.status(
                        serving, .POST, counter + "/service-requests/\(id)/completion", token: agent, key: nil,
                        json: #"{"receipt":"R\#(number)"}"#)
                    services.withLockedValue { $0.append(Sent(key: id, answered: (200..<300).contains(status ?? 0))) }
                    if status == nil { return }
                }
            }
            // Killed once both clients have had answers, in the middle of their streams: waiting
            // for answers, not a fixed time, since a loaded machine answers the first slowly.
            let deadline = ContinuousClock.now + .seconds(120)
            while ContinuousClock.now < deadline {
                let answered = (
                    deposits.withLockedValue { $0.filter(\.answered).count },
                    services.withLockedValue { $0.filter(\.answered).count }
                )
                if answered.0 >= 3 && answered.1 >= 2 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            kill(server.processIdentifier, SIGKILL)
            await server.exitOffThePool()
            _ = await depositing.result
            _ = await servicing.result
            let answeredDeposits = deposits.withLockedValue { $0.filter(\.answered).map(\.key) }
            let answeredServices = services.withLockedValue { $0.filter(\.answered).map(\.key) }
            #expect(!answeredDeposits.isEmpty && !answeredServices.isEmpty, "the server was killed before any answer")
            #expect(deposits.withLockedValue { $0.count } < 400, "the server was killed after the stream ended")

            // Restarted on the same database.
            port = try Loopback.freePort()
            server = try Self.run(["serve", "--port", String(port)], environment: environment)
            try await client.waitUntilServing(port)
            token = try await client.logIn("agent", port: port)

            let sql = app.db as! any SQLDatabase
            for key in answeredDeposits {
                #expect(
                    try await Self.count(sql, "SELECT COUNT(*) AS n FROM cash_entries WHERE reason = \(bind: key)")
                        == 1, "\(key)")
            }
            for id in answeredServices {
                let uuid = try #require(UUID(uuidString: id))
                #expect(
                    try await Self.count(
                        sql,
                        "SELECT COUNT(*) AS n FROM cash_entries WHERE kind = 'service_fee' AND reference_id = \(bind: uuid)"
                    )
                        == 1, "\(id)")
            }
            try await Self.expectNothingHalfWritten(sql)

            // The unanswered deposits sent again with their keys: each recorded once.
            let unanswered = deposits.withLockedValue { $0.filter { !$0.answered }.map(\.key) }
            for key in unanswered {
                let number = Int(key.split(separator: "-").last ?? "") ?? 0
                let status = try await client.status(
                    port, .POST, counter + "/cash-entries", token: token, key: key,
                    json: #"{"kind":"deposit_top_up","amountMinor":\#(100 + number),"reason":"\#(key)"}"#)
                #expect((200..<300).contains(status), "\(key): \(status)")
                #expect(
                    try await Self.count(sql, "SELECT COUNT(*) AS n FROM cash_entries WHERE reason = \(bind: key)") == 1
                )
            }
            try await Self.expectNothingHalfWritten(sql)
        }
    }

    static func count(_ sql: any SQLDatabase, _ query: SQLQueryString) async throws -> Int {
        struct Row: Decodable { var n: Int }
        return try await sql.raw(query).first(decoding: Row.self)?.n ?? -1
    }

    /// Every entry has exactly two postings that sum to zero; every service done with a fee
    /// has its fee entry; the drawer is the sum of its entries.
    static func expectNothingHalfWritten(_ sql: any SQLDatabase) async throws {
        #expect(
            try await count(
                sql,
                """
                SELECT COUNT(*) AS n FROM cash_entries e WHERE (SELECT COUNT(*) FROM cash_postings p \
                WHERE p.entry_id = e.id) <> 2 OR (SELECT COALESCE(SUM(p.amount_minor), 0) FROM cash_postings p \
                WHERE p.entry_id = e.id) <> 0
                """) == 0)
        #expect(
            try await count(
                sql,
                """
                SELECT COUNT(*) AS n FROM service_requests r WHERE r.status = 'done' AND r.fee_minor > 0 AND \
                NOT EXISTS (SELECT 1 FROM cash_entries e WHERE e.kind = 'service_fee' AND e.reference_id = r.id)
                """) == 0)
        #expect(
            try await count(
                sql,
                """
                SELECT COUNT(*) AS n FROM (SELECT e.station_id, SUM(CASE WHEN e.debit_account = 'drawer' \
                THEN e.amount_minor WHEN e.credit_account = 'drawer' THEN -e.amount_minor ELSE 0 END) AS entries, \
                (SELECT COALESCE(SUM(p.amount_minor), 0) FROM cash_postings p WHERE p.station_id = e.station_id \
                AND p.account = 'drawer') AS drawer FROM cash_entries e GROUP BY e.station_id) t \
                WHERE t.entries <> t.drawer
                """) == 0)
    }

    /// Plain HTTP to the server process.
    struct Client: Sendable {
        let app: Application

        func send(
            _ port: Int, _ method: HTTPMethod, _ path: String, token: String?, key: String?, json: String?
        ) async throws -> ClientResponse {
            var headers = HTTPHeaders([("Content-Type", "application/json")])
            if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
            if let key { headers.add(name: "Idempotency-Key", value: key) }
            return try await app.client.send(
                method, headers: headers, to: URI(string: "http://127.0.0.1:\(port)\(path)")
            ) { request in
                if let json { request.body = ByteBuffer(string: json) }
            }
        }

        func status(
            _ port: Int, _ method: HTTPMethod, _ path: String, token: String?, key: String?, json: String?
        ) async throws -> Int {
            Int(try await send(port, method, path, token: token, key: key, json: json).status.code)
        }

        func json(
            _ port: Int, _ method: HTTPMethod, _ path: String, token: String? = nil, key: String? = nil,
            json: String? = nil
        ) async throws -> Any {
            let response = try await send(port, method, path, token: token, key: key, json: json)
            return try JSONSerialization.jsonObject(with: Data(buffer: response.body ?? ByteBuffer()))
        }

        func waitUntilServing(_ port: Int) async throws {
            for _ in 0..<200 {
                if (try? await send(port, .GET, "/healthz", token: nil, key: nil, json: nil))?.status == .ok { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("the server on \(port) did not start")
        }

        func logIn(_ username: String, port: Int) async throws -> String {
            let session = try await json(
                port, .POST, "/api/v1/sessions",
                json: #"{"username":"\#(username)","password":"\#(DemoCounty.password)"}"#)
            return try #require((session as? [String: Any])?["token"] as? String)
        }
    }
}
