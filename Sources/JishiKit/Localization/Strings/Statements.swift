extension L10nKey {
    public static let statementTitle = L10nKey("statement.title")
    public static let statementShow = L10nKey("statement.show")
    public static let statementPeriod = L10nKey("statement.period")
    public static let statementPaidOrders = L10nKey("statement.paid-orders")
    public static let statementSales = L10nKey("statement.sales")
    public static let statementRefunds = L10nKey("statement.refunds")
    public static let statementCommission = L10nKey("statement.commission")
    public static let statementCommissionReturned = L10nKey("statement.commission-returned")
    public static let statementNet = L10nKey("statement.net")
    public static let statementExplained = L10nKey("statement.explained")
    public static let statementWholesaleSales = L10nKey("statement.wholesale-sales")
    public static let statementWholesaleCredits = L10nKey("statement.wholesale-credits")
    public static let statementSupplyCost = L10nKey("statement.supply-cost")
    public static let statementSupplyCredits = L10nKey("statement.supply-credits")
}

extension Localization {
    /// Seller statements.
    static let statements = Area(
        en: [
            .statementTitle: "Statement",
            .statementShow: "Show",
            .statementPeriod: "{0} to {1}",
            .statementPaidOrders: "Paid orders",
            .statementSales: "Sales",
            .statementRefunds: "Refunds ({0})",
            .statementCommission: "Commission",
            .statementCommissionReturned: "Commission returned on refunds",
            .statementNet: "Net payable to the shop",
            .statementExplained:
                "Sales count when an order is paid, refunds when the money went back. Days are in China time.",
            .statementWholesaleSales: "Wholesale sales to resellers",
            .statementWholesaleCredits: "Credits to resellers",
            .statementSupplyCost: "Goods bought from producers",
            .statementSupplyCredits: "Credits from producers",
        ],
        zhHans: [
            .statementTitle: "对账单",
            .statementShow: "查看",
            .statementPeriod: "{0} 至 {1}",
            .statementPaidOrders: "已付款订单",
            .statementSales: "销售额",
            .statementRefunds: "退款（{0} 笔）",
            .statementCommission: "平台佣金",
            .statementCommissionReturned: "退款退回的佣金",
            .statementNet: "应付给店铺",
            .statementExplained: "销售额按付款时间计，退款按退回时间计。日期按北京时间。",
            .statementWholesaleSales: "批发给代销商",
            .statementWholesaleCredits: "退给代销商",
            .statementSupplyCost: "从生产商进货",
            .statementSupplyCredits: "生产商退款",
        ])
}
