import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import JishiServer
import JishiServerTesting
import Marketplace
import Testing
import Vapor
import VaporTesting

/// Reviews and chat pages through the whole middleware stack, in memory, on every store.
@Suite("Web: reviews and chat pages", .serialized)
struct WebEngagePageTests {
    static let farmShop = DemoMarket.id("shop.farm")
    static let garlic = DemoMarket.id("product.garlic")

    /// The demo buyer's delivered order (with the farm shop) and its one line.
    static func deliveredLine(_ app: Application) async throws -> (order: UUID, line: UUID) {
        let order = try #require(try await Order.query(on: app.db).filter(\.$status == .delivered).first())
        let line = try #require(try await OrderLine.query(on: app.db).filter(\.$order.$id == order.id!).first())
        return (order.id!, line.id!)
    }

    static func path(_ location: String?) -> String {
        String((location ?? "").split(separator: "#", maxSplits: 1).first ?? "")
    }

    @Test(arguments: TestStore.available)
    func buyerReviewsADeliveredLineAndTheShopRepliesOnce(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let (orderID, lineID) = try await Self.deliveredLine(app)
            let orderPath = "/orders/\(orderID.uuidString.lowercased())"
            let lineKey = lineID.uuidString.lowercased()
            var buyer = try await WebMarketPageTests.signedIn(app, "buyer")
            let order = try await buyer.get(orderPath).body.string
            let formPath = "\(orderPath)/lines/\(lineKey)/review"
            #expect(order.contains(#"href="\#(formPath)""#), "a delivered line links to its review form")
            let form = try await buyer.get(formPath)
            #expect(form.status == .ok && form.body.string.contains(#"id="review-form""#))
            #expect(form.body.string.contains("add up to 3 photos"), "the form says where photos are added")

            let written = try await buyer.post(
                formPath,
                [
                    ("described", "5"), ("service", "4"), ("shipping", "3"),
                    ("text", "<script>alert('x')</script> 蒜味很足"),
                ])
            #expect(written.status == .seeOther)
            #expect(written.headers.first(name: .location) == orderPath + "?notice=reviewed")
            let after = try await buyer.get(orderPath + "?notice=reviewed").body.string
            #expect(
                after.contains("Thank you: your review is published.") && after.contains(#"id="reviewed-\#(lineKey)""#))
            #expect(!after.contains(#"href="\#(formPath)""#))
            let again = try await buyer.post(formPath, [("described", "1"), ("service", "1"), ("shipping", "1")])
            #expect(again.status == .conflict && again.body.string.contains(#"id="already-reviewed""#))
            #expect(try await Review.query(on: app.db).count() == 1, "a line is reviewed once")

            // The product page: the summary, and the text shown as text.
            let product = try await buyer.get("/products/\(Self.garlic.uuidString.lowercased())").body.string
            #expect(product.contains(#"id="rating-summary""#) && product.contains("from 1 review<"))
            #expect(
                product.contains("<dd>5.0</dd>") && product.contains("<dd>4.0</dd>") && product.contains("<dd>3.0</dd>")
            )
            #expect(product.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 蒜味很足"))
            #expect(!product.contains("<script>"))
            #expect(product.contains("城**"), "the buyer's name is shortened")
            // The buyer adds a photo to their review from the product page; a non-image is refused.
            let reviewKey = try #require(try await Review.query(on: app.db).first()).id!.uuidString.lowercased()
            #expect(product.contains(#"id="upload-review-photo-\#(reviewKey)""#))
            let token = try #require(buyer.csrfToken)
            let photoPath = "/reviews/\(reviewKey)/photos"
            let png = Array(ShopAndCatalogAPITests.png)
            let notImage = try await WebMarketPageTests.upload(
                app, buyer, photoPath, csrf: token, file: Array("hello".utf8), name: "a.png")
            #expect(notImage.status == .badRequest)
            let forged = try await WebMarketPageTests.upload(
                app, buyer, photoPath, csrf: "forged", file: png, name: "a.png")
            #expect(forged.status == .forbidden)
            let uploaded = try await WebMarketPageTests.upload(
                app, buyer, photoPath, csrf: token, file: png, name: "a.png")
            #expect(uploaded.status == .seeOther)
            #expect(try await ReviewPhoto.query(on: app.db).count() == 1)
            let withPhoto = try await buyer.get("/products/\(Self.garlic.uuidString.lowercased())").body.string
            #expect(withPhoto.contains(#"class="thumbs review-photos""#))
            // Search shows the rating, and sorts by it.
            let search = try await buyer.get("/search?q=%E5%A4%A7%E8%92%9C&sort=rating").body.string
            #expect(search.contains("★ 4.0 (1)"))

            // The shop replies once, from its list of reviews.
            var seller = try await WebMarketPageTests.signedIn(app, "seller")
            let shopReviews = "/shops/\(Self.farmShop.uuidString.lowercased())/reviews"
            let list = try await seller.get(shopReviews)
            #expect(list.status == .ok)
            let review = try #require(try await Review.query(on: app.db).first()).id!.uuidString.lowercased()
            #expect(list.body.string.contains(#"id="send-reply-\#(review)""#))
            let empty = try await seller.post("/reviews/\(review)/reply", [("text", "  ")])
            #expect(empty.status == .badRequest)
            let replied = try await seller.post("/reviews/\(review)/reply", [("text", "谢谢惠顾 <b>欢迎再来</b>")])
            #expect(replied.headers.first(name: .location) == shopReviews + "?notice=replied")
            let twice = try await seller.post("/reviews/\(review)/reply", [("text", "再次回复")])
            #expect(twice.status == .conflict)
            #expect(try await Review.query(on: app.db).first()?.reply == "谢谢惠顾 <b>欢迎再来</b>")
            let shown = try await buyer.get("/products/\(Self.garlic.uuidString.lowercased())").body.string
            #expect(shown.contains("The shop replied:") && shown.contains("谢谢惠顾 &lt;b&gt;欢迎再来&lt;/b&gt;"))
            // The shop's dashboard has its rating and refund rate.
            let dashboard = try await seller.get("/shops/\(Self.farmShop.uuidString.lowercased())").body.string
            #expect(dashboard.contains(#"id="refund-rate""#) && dashboard.contains("退款率 0.0%（1 笔已付款订单中有 0 笔）"))

            // Anyone signed in may report it; the buyer's report is counted once.
            try await buyer.get("/products/\(Self.garlic.uuidString.lowercased())")
            let report = try await buyer.post("/reviews/\(review)/report", [("reason", "spam"), ("next", "/")])
            #expect(report.headers.first(name: .location) == "/?notice=reported")
            try await buyer.post("/reviews/\(review)/report", [("reason", "spam")])
            #expect(try await Review.query(on: app.db).first()?.reportCount == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func badReviewsComeBackExplainedAndOthersLinesAreNotFound_fails(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let (orderID, lineID) = try await Self.deliveredLine(app)
            let formPath = "/orders/\(orderID.uuidString.lowercased())/lines/\(lineID.uuidString.lowercased())/review"
            var buyer = try await WebMarketPageTests.signedIn(app, "buyer")
            try await buyer.get(formPath)
            let bad = try await buyer.post(formPath, [("described", "0"), ("service", "6"), ("text", "ok")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Choose from 1 to 5 stars.") && bad.body.string.contains("ok</textarea>"))
            #expect(try await Review.query(on: app.db).count() == 0)

            // A line that has not arrived yet cannot be reviewed.
            let paid = try #require(try await Order.query(on: app.db).filter(\.$status == .paid).first())
            let paidLine = try #require(try await OrderLine.query(on: app.db).filter(\.$order.$id == paid.id!).first())
            let early = "/orders/\(paid.id!.uuidString)/lines/\(paidLine.id!.uuidString)/review"
            #expect(try await buyer.get(early).body.string.contains(#"id="not-reviewable""#))
            let refused = try await buyer.post(early, [("described", "5"), ("service", "5"), ("shipping", "5")])
            #expect(refused.status == .conflict)
            // Another order's line, and someone else's order, are not found.
            let mixed = "/orders/\(paid.id!.uuidString)/lines/\(lineID.uuidString)/review"
            #expect(try await buyer.get(mixed).status == .notFound)
            var seller = try await WebMarketPageTests.signedIn(app, "seller")
            #expect(try await seller.get(formPath).status == .notFound)
            #expect(try await Review.query(on: app.db).count() == 0)
        }
    }

    /// Opens the buyer's conversation with the farm shop from the product page.
    static func contact(_ buyer: inout WebBrowser) async throws -> String {
        try await buyer.get("/products/\(garlic.uuidString.lowercased())")
        let opened = try await buyer.post("/shops/\(farmShop.uuidString.lowercased())/contact", [])
        #expect(opened.status == .seeOther)
        let location = opened.headers.first(name: .location) ?? ""
        #expect(location.hasPrefix("/messages/") && location.hasSuffix("#chat-form"))
        return path(location)
    }

    @Test(arguments: TestStore.available)
    func buyerAndShopChatAndMessagesAreShownAsText(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            var buyer = try await WebMarketPageTests.signedIn(app, "buyer")
            let home = try await buyer.get("/").body.string
            #expect(home.contains(#"href="/messages""#), "the navigation links to the messages")
            let conversation = try await Self.contact(&buyer)
            #expect(try await Self.contact(&buyer) == conversation, "the same conversation is found again")
            let emptyPage = try await buyer.get(conversation)
            let policy = emptyPage.headers.first(name: "Content-Security-Policy") ?? ""
            #expect(policy.contains("script-src 'sha256-") && policy.contains("connect-src 'self'"))
            let product = try await buyer.get("/products/\(Self.garlic.uuidString.lowercased())")
            #expect(product.headers.first(name: "Content-Security-Policy")?.contains("script-src") == false)
            let empty = emptyPage.body.string
            #expect(empty.contains(#"id="no-messages""#) && empty.contains(#"id="chat-form""#))
            #expect(empty.contains("<script>(function(){"), "the page's one script, inline")

            let sent = try await buyer.post(conversation, [("text", "<script>alert(1)</script> 有货吗？")])
            #expect(sent.status == .seeOther && Self.path(sent.headers.first(name: .location)) == conversation)
            let blank = try await buyer.post(conversation, [("text", "   ")])
            #expect(blank.status == .badRequest && blank.body.string.contains("Fill this in."))

            var seller = try await WebMarketPageTests.signedIn(app, "seller")
            let shopMessages = "/shops/\(Self.farmShop.uuidString.lowercased())/messages"
            let list = try await seller.get(shopMessages).body.string
            // The seller reads Chinese.
            #expect(list.contains(#"<span class="unread">1 条未读</span>"#))
            #expect(list.contains(String(conversation.dropFirst("/messages/".count))))
            let dashboard = try await seller.get("/shops/\(Self.farmShop.uuidString.lowercased())").body.string
            #expect(dashboard.contains(#"id="shop-messages""#))
            let page = try await seller.get(conversation).body.string
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; 有货吗？"))
            #expect(!page.contains("<script>alert"))
            #expect(!(try await seller.get(shopMessages).body.string.contains(#"class="unread""#)), "viewing reads")

            // The page's script sends with fetch and gets the message back as JSON.
            try await seller.get(conversation)
            var headers = WebMarketPageTests.cookieHeaders(seller)
            headers.replaceOrAdd(name: .accept, value: "application/json")
            headers.replaceOrAdd(name: .contentType, value: "application/x-www-form-urlencoded")
            let json = try await app.testing().sendRequest(
                .POST, conversation, headers: headers,
                body: ByteBuffer(string: "csrf=\(seller.csrfToken ?? "")&text=%E6%9C%89%E8%B4%A7"))
            #expect(json.status == .created)
            #expect(json.headers.contentType == .json)
            #expect(json.body.string.contains(#""seq":2"#) && json.body.string.contains(#""side":"shop""#))

            let mine = try await buyer.get("/messages").body.string
            #expect(mine.contains("1 unread") && mine.contains("桃园农家"))
            let reply = try await buyer.get(conversation).body.string
            #expect(reply.contains("有货") && reply.contains(#"class="msg theirs""#))
            #expect(try await ChatMessage.query(on: app.db).count() == 2)
        }
    }

