extension L10nKey {
    public static let chatContactSeller = L10nKey("chat.contact-seller")
    public static let chatUnreadTile = L10nKey("chat.unread-tile")
    public static let chatShopMessagesTitle = L10nKey("chat.shop-messages-title")
    public static let chatMyMessages = L10nKey("chat.my-messages")
    public static let chatNoConversations = L10nKey("chat.no-conversations")
    public static let chatNoShopConversations = L10nKey("chat.no-shop-conversations")
    public static let chatYourShops = L10nKey("chat.your-shops")
    public static let chatShopMessages = L10nKey("chat.shop-messages")
    public static let chatMessageCount = L10nKey("chat.message-count")
    public static let chatUnread = L10nKey("chat.unread")
    public static let chatWith = L10nKey("chat.with")
    public static let chatOlder = L10nKey("chat.older")
    public static let chatNewest = L10nKey("chat.newest")
    public static let chatNoMessages = L10nKey("chat.no-messages")
    public static let chatYou = L10nKey("chat.you")
    public static let chatBlockedBuyer = L10nKey("chat.blocked-buyer")
    public static let chatBlockedShop = L10nKey("chat.blocked-shop")
    public static let chatBlock = L10nKey("chat.block")
    public static let chatUnblock = L10nKey("chat.unblock")
    public static let chatMessage = L10nKey("chat.message")
    public static let chatSend = L10nKey("chat.send")
    public static let chatRefresh = L10nKey("chat.refresh")
    public static let chatLive = L10nKey("chat.live")
    public static let chatTooFast = L10nKey("chat.too-fast")
}

extension Localization {
    /// Chat.
    static let chat = Area(
        en: [
            .chatContactSeller: "Contact the seller",
            .chatUnreadTile: "Unread messages",
            .chatShopMessagesTitle: "Messages for {0}",
            .chatMyMessages: "My messages",
            .chatNoConversations: "No conversations yet. Use “Contact the seller” on a product to start one.",
            .chatNoShopConversations: "No buyer has written yet.",
            .chatYourShops: "Your shops' messages",
            .chatShopMessages: "Shop messages",
            .chatMessageCount: "{0} messages",
            .chatUnread: "{0} unread",
            .chatWith: "Chat with {0}",
            .chatOlder: "‹ Older messages",
            .chatNewest: "Newest messages ›",
            .chatNoMessages: "No messages yet. Say hello!",
            .chatYou: "You",
            .chatBlockedBuyer: "This shop does not accept your messages.",
            .chatBlockedShop: "You have blocked this buyer: they cannot send messages to the shop.",
            .chatBlock: "Block buyer",
            .chatUnblock: "Unblock buyer",
            .chatMessage: "Message",
            .chatSend: "Send",
            .chatRefresh: "Refresh",
            .chatLive: "New messages appear here as they arrive.",
            .chatTooFast: "You are sending too fast; wait a minute and try again.",
        ],
        zhHans: [
            .chatContactSeller: "联系卖家",
            .chatUnreadTile: "未读消息",
            .chatShopMessagesTitle: "{0} 的消息",
            .chatMyMessages: "我的消息",
            .chatNoConversations: "还没有对话。在商品页点“联系卖家”即可开始。",
            .chatNoShopConversations: "还没有买家发来消息。",
            .chatYourShops: "我的店铺消息",
            .chatShopMessages: "店铺消息",
            .chatMessageCount: "{0} 条消息",
            .chatUnread: "{0} 条未读",
            .chatWith: "与{0}的对话",
            .chatOlder: "‹ 更早的消息",
            .chatNewest: "最新消息 ›",
            .chatNoMessages: "还没有消息，打个招呼吧！",
            .chatYou: "我",
            .chatBlockedBuyer: "该店铺已拒收你的消息。",
            .chatBlockedShop: "你已屏蔽该买家，对方无法给店铺发消息。",
            .chatBlock: "屏蔽买家",
            .chatUnblock: "解除屏蔽",
            .chatMessage: "消息",
            .chatSend: "发送",
            .chatRefresh: "刷新",
            .chatLive: "新消息会自动出现在这里。",
            .chatTooFast: "发送太频繁，请等一分钟再试。",
        ])
}
