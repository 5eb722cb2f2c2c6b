extension L10nKey {
    public static let appName = L10nKey("app.name")
    /// Between the items of a list written as one line.
    public static let listSeparator = L10nKey("app.list-separator")
    public static let appTagline = L10nKey("app.tagline")
    public static let pageTitle = L10nKey("layout.page-title")
    public static let navHome = L10nKey("layout.nav.home")
    public static let navRegister = L10nKey("layout.nav.register")
    public static let navLogIn = L10nKey("layout.nav.log-in")
    public static let navLogOut = L10nKey("layout.nav.log-out")
    public static let navMenu = L10nKey("layout.nav.menu")
    public static let signedInAs = L10nKey("layout.signed-in-as")
    public static let languageSwitchLabel = L10nKey("layout.language.label")
    public static let languageSwitchOther = L10nKey("layout.language.other")
    public static let footerAbout = L10nKey("layout.footer.about")
    public static let skipToContent = L10nKey("layout.skip-to-content")
    public static let navSearch = L10nKey("layout.nav.search")
    public static let navCart = L10nKey("layout.nav.cart")
    public static let navMyOrders = L10nKey("layout.nav.my-orders")
    public static let navMyShops = L10nKey("layout.nav.my-shops")
    public static let noticeAddedToCart = L10nKey("notice.added-to-cart")
    public static let noticeCartUpdated = L10nKey("notice.cart-updated")
    public static let noticePaid = L10nKey("notice.paid")
    public static let noticeCancelled = L10nKey("notice.cancelled")
    public static let noticeConfirmed = L10nKey("notice.confirmed")
    public static let noticeRefundRequested = L10nKey("notice.refund-requested")
    public static let noticeShipped = L10nKey("notice.shipped")
    public static let noticeDelivered = L10nKey("notice.delivered")
    public static let noticeShopOpened = L10nKey("notice.shop-opened")
    public static let noticeProductAdded = L10nKey("notice.product-added")
    public static let noticeProductSaved = L10nKey("notice.product-saved")
    public static let noticeVariantAdded = L10nKey("notice.variant-added")
    public static let noticePriceSaved = L10nKey("notice.price-saved")
    public static let noticeStockSaved = L10nKey("notice.stock-saved")
    public static let noticePhotoAdded = L10nKey("notice.photo-added")
    public static let noticePhotoRemoved = L10nKey("notice.photo-removed")
    public static let noticeCashOrder = L10nKey("notice.cash-order")
    public static let noticeLinked = L10nKey("notice.linked")
    public static let noticeOfferSaved = L10nKey("notice.offer-saved")
    public static let noticeOfferWithdrawn = L10nKey("notice.offer-withdrawn")
    public static let noticeApprovalRequested = L10nKey("notice.approval-requested")
    public static let noticeDecided = L10nKey("notice.decided")
    public static let noticeSupplyMoved = L10nKey("notice.supply-moved")
    public static let errorBelowWholesale = L10nKey("error.below-wholesale")
    public static let errorTitle = L10nKey("error.title")
    public static let errorStatus = L10nKey("error.status")
    public static let errorBackHome = L10nKey("error.back-home")
    public static let navMessages = L10nKey("layout.nav.messages")
    public static let noticeReviewed = L10nKey("notice.reviewed")
    public static let noticeReplied = L10nKey("notice.replied")
    public static let noticeReported = L10nKey("notice.reported")
    public static let noticeBlocked = L10nKey("notice.blocked")
    public static let noticeUnblocked = L10nKey("notice.unblocked")
}

