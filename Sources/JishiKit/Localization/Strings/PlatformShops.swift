extension L10nKey {
    public static let platformShopsTitle = L10nKey("platform-shops.title")
    public static let platformShopsIntro = L10nKey("platform-shops.intro")
    public static let platformShopsNone = L10nKey("platform-shops.none")
    public static let platformShopsMeta = L10nKey("platform-shops.meta")
    public static let platformShopsOpen = L10nKey("platform-shops.open")
    public static let platformShopsMonth = L10nKey("platform-shops.month")
    public static let platformShopsMonthField = L10nKey("platform-shops.month-field")
    public static let platformShopsOrders = L10nKey("platform-shops.orders")
    public static let platformShopsSales = L10nKey("platform-shops.sales")
    public static let platformShopsSaveSales = L10nKey("platform-shops.save-sales")
    public static let platformShopsSalesSaved = L10nKey("platform-shops.sales-saved")
    public static let platformShopsBadOrders = L10nKey("platform-shops.bad-orders")
    public static let platformShopsBadSales = L10nKey("platform-shops.bad-sales")
    public static let platformShopsReport = L10nKey("platform-shops.report")
    public static let platformShopsPlatform = L10nKey("platform-shops.platform")
    public static let platformShopsPlatformHint = L10nKey("platform-shops.platform-hint")
    public static let platformShopsRef = L10nKey("platform-shops.ref")
    public static let platformShopsKind = L10nKey("platform-shops.kind")
    public static let platformShopsIndividual = L10nKey("platform-shops.individual")
    public static let platformShopsEnterprise = L10nKey("platform-shops.enterprise")
    public static let platformShopsVillage = L10nKey("platform-shops.village")
    public static let platformShopsOpened = L10nKey("platform-shops.opened")
    public static let platformShopsClosed = L10nKey("platform-shops.closed")
    public static let platformShopsClosedHint = L10nKey("platform-shops.closed-hint")
    public static let platformShopsCategory = L10nKey("platform-shops.category")
    public static let platformShopsSave = L10nKey("platform-shops.save")
    public static let platformShopsSaved = L10nKey("platform-shops.saved")
}

extension Localization {
    /// A seller's shops on other platforms and their monthly sales.
    static let platformShops = Area(
        en: [
            .platformShopsTitle: "My shops on other platforms",
            .platformShopsIntro:
                "Report the shops you run on Taobao, Pinduoduo, Douyin and other platforms and what they sell each month: the county counts them with Jishi's own orders for its figures and for Taobao-village recognition.",
            .platformShopsNone: "No shops reported yet.",
            .platformShopsMeta: "Village {0} · opened {1} · {2}",
            .platformShopsOpen: "open",
            .platformShopsMonth: "{0}: {1} orders, {2}",
            .platformShopsMonthField: "Month",
            .platformShopsOrders: "Orders",
            .platformShopsSales: "Sales (CNY)",
            .platformShopsSaveSales: "Save the month",
            .platformShopsSalesSaved: "Saved the figures of {0}.",
            .platformShopsBadOrders: "Write the number of orders, such as 120.",
            .platformShopsBadSales: "Write the sales in yuan, such as 12500.50.",
            .platformShopsReport: "Report a shop",
            .platformShopsPlatform: "Platform",
            .platformShopsPlatformHint: "Its code in Latin letters: taobao, pinduoduo, douyin, 1688 …",
            .platformShopsRef: "The shop's name or number there",
            .platformShopsKind: "Kind",
            .platformShopsIndividual: "Individual",
            .platformShopsEnterprise: "Enterprise",
            .platformShopsVillage: "Village",
            .platformShopsOpened: "Opened on",
            .platformShopsClosed: "Closed on",
            .platformShopsClosedHint: "Leave empty while the shop is open.",
            .platformShopsCategory: "Main category",
            .platformShopsSave: "Save the shop",
            .platformShopsSaved: "Saved {0} {1}.",
        ],
        zhHans: [
            .platformShopsTitle: "我在其他平台的网店",
            .platformShopsIntro: "登记您在淘宝、拼多多、抖音等平台开的网店和每月销售额：县里统计和淘宝村认定会把它们与集市平台的订单一起计算。",
            .platformShopsNone: "还没有登记网店。",
            .platformShopsMeta: "村代码 {0} · {1} 开店 · {2}",
            .platformShopsOpen: "营业中",
            .platformShopsMonth: "{0}：订单 {1} 笔，销售额 {2}",
            .platformShopsMonthField: "月份",
            .platformShopsOrders: "订单数",
            .platformShopsSales: "销售额（元）",
            .platformShopsSaveSales: "保存本月",
            .platformShopsSalesSaved: "已保存 {0} 的数据。",
            .platformShopsBadOrders: "请填写订单数，例如 120。",
            .platformShopsBadSales: "请填写销售额（元），例如 12500.50。",
            .platformShopsReport: "登记网店",
            .platformShopsPlatform: "平台",
            .platformShopsPlatformHint: "平台代码（英文字母）：taobao、pinduoduo、douyin、1688 等",
            .platformShopsRef: "店铺名称或编号",
            .platformShopsKind: "类型",
            .platformShopsIndividual: "个人店",
            .platformShopsEnterprise: "企业店",
            .platformShopsVillage: "所在村",
            .platformShopsOpened: "开店日期",
            .platformShopsClosed: "关店日期",
            .platformShopsClosedHint: "仍在营业请留空。",
            .platformShopsCategory: "主营类目",
            .platformShopsSave: "保存网店",
            .platformShopsSaved: "已保存 {0} {1}。",
        ])
}