    @Test(arguments: TestStore.available)
    func aConversationIsNotFoundForAnyoneElse_fails(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            var buyer = try await WebMarketPageTests.signedIn(app, "buyer")
            let conversation = try await Self.contact(&buyer)
            try await buyer.get(conversation)
            try await buyer.post(conversation, [("text", "你好")])

            _ = try await app.registerAndLogIn("stranger")
            var stranger = WebBrowser(app, acceptLanguage: "en")
            try await stranger.get("/login")
            try await stranger.post("/login", [("username", "stranger"), ("password", "correct horse")])
            #expect(try await stranger.get(conversation).status == .notFound)
            #expect(try await stranger.get(conversation + "?before=2").status == .notFound)
            #expect(try await stranger.post(conversation, [("text", "偷看")]).status == .notFound)
            #expect(try await stranger.post(conversation + "/block", [("blocked", "1")]).status == .notFound)
            #expect(try await stranger.get("/shops/\(Self.farmShop.uuidString)/messages").status == .notFound)
            #expect(try await stranger.get("/messages").body.string.contains(#"id="no-conversations""#))
            #expect(try await ChatMessage.query(on: app.db).count() == 1)
            #expect(try await ChatBlock.query(on: app.db).count() == 0)

            // Signed out, the page sends the browser to log in first.
            var anonymous = WebBrowser(app)
            let away = try await anonymous.get(conversation)
            #expect(away.status == .seeOther && away.headers.first(name: .location)?.hasPrefix("/login?next=") == true)
        }
    }

    @Test(arguments: TestStore.available)
    func reviewAndChatFormsWithoutTheCSRFTokenAreRefused_fails(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            let (orderID, lineID) = try await Self.deliveredLine(app)
            var buyer = try await WebMarketPageTests.signedIn(app, "buyer")
            try await buyer.get("/orders/\(orderID.uuidString)")
            let review = try await buyer.post(
                "/orders/\(orderID.uuidString)/lines/\(lineID.uuidString)/review",
                [("described", "5"), ("service", "5"), ("shipping", "5")], csrf: .omit)
            #expect(review.status == .forbidden)
            #expect(try await Review.query(on: app.db).count() == 0)

            let contact = try await buyer.post(
                "/shops/\(Self.farmShop.uuidString)/contact", [], csrf: .value("forged"))
            #expect(contact.status == .forbidden)
            #expect(try await Conversation.query(on: app.db).count() == 0)

            let conversation = try await Self.contact(&buyer)
            let message = try await buyer.post(conversation, [("text", "你好")], csrf: .omit)
            #expect(message.status == .forbidden)
            #expect(try await ChatMessage.query(on: app.db).count() == 0)

            var seller = try await WebMarketPageTests.signedIn(app, "seller")
            try await seller.get(conversation)
            let block = try await seller.post(conversation + "/block", [("blocked", "1")], csrf: .omit)
            #expect(block.status == .forbidden)
            #expect(try await ChatBlock.query(on: app.db).count() == 0)

            // The live socket refuses a page of another origin.
            var headers = WebMarketPageTests.cookieHeaders(seller)
            headers.replaceOrAdd(name: .origin, value: "http://evil.example")
            headers.replaceOrAdd(name: .host, value: "127.0.0.1:8080")
            let socket = try await app.testing().sendRequest(.GET, "/chat/live", headers: headers)
            #expect(socket.status == .forbidden)
        }
    }

    @Test(arguments: TestStore.available)
    func aBlockedBuyerIsToldAndCannotSend_fails(store: TestStore) async throws {
        try await WebMarketPageTests.withMarket(on: store) { app in
            var buyer = try await WebMarketPageTests.signedIn(app, "buyer")
            let conversation = try await Self.contact(&buyer)
            try await buyer.get(conversation)
            try await buyer.post(conversation, [("text", "在吗")])

            var seller = try await WebMarketPageTests.signedIn(app, "seller")
            let page = try await seller.get(conversation).body.string
            #expect(page.contains(#"id="block-buyer""#))
            let blocked = try await seller.post(conversation + "/block", [("blocked", "1")])
            #expect(blocked.headers.first(name: .location) == conversation + "?notice=blocked")
            #expect(try await seller.get(conversation).body.string.contains(#"id="unblock-buyer""#))

            let told = try await buyer.get(conversation).body.string
            #expect(told.contains("This shop does not accept your messages.") && !told.contains(#"id="chat-form""#))
            let refused = try await buyer.post(conversation, [("text", "为什么")])
            #expect(refused.status == .forbidden && refused.body.string.contains(#"id="blocked""#))
            #expect(try await ChatMessage.query(on: app.db).count() == 1)
            // Contacting the shop again still reaches the conversation, which says why.
            #expect(try await Self.contact(&buyer) == conversation)

            try await seller.get(conversation)
            try await seller.post(conversation + "/block", [("blocked", "0")])
            try await buyer.get(conversation)
            #expect(try await buyer.post(conversation, [("text", "好的")]).status == .seeOther)
            #expect(try await ChatMessage.query(on: app.db).count() == 2)
        }
    }
}
