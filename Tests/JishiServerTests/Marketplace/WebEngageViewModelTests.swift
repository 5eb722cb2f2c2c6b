import Community
import Crypto
import Foundation
import JishiKit
import Marketplace
import Plot
import Testing

@testable import JishiServer

/// The review and chat pages' pieces without an app: forms, escaping, ratings, the script's
/// place in the Content-Security-Policy.
@Suite("Web: reviews and chat pieces")
struct WebEngageViewModelTests {
    static let id = UUID(uuidString: "0A1B2C3D-0000-4000-8000-000000000002")!
    static let other = UUID(uuidString: "0A1B2C3D-0000-4000-8000-000000000003")!
    static let at = Date(timeIntervalSince1970: 1_795_000_000)

    static func context(_ language: JishiKit.Language = .en) -> PageContext {
        PageContext(
            language: language,
            viewer: WebSession.Viewer(accountID: other, username: "buyer", displayName: "城里买家 李敏"),
            csrfToken: "T", current: .conversation)
    }

    static func conversation(_ text: String, blocked: Bool = false, side: ChatSide = .buyer) -> ConversationPage.Model {
        ConversationPage.Model(
            conversationID: id, side: side, shopID: other, shopName: "桃园农家 <i>", buyerName: "李敏",
            messages: [
                ConversationPage.Message(seq: 1, side: .buyer, text: text, imageURL: nil, at: at),
                ConversationPage.Message(seq: 2, side: .shop, text: "有货", imageURL: nil, at: at),
            ], before: nil, lastSeq: 2, blocked: blocked)
    }

