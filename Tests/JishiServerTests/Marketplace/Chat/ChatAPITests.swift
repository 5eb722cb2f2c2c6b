import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Marketplace
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

@Suite("Chat between buyers and shops")
struct ChatAPITests {
    static func open(_ fixture: MarketplaceAPIFixture) async throws -> String {
        let opened = try await fixture.app.send(
            .POST, "/api/v1/shops/\(fixture.shopID)/conversation", token: fixture.buyer)
        #expect(opened.status == .ok, "\(opened.body.string)")
        return try #require(try opened.json()["id"] as? String)
    }

    static func say(_ app: Application, _ conversation: String, _ text: String, token: String) async throws
        -> TestingHTTPResponse
    {
        let body = try JSONSerialization.data(withJSONObject: ["text": text])
        return try await app.send(
            .POST, "/api/v1/conversations/\(conversation)/messages", json: String(decoding: body, as: UTF8.self),
            token: token)
    }

    @Test(arguments: TestStore.available)
    func messagesAreNumberedReadAndLimited(store: TestStore) async throws {
        // The minute of the rate limit is the clock's, not the wall's: a loaded machine that
        // takes more than a minute over this test must not let a message through.
        let clock = TestClock()
        try await withTestApp(on: store, seedDemo: true, dependencies: clock.dependencies) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let conversation = try await Self.open(fixture)
            #expect(try await Self.open(fixture) == conversation)
            let script = "<script>alert('x')</script> 这个凳子有货吗？"
            let first = try await Self.say(app, conversation, script, token: fixture.buyer)
            #expect(first.status == .created, "\(first.body.string)")
            #expect(try first.json()["text"] as? String == script)
            #expect(try first.json()["seq"] as? Int == 1)
            #expect(try await Self.say(app, conversation, "有的，今天发货", token: fixture.seller).json()["seq"] as? Int == 2)

            // Unread counts and read receipts, from each side.
            let shopList = try await app.send(
                .GET, "/api/v1/shops/\(fixture.shopID)/conversations", token: fixture.seller
            ).jsonArray()
            #expect(shopList.first?["unread"] as? Int == 0)
            let mine = try await app.send(.GET, "/api/v1/conversations", token: fixture.buyer).jsonArray()
            #expect(mine.first?["unread"] as? Int == 1)
            let read = try await app.send(
                .POST, "/api/v1/conversations/\(conversation)/read", json: #"{"seq":99}"#, token: fixture.buyer)
            #expect(try read.json()["unread"] as? Int == 0)
            #expect(try read.json()["readSeq"] as? Int == 2)
            let history = try await app.send(
                .GET, "/api/v1/conversations/\(conversation)/messages?before=3&limit=1", token: fixture.seller
            ).json()
            #expect((history["items"] as? [[String: Any]])?.map { $0["seq"] as? Int } == [2])
            #expect((history["conversation"] as? [String: Any])?["otherReadSeq"] as? Int == 2)

            // Bad input and strangers change nothing.
            try await Self.say(app, conversation, String(repeating: "长", count: 1_001), token: fixture.buyer)
                .expectProblem(.validation, field: "text")
            try await Self.say(app, conversation, "   ", token: fixture.buyer).expectProblem(.validation, field: "text")
            let stranger = try await app.registerAndLogIn("stranger")
            try await Self.say(app, conversation, "hi", token: stranger).expectProblem(.notFound)
            try await app.send(.GET, "/api/v1/conversations/\(conversation)/messages", token: stranger)
                .expectProblem(.notFound)
            #expect(try await ChatMessage.query(on: app.db).count() == 2)

            // A blocked buyer cannot message the shop, but still reaches the conversation they had
            // (to read it), through the API as through the pages.
            try await app.send(.POST, "/api/v1/conversations/\(conversation)/block", token: fixture.buyer)
                .expectProblem(.forbidden)
            #expect(
                try await app.send(.POST, "/api/v1/conversations/\(conversation)/block", token: fixture.seller).status
                    == .noContent)
            try await Self.say(app, conversation, "为什么", token: fixture.buyer).expectProblem(.forbidden)
            let reopened = try await app.send(
                .POST, "/api/v1/shops/\(fixture.shopID)/conversation", token: fixture.buyer)
            #expect(reopened.status == .ok)
            #expect(try reopened.json()["id"] as? String == conversation)
            _ = try await app.send(.POST, "/api/v1/conversations/\(conversation)/unblock", token: fixture.seller)

            // At most 20 a minute per sender (the refused message above did not count).
            for index in 3...21 {
                #expect(try await Self.say(app, conversation, "第\(index)条", token: fixture.buyer).status == .created)
            }
            let limited = try await Self.say(app, conversation, "太多了", token: fixture.buyer)
            try limited.expectProblem(.rateLimited)
            #expect(limited.headers.first(name: .retryAfter) != nil)
            clock.advance(by: 61)
            #expect(try await Self.say(app, conversation, "一分钟后", token: fixture.buyer).status == .created)
        }
    }

    @Test(arguments: TestStore.available)
    func photosAreMessagesToo(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let conversation = try await Self.open(fixture)
            let path = "/api/v1/conversations/\(conversation)/images"
            try await app.send(
                .POST, path, bytes: ShopAndCatalogAPITests.png, contentType: "image/jpeg", token: fixture.buyer
            ).expectProblem(.validation, field: "photo")
            let sent = try await app.send(
                .POST, path, bytes: ShopAndCatalogAPITests.png, contentType: "image/png", token: fixture.buyer)
            #expect(sent.status == .created, "\(sent.body.string)")
            let url = try #require(try sent.json()["imageUrl"] as? String)
            #expect(try await app.send(.GET, url).status == .ok)
            #expect(try sent.json()["seq"] as? Int == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func aLongPollWakesWhenAMessageArrives(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let conversation = try await Self.open(fixture)
            // The longest wait (25 s). A poll that runs out answers no messages, so the message in
            // the answer is the wake-up. No bound on the time: on loaded CI machines the whole
            // exchange took 21.8, 23.3 and 28.1 s, the poll's own clock starting late.
            async let waiting = app.send(
                .GET, "/api/v1/conversations/\(conversation)/messages?after=0&wait=25", token: fixture.seller)
            try await Task.sleep(nanoseconds: 500_000_000)
            _ = try await Self.say(app, conversation, "在吗", token: fixture.buyer)
            let answer = try await waiting.json()
            #expect((answer["items"] as? [[String: Any]])?.first?["text"] as? String == "在吗")
        }
    }

    /// On PostgreSQL a notification carries the event itself, up to its 8000-byte limit; a
    /// longer one (1,000 flags are 8,000 bytes of text) goes as the message id, and the
    /// listening process loads it.
    @Test(arguments: TestStore.available)
    func aLongPollWakesForAMessageTooBigForANotification(store: TestStore) async throws {
        try await withTestApp(on: store, seedDemo: true) { app in
            let fixture = try await MarketplaceAPIFixture.make(app)
            let conversation = try await Self.open(fixture)
            let text = String(repeating: "🇨🇳", count: 1_000)
            #expect(text.utf8.count == 8_000)
            // The longest wait, as above: the message in the answer is the wake-up (here the
            // id-only notification is also loaded from the database).
            async let waiting = app.send(
                .GET, "/api/v1/conversations/\(conversation)/messages?after=0&wait=25", token: fixture.seller)
            try await Task.sleep(nanoseconds: 500_000_000)
            let said = try await Self.say(app, conversation, text, token: fixture.buyer)
            #expect(said.status == .created, "\(said.body.string)")
            let answer = try await waiting.json()
            #expect((answer["items"] as? [[String: Any]])?.first?["text"] as? String == text)
        }
    }
}

