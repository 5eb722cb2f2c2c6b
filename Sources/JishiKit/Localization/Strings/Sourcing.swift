extension L10nKey {
    public static let sourcingTitle = L10nKey("sourcing.title")
    public static let sourcingIntro = L10nKey("sourcing.intro")
    public static let sourcingOffers = L10nKey("sourcing.offers")
    public static let sourcingNoOffers = L10nKey("sourcing.no-offers")
    public static let sourcingFrom = L10nKey("sourcing.from")
    public static let sourcingTier = L10nKey("sourcing.tier")
    public static let sourcingStock = L10nKey("sourcing.stock")
    public static let sourcingYourPrice = L10nKey("sourcing.your-price")
    public static let sourcingList = L10nKey("sourcing.list")
    public static let sourcingListed = L10nKey("sourcing.listed")
    public static let sourcingProducers = L10nKey("sourcing.producers")
    public static let sourcingAsk = L10nKey("sourcing.ask")
    public static let sourcingApprovalStatus = L10nKey("sourcing.approval-status")
    public static let sourcingBought = L10nKey("sourcing.bought")
    public static let sourcingSupplied = L10nKey("sourcing.supplied")
    public static let sourcingNoSupplyOrders = L10nKey("sourcing.no-supply-orders")
    public static let sourcingSupplyLine = L10nKey("sourcing.supply-line")
    public static let sourcingDropShip = L10nKey("sourcing.drop-ship")
    public static let sourcingBulk = L10nKey("sourcing.bulk")
    public static let sourcingShip = L10nKey("sourcing.ship")
    public static let sourcingDeliver = L10nKey("sourcing.deliver")
    public static let sourcingConfirm = L10nKey("sourcing.confirm")
    public static let sourcingOtherShop = L10nKey("sourcing.other-shop")
    public static let resellersTitle = L10nKey("resellers.title")
    public static let resellersIntro = L10nKey("resellers.intro")
    public static let resellersOffered = L10nKey("resellers.offered")
    public static let resellersNotOffered = L10nKey("resellers.not-offered")
    public static let resellersAudience = L10nKey("resellers.audience")
    public static let resellersEveryone = L10nKey("resellers.everyone")
    public static let resellersApprovedOnly = L10nKey("resellers.approved-only")
    public static let resellersBasePrice = L10nKey("resellers.base-price")
    public static let resellersBulkFrom = L10nKey("resellers.bulk-from")
    public static let resellersBulkPrice = L10nKey("resellers.bulk-price")
    public static let resellersSave = L10nKey("resellers.save")
    public static let resellersWithdraw = L10nKey("resellers.withdraw")
    public static let resellersRequests = L10nKey("resellers.requests")
    public static let resellersNoRequests = L10nKey("resellers.no-requests")
    public static let resellersApprove = L10nKey("resellers.approve")
    public static let resellersReject = L10nKey("resellers.reject")
    public static let resellersRevoke = L10nKey("resellers.revoke")
    public static let approvalRequested = L10nKey("approval.requested")
    public static let approvalApproved = L10nKey("approval.approved")
    public static let approvalRejected = L10nKey("approval.rejected")
    public static let approvalRevoked = L10nKey("approval.revoked")
}

