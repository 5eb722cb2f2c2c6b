import Foundation

extension SitePath {
    static let messages = SitePath("/messages", page: true)
    /// GET the conversation; POST sends a message in it.
    static let conversation = SitePath("/messages/:conversation", page: true)
    static let conversationRead = SitePath("/messages/:conversation/read", page: false)
    static let conversationBlock = SitePath("/messages/:conversation/block", page: false)
    static let shopMessages = SitePath("/shops/:shop/messages", page: true)
    /// POST: the buyer's conversation with the shop, opened on first use.
    static let contactShop = SitePath("/shops/:shop/contact", page: false)
    /// The conversation pages' WebSocket (signed in by the session cookie).
    static let chatLive = SitePath("/chat/live", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let chatPaths: [SitePath] = [
        .messages, .conversation, .conversationRead, .conversationBlock, .shopMessages, .contactShop, .chatLive,
    ]
}