extension Localization {
    /// The shared layout, error pages and notices.
    static let app = Area(
        en: [
            .appName: "Jishi",
            .listSeparator: "; ",
            .appTagline: "The county's rural e-commerce platform",
            .pageTitle: "{0} · Jishi",
            .navHome: "Home",
            .navRegister: "Register",
            .navLogIn: "Log in",
            .navLogOut: "Log out",
            .navMenu: "Menu",
            .signedInAs: "Hello, {0}",
            .languageSwitchLabel: "Change language",
            // The switch names the other language in that language.
            .languageSwitchOther: "中文",
            .footerAbout: "Jishi is open-source software, run for the villages by the county e-commerce office.",
            .skipToContent: "Skip to content",
            .navSearch: "Search",
            .navCart: "Cart",
            .navMyOrders: "My orders",
            .navMyShops: "My shops",
            .noticeAddedToCart: "Added to your cart.",
            .noticeCartUpdated: "Your cart is updated.",
            .noticePaid: "Paid. Thank you! The shop will send it soon.",
            .noticeCancelled: "The order is cancelled.",
            .noticeConfirmed: "Thank you for confirming receipt.",
            .noticeRefundRequested: "Your refund request was sent to the shop.",
            .noticeShipped: "Marked as shipped.",
            .noticeDelivered: "Marked as delivered.",
            .noticeShopOpened: "Your shop is open. Add your first product.",
            .noticeProductAdded: "The product is listed. Add photos below.",
            .noticeProductSaved: "Saved.",
            .noticeVariantAdded: "The variant is added.",
            .noticePriceSaved: "The price is saved.",
            .noticeStockSaved: "The stock is saved.",
            .noticePhotoAdded: "The photo is added.",
            .noticePhotoRemoved: "The photo is removed.",
            .noticeCashOrder: "Order placed. Pay at the village station in time to keep it.",
            .noticeLinked: "Listed in your shop.",
            .noticeOfferSaved: "The offer is saved.",
            .noticeOfferWithdrawn: "No longer offered to resellers.",
            .noticeApprovalRequested: "Request sent to the producer.",
            .noticeDecided: "Decision saved.",
            .noticeSupplyMoved: "The supply order is updated.",
            .errorBelowWholesale: "Not below the wholesale price.",
            .errorTitle: "Something went wrong",
            .errorStatus: "Error {0}",
            .errorBackHome: "Back to the home page",
            .navMessages: "Messages",
            .noticeReviewed: "Thank you: your review is published.",
            .noticeReplied: "Reply published.",
            .noticeReported: "Thank you: the review has been reported.",
            .noticeBlocked: "The buyer is blocked.",
            .noticeUnblocked: "The buyer may write again.",
        ],
        zhHans: [
            .appName: "集市",
            .listSeparator: "；",
            .appTagline: "县域农村电商平台",
            .pageTitle: "{0} · 集市",
            .navHome: "首页",
            .navRegister: "注册",
            .navLogIn: "登录",
            .navLogOut: "退出",
            .navMenu: "菜单",
            .signedInAs: "{0}，您好",
            .languageSwitchLabel: "切换语言",
            // The switch names the other language in that language.
            .languageSwitchOther: "English",
            .footerAbout: "集市是开源软件，由县电子商务办公室为各村运营。",
            .skipToContent: "跳到正文",
            .navSearch: "搜索",
            .navCart: "购物车",
            .navMyOrders: "我的订单",
            .navMyShops: "我的店铺",
            .noticeAddedToCart: "已加入购物车。",
            .noticeCartUpdated: "购物车已更新。",
            .noticePaid: "付款成功，谢谢！商家会尽快发货。",
            .noticeCancelled: "订单已取消。",
            .noticeConfirmed: "已确认收货，谢谢！",
            .noticeRefundRequested: "退款申请已发给商家。",
            .noticeShipped: "已标记为发货。",
            .noticeDelivered: "已标记为送达。",
            .noticeShopOpened: "店铺开好了，来上架第一件商品吧。",
            .noticeProductAdded: "商品已上架，可以在下面添加照片。",
            .noticeProductSaved: "已保存。",
            .noticeVariantAdded: "规格已添加。",
            .noticePriceSaved: "价格已保存。",
            .noticeStockSaved: "库存已保存。",
            .noticePhotoAdded: "照片已添加。",
            .noticePhotoRemoved: "照片已删除。",
            .noticeCashOrder: "下单成功。请按时到村服务站付款，否则订单会取消。",
            .noticeLinked: "已上架到您的店铺。",
            .noticeOfferSaved: "已保存。",
            .noticeOfferWithdrawn: "已停止向代销商开放。",
            .noticeApprovalRequested: "申请已发送给生产商。",
            .noticeDecided: "已处理。",
            .noticeSupplyMoved: "进货单已更新。",
            .errorBelowWholesale: "不能低于批发价。",
            .errorTitle: "出错了",
            .errorStatus: "错误代码 {0}",
            .errorBackHome: "回到首页",
            .navMessages: "消息",
            .noticeReviewed: "谢谢，评价已发表。",
            .noticeReplied: "回复已发表。",
            .noticeReported: "谢谢，已举报这条评价。",
            .noticeBlocked: "已屏蔽该买家。",
            .noticeUnblocked: "已解除屏蔽，对方可以再发消息。",
        ])
}