extension Localization {
    /// Sourcing between shops.
    static let sourcing = Area(
        en: [
            .sourcingTitle: "Source products",
            .sourcingIntro:
                "Resell other shops' products: list them at your own price, and the producer sends them to your buyers from its own stock.",
            .sourcingOffers: "Products you may resell",
            .sourcingNoOffers: "No products are offered to your shop yet.",
            .sourcingFrom: "from {0}",
            .sourcingTier: "{0}+ units: {1} each",
            .sourcingStock: "In stock: {0}",
            .sourcingYourPrice: "Your price for {0} (¥)",
            .sourcingList: "List in my shop",
            .sourcingListed: "Listed in your shop",
            .sourcingProducers: "Producers that sell to approved resellers",
            .sourcingAsk: "Ask for approval",
            .sourcingApprovalStatus: "Your request: {0}",
            .sourcingBought: "Supply orders you buy",
            .sourcingSupplied: "Supply orders to send",
            .sourcingNoSupplyOrders: "None yet.",
            .sourcingSupplyLine: "{0} × {1} at {2}",
            .sourcingDropShip: "Send straight to the buyer: {0}",
            .sourcingBulk: "Bulk order from {0}",
            .sourcingShip: "Mark shipped",
            .sourcingDeliver: "Mark delivered",
            .sourcingConfirm: "Confirm receipt",
            .sourcingOtherShop: "with {0}",
            .resellersTitle: "Resellers",
            .resellersIntro:
                "Open your products to other shops at wholesale prices. They sell at their own price (never below your wholesale price) and you send the goods to their buyers.",
            .resellersOffered: "Offered to resellers",
            .resellersNotOffered: "Not offered",
            .resellersAudience: "Who may resell",
            .resellersEveryone: "Any shop",
            .resellersApprovedOnly: "Only shops I approve",
            .resellersBasePrice: "{0}: wholesale price (¥)",
            .resellersBulkFrom: "From how many units a lower price applies",
            .resellersBulkPrice: "Lower price from that many (¥)",
            .resellersSave: "Save the offer",
            .resellersWithdraw: "Stop offering",
            .resellersRequests: "Requests from resellers",
            .resellersNoRequests: "No requests.",
            .resellersApprove: "Approve",
            .resellersReject: "Reject",
            .resellersRevoke: "Revoke",
            .approvalRequested: "waiting",
            .approvalApproved: "approved",
            .approvalRejected: "rejected",
            .approvalRevoked: "revoked",
        ],
        zhHans: [
            .sourcingTitle: "货源",
            .sourcingIntro: "代销其他店铺的商品：按您自己的价格上架，由生产商用它的库存直接发货给您的买家。",
            .sourcingOffers: "可代销的商品",
            .sourcingNoOffers: "还没有向您的店铺开放的商品。",
            .sourcingFrom: "来自{0}",
            .sourcingTier: "{0}件起：每件{1}",
            .sourcingStock: "库存：{0}",
            .sourcingYourPrice: "{0}的售价（元）",
            .sourcingList: "上架到我的店铺",
            .sourcingListed: "已在您的店铺上架",
            .sourcingProducers: "只向认可的代销商供货的生产商",
            .sourcingAsk: "申请代销",
            .sourcingApprovalStatus: "您的申请：{0}",
            .sourcingBought: "您的进货单",
            .sourcingSupplied: "待您供货的订单",
            .sourcingNoSupplyOrders: "暂无。",
            .sourcingSupplyLine: "{0} × {1}，单价{2}",
            .sourcingDropShip: "直接发给买家：{0}",
            .sourcingBulk: "{0}的批发进货",
            .sourcingShip: "标记已发货",
            .sourcingDeliver: "标记已送达",
            .sourcingConfirm: "确认收货",
            .sourcingOtherShop: "对方：{0}",
            .resellersTitle: "代销商",
            .resellersIntro: "以批发价向其他店铺开放您的商品。他们按自己的价格销售（不低于您的批发价），您把货直接发给他们的买家。",
            .resellersOffered: "已向代销商开放",
            .resellersNotOffered: "未开放",
            .resellersAudience: "谁可以代销",
            .resellersEveryone: "所有店铺",
            .resellersApprovedOnly: "仅限我认可的店铺",
            .resellersBasePrice: "{0}：批发价（元）",
            .resellersBulkFrom: "多少件起享受更低价格",
            .resellersBulkPrice: "达到件数后的单价（元）",
            .resellersSave: "保存",
            .resellersWithdraw: "停止开放",
            .resellersRequests: "代销申请",
            .resellersNoRequests: "暂无申请。",
            .resellersApprove: "同意",
            .resellersReject: "拒绝",
            .resellersRevoke: "撤销",
            .approvalRequested: "待处理",
            .approvalApproved: "已同意",
            .approvalRejected: "已拒绝",
            .approvalRevoked: "已撤销",
        ])
}