    @Test func chatTextIsShownAsTextAndTheOnlyScriptIsThePagesOwn() {
        let html = ConversationPage.View(
            model: Self.conversation("<script>alert(1)</script>"), context: Self.context()
        ).html.render()
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.components(separatedBy: "<script").count == 2, "one script element")
        #expect(html.contains("<script>" + Layout.chatScript + "</script>"))
        #expect(html.contains("Chat with 桃园农家 &lt;i&gt;"))
        #expect(html.contains(#"data-them="桃园农家 &lt;i&gt;""#))
        #expect(html.contains(#"<li class="msg mine" id="message-1" data-seq="1">"#))
        #expect(html.contains(#"<li class="msg theirs" id="message-2" data-seq="2">"#))
        #expect(!html.contains(#"id="older""#), "the first message is shown")
    }

    @Test func aBlockedBuyerGetsNoFormAndNoScript_fails() {
        let html = ConversationPage.View(model: Self.conversation("hi", blocked: true), context: Self.context(.zhHans))
            .html.render()
        #expect(html.contains("该店铺已拒收你的消息。"))
        #expect(!html.contains(#"id="chat-form""#) && !html.contains("<script"))
        // The shop's side still writes, and sees the switch to let the buyer back.
        let shop = ConversationPage.View(
            model: Self.conversation("hi", blocked: true, side: .shop), context: Self.context()
        ).html.render()
        #expect(shop.contains(#"id="unblock-buyer""#) && shop.contains(#"id="chat-form""#))
    }

    @Test func historyPagesLinkOlderAndNewestAndDoNotGoLive() {
        var model = Self.conversation("hi")
        model.messages = [ConversationPage.Message(seq: 31, side: .shop, text: "x", imageURL: nil, at: Self.at)]
        model.before = 32
        model.lastSeq = 60
        let html = ConversationPage.View(model: model, context: Self.context()).html.render()
        #expect(html.contains(#"href="/messages/0a1b2c3d-0000-4000-8000-000000000002?before=31""#))
        #expect(html.contains(#"id="newest""#) && !html.contains("<script") && !html.contains(#"id="chat-form""#))
    }

    @Test func reviewTextAndRepliesAreEscaped() {
        let row = ReviewRow(
            id: Self.id, buyerID: Self.other, productID: Self.other, productTitle: "大蒜 <b>",
            buyerName: Account.maskedName("李敏"),
            ratings: Ratings(described: 5, service: 4, shipping: 3), text: "<script>alert(1)</script>",
            createdAt: Self.at, reply: "<img src=x onerror=alert(1)>", repliedAt: Self.at)
        let node: Node<HTML.ListContext> = RatingView.review(row, Self.context(), showProduct: true)
        let html = node.render()
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("大蒜 &lt;b&gt;") && html.contains("李**"))
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains(#"aria-label="4 of 5 stars">★★★★☆</span>"#))
    }

    @Test func ratingsAreSummarisedPerDimensionWithOneDecimal() {
        let none = RatingSummary()
        #expect(RatingView.short(none, Self.context()) == "No reviews yet")
        let rating = RatingSummary(count: 3, describedSum: 14, serviceSum: 12, shippingSum: 10)
        #expect(RatingView.short(rating, Self.context()) == "★ 4.0 (3)")
        #expect(RatingView.short(rating, Self.context(.zhHans)) == "★ 4.0（3 条）")
        let node: Node<HTML.BodyContext> = RatingView.summary(rating, Self.context(), id: "r")
        let html = node.render()
        #expect(html.contains("<dt>Item as described</dt><dd>4.7</dd>"))
        #expect(html.contains("<dt>Service</dt><dd>4.0</dd>") && html.contains("<dt>Shipping speed</dt><dd>3.3</dd>"))
        #expect(html.contains("from 3 reviews"))
    }

    @Test func theReviewFormTakesOneToFiveStarsAndNothingElse_fails() {
        func take(_ fields: [String: String]) -> (Ratings?, ReviewFormPage.Model) {
            var model = ReviewFormPage.Model(
                orderID: Self.id, lineID: Self.other, item: "大蒜 · 5 斤装", orderStatus: .delivered,
                reviewed: false)
            let ratings = model.take(FormValues(fields))
            return (ratings, model)
        }
        let (good, _) = take(["described": "5", "service": "1", "shipping": " 3 ", "text": " 好 "])
        #expect(good == Ratings(described: 5, service: 1, shipping: 3))
        let (bad, model) = take(["described": "0", "service": "6", "shipping": "x"])
        #expect(bad == nil)
        #expect(model.errors.keys.sorted { $0.rawValue < $1.rawValue } == [.described, .service, .shipping])
        let (long, longModel) = take([
            "described": "5", "service": "5", "shipping": "5", "text": String(repeating: "长", count: 2_001),
        ])
        #expect(long == nil && longModel.errors[.text] != nil)
        // A line that has not arrived shows no form.
        var early = model
        early.orderStatus = .paid
        #expect(!early.canReview)
        let html = ReviewFormPage.View(model: early, context: Self.context()).html.render()
        #expect(html.contains(#"id="not-reviewable""#) && !html.contains(#"id="review-form""#))
    }

    @Test func onlyTheConversationPageRunsAScriptAndOnlyItsOwnByHash() {
        #expect(!WebPage.contentSecurityPolicy.contains("script-src"), "every other page runs no script")
        let policy = WebPage.chatContentSecurityPolicy
        let hash = "sha256-" + Data(SHA256.hash(data: Data(Layout.chatScript.utf8))).base64EncodedString()
        #expect(policy.contains("script-src '\(hash)';"))
        #expect(policy.contains("connect-src 'self'"))
        #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
        #expect(policy.hasPrefix("default-src 'none'"))
    }

    @Test func chatAndReviewPathsAreMadeAndMatched() {
        #expect(SitePath.page(at: SitePath.conversation.path(Self.id)) == .conversation)
        #expect(SitePath.page(at: SitePath.reviewLine.path(Self.id, Self.other)) == .reviewLine)
        #expect(SitePath.page(at: SitePath.conversationBlock.path(Self.id)) == nil, "an action is never a destination")
        #expect(SitePath.page(at: SitePath.chatLive.path) == nil)
        #expect(SitePath.page(at: "/messages") == .messages)
    }
}
