import Community
import DomainTesting
import FluentKit
import JishiKit
import JishiServer
import JishiServerTesting
import Testing
import Vapor

/// The phone pages: a number gets a code through the outbox, a new number opens an account
/// with a Chinese name, the code works once, and only an admin reads the outbox.
@Suite("Web: sign up and in with a phone number")
struct WebPhoneSignInTests {
    /// The newest code the outbox holds for `digits`.
    static func code(for digits: String, on database: any Database) async throws -> String {
        let message = try #require(
            try await OutboxMessage.query(on: database).filter(\.$recipient == digits).sort(\.$createdAt, .descending)
                .first())
        return String(message.body.filter(\.isNumber).prefix(6))
    }

    @Test(arguments: TestStore.available)
    func aNewNumberSignsUpWithAChineseNameAndTheCodeWorksOnce(store: TestStore) async throws {
        try await withTestApp(on: store) { app in
            var browser = WebBrowser(app)
            let login = try await browser.get("/login")
            #expect(login.body.string.contains(#"id="phone-form""#), "the log-in page leads with the phone form")
            let sent = try await browser.post("/phone/code", [("phone", "+86 139-0000-1111")])
            #expect(sent.status == .ok, "\(sent.body.string)")
            #expect(sent.body.string.contains("验证码已发到 139 0000 1111"))
            #expect(sent.body.string.contains(#"name="displayName""#), "a new number is asked for a name")
            let code = try await Self.code(for: "13900001111", on: app.db)

            // A name left empty comes back without spending the code.
            let unnamed = try await browser.post(
                "/phone/verify", [("phone", "13900001111"), ("code", code), ("displayName", " "), ("role", "seller")])
            #expect(unnamed.status == .badRequest)
            #expect(unnamed.body.string.contains("请填写这一项。"))

            let done = try await browser.post(
                "/phone/verify",
                [("phone", "13900001111"), ("code", code), ("displayName", "王小明"), ("role", "seller")])
            #expect(done.status == .seeOther, "\(done.body.string)")
            let home = try await browser.get("/").body.string
            #expect(home.contains("王小明"))
            let account = try #require(try await Account.query(on: app.db).filter(\.$phone == "13900001111").first())
            #expect(account.displayName == "王小明")

            // The same code again, from another browser, is refused.
            var other = WebBrowser(app)
            try await other.get("/phone")
            let again = try await other.post("/phone/verify", [("phone", "13900001111"), ("code", code)])
            #expect(again.status == .badRequest)
            #expect(again.body.string.contains("这个验证码已经用过或者没有发过"))
            #expect(other.setCookie(named: "jishi_session") == nil)
        }
    }

    @Test func aWrongNumberAndAWrongCodeAreExplained() async throws {
        try await withTestApp { app in
            var browser = WebBrowser(app)
            try await browser.get("/phone")
            let bad = try await browser.post("/phone/code", [("phone", "12345")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("请填大陆手机号"))
            #expect(try await OutboxMessage.query(on: app.db).count() == 0)

            try await browser.post("/phone/code", [("phone", "13900002222")])
            let code = try await Self.code(for: "13900002222", on: app.db)
            let wrong = code == "111111" ? "222222" : "111111"
            let refused = try await browser.post(
                "/phone/verify", [("phone", "13900002222"), ("code", wrong), ("displayName", "李敏"), ("role", "buyer")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("验证码不对，还可以再试 4 次。"))
            let soon = try await browser.post("/phone/code", [("phone", "13900002222")])
            #expect(soon.status == .tooManyRequests)
            #expect(soon.body.string.contains("验证码刚刚发过"))
        }
    }

    @Test func onlyAnAdminReadsTheOutboxAndNumbersAreMasked() async throws {
        try await withTestApp(seedDemo: true) { app in
            var visitor = WebBrowser(app)
            try await visitor.get("/phone")
            try await visitor.post("/phone/code", [("phone", "13900003333")])
            let code = try await Self.code(for: "13900003333", on: app.db)

            var official = WebBrowser(app)
            try await official.get("/login")
            try await official.post("/login", [("username", "official"), ("password", DemoCounty.password)])
            #expect(try await official.get("/admin/outbox").status == .forbidden)

            var admin = WebBrowser(app)
            try await admin.get("/login")
            try await admin.post("/login", [("username", "admin"), ("password", DemoCounty.password)])
            let page = try await admin.get("/admin/outbox?phone=139%200000%203333")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("139****3333"))
            #expect(!html.contains("13900003333"))
            #expect(html.contains(code))
        }
    }
}
