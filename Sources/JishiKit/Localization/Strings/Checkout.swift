extension L10nKey {
    public static let checkoutTitle = L10nKey("checkout.title")
    public static let checkoutItems = L10nKey("checkout.items")
    public static let checkoutLine = L10nKey("checkout.line")
    public static let checkoutDelivery = L10nKey("checkout.delivery")
    public static let checkoutOutsideCounty = L10nKey("checkout.outside-county")
    public static let checkoutCashHint = L10nKey("checkout.cash-hint")
    public static let checkoutSubmit = L10nKey("checkout.submit")
    public static let checkoutResubmitted = L10nKey("checkout.resubmitted")
    public static let checkoutNotForSale = L10nKey("checkout.not-for-sale")
}

extension Localization {
    /// Checkout.
    static let checkout = Area(
        en: [
            .checkoutTitle: "Check out",
            .checkoutItems: "What you are buying",
            .checkoutLine: "{0} pieces · {1}",
            .checkoutDelivery: "Where it goes",
            .checkoutOutsideCounty: "Outside the county (write the full address)",
            .checkoutCashHint:
                "Cash at the station: the goods are kept for you for 48 hours; pay at the station of your village.",
            .checkoutSubmit: "Place the order",
            .checkoutResubmitted: "This form was already sent with other details. Check them and send it again.",
            .checkoutNotForSale: "Something in the order is no longer on sale; nothing was ordered.",
        ],
        zhHans: [
            .checkoutTitle: "确认订单",
            .checkoutItems: "购买的商品",
            .checkoutLine: "{0} 件 · {1}",
            .checkoutDelivery: "收货信息",
            .checkoutOutsideCounty: "县外地址（请写完整地址）",
            .checkoutCashHint: "到服务站付现金：商品为你保留 48 小时，请到本村服务站付款。",
            .checkoutSubmit: "提交订单",
            .checkoutResubmitted: "这张表已经用别的信息提交过了，请核对后再提交。",
            .checkoutNotForSale: "订单里有商品已下架，这次没有下单。",
        ])
}