/// Two real `jishi serve` processes on one PostgreSQL: a message posted through the first
/// reaches a WebSocket client of the second.
@Suite("Chat across server processes", .serialized)
struct ChatAcrossProcessesTests {
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

    @Test(
        .enabled(
            if: TestStore.postgresURL != nil && FileManager.default.isExecutableFile(atPath: BuiltJishi.binary.path)))
    func aMessageReachesAWebSocketOnTheOtherProcess() async throws {
        let url = try #require(TestStore.postgresURL)
        // The two servers share the test database's public schema, which no other test uses.
        let photos = FileManager.default.temporaryDirectory.appendingPathComponent("jishi-chat-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: photos) }
        let environment = [
            "DATABASE_URL": url, "LOG_LEVEL": "error", "JISHI_PHOTO_DIR": photos, "JISHI_DEVELOPMENT": "1",
        ]
        let reset = try Self.run(["migrate", "--revert"], environment: environment)
        await reset.exitOffThePool()
        let migrate = try Self.run(["migrate"], environment: environment)
        await migrate.exitOffThePool()
        #expect(migrate.terminationStatus == 0)
        let seed = try Self.run(["seed", "--demo"], environment: environment)
        await seed.exitOffThePool()
        #expect(seed.terminationStatus == 0)

        let ports = [try Loopback.freePort(), try Loopback.freePort()]
        let servers = try ports.map { port in
            try Self.run(["serve", "--port", String(port)], environment: environment)
        }
        defer {
            for server in servers {
                server.terminate()
                server.waitUntilExit()
            }
        }

        try await withTestApp { app in
            let client = app.client
            func call(_ port: Int, _ method: HTTPMethod, _ path: String, token: String? = nil, json: String? = nil)
                async throws -> ClientResponse
            {
                var headers = HTTPHeaders([("Content-Type", "application/json")])
                if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
                return try await client.send(
                    method, headers: headers, to: URI(string: "http://127.0.0.1:\(port)\(path)")
                ) { request in
                    if let json { request.body = ByteBuffer(string: json) }
                }
            }
            // Wait (bounded) for both servers to answer.
            for port in ports {
                var ready = false
                for _ in 0..<100 where !ready {
                    ready = (try? await call(port, .GET, "/healthz"))?.status == .ok
                    if !ready { try await Task.sleep(nanoseconds: 100_000_000) }
                }
                try #require(ready, "server on \(port) did not start")
            }
            func token(_ username: String, _ port: Int) async throws -> String {
                let session = try await call(
                    port, .POST, "/api/v1/sessions",
                    json: #"{"username":"\#(username)","password":"\#(DemoCounty.password)"}"#)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: session.body ?? ByteBuffer()))
                return (json as? [String: Any])?["token"] as? String ?? ""
            }
            let buyer = try await token("buyer", ports[0])
            let seller = try await token("seller", ports[1])
            let village =
                try #require(
                    try JSONSerialization.jsonObject(
                        with: Data(buffer: try await call(ports[1], .GET, "/api/v1/villages").body ?? ByteBuffer()))
                        as? [[String: Any]]
                ).first?["id"] as? String
            let shop = try await call(
                ports[1], .POST, "/api/v1/shops", token: seller,
                json: #"{"name":"跨进程小店","villageId":"\#(village ?? "")","kind":"individual"}"#)
            let shopID = try #require(
                (try JSONSerialization.jsonObject(with: Data(buffer: shop.body ?? ByteBuffer())) as? [String: Any])?[
                    "id"] as? String)
            let opened = try await call(ports[0], .POST, "/api/v1/shops/\(shopID)/conversation", token: buyer)
            let conversationID = try #require(
                (try JSONSerialization.jsonObject(with: Data(buffer: opened.body ?? ByteBuffer())) as? [String: Any])?[
                    "id"] as? String)

            // The seller listens on the second process.
            let received = NIOLockedValueBox<[String]>([])
            let connected = app.eventLoopGroup.any().makePromise(of: WebSocket.self)
            try await WebSocket.connect(
                to: "ws://127.0.0.1:\(ports[1])/api/v1/chat/socket?access_token=\(seller)",
                on: app.eventLoopGroup
            ) { socket in
                socket.onText { _, text in received.withLockedValue { $0.append(text) } }
                connected.succeed(socket)
            }.get()
            let socket = try await connected.futureResult.get()
            defer { _ = socket.close() }
            try await Task.sleep(nanoseconds: 300_000_000)

            // The buyer writes through the first process.
            let sent = try await call(
                ports[0], .POST, "/api/v1/conversations/\(conversationID)/messages", token: buyer,
                json: #"{"text":"跨进程你好"}"#)
            #expect(sent.status == .created)
            var delivered = false
            for _ in 0..<100 where !delivered {
                delivered = received.withLockedValue { $0.contains { $0.contains("跨进程你好") } }
                if !delivered { try await Task.sleep(nanoseconds: 100_000_000) }
            }
            #expect(delivered, "the second process's WebSocket client did not get the message within 10 s")
        }
    }
}
