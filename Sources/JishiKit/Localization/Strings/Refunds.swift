extension L10nKey {
    public static let refundStatusRequested = L10nKey("refund.status.requested")
    public static let refundStatusApproved = L10nKey("refund.status.approved")
    public static let refundStatusRejected = L10nKey("refund.status.rejected")
    public static let refundStatusGoodsReturned = L10nKey("refund.status.goods-returned")
    public static let refundStatusRefunded = L10nKey("refund.status.refunded")
    public static let refundAtMost = L10nKey("refund.at-most")
}

extension Localization {
    /// Refunds.
    static let refunds = Area(
        en: [
            .refundStatusRequested: "Requested",
            .refundStatusApproved: "Approved",
            .refundStatusRejected: "Rejected",
            .refundStatusGoodsReturned: "Goods returned",
            .refundStatusRefunded: "Refunded",
            .refundAtMost: "At most {0}.",
        ],
        zhHans: [
            .refundStatusRequested: "已申请",
            .refundStatusApproved: "已同意",
            .refundStatusRejected: "已拒绝",
            .refundStatusGoodsReturned: "已退货",
            .refundStatusRefunded: "已退款",
            .refundAtMost: "最多 {0}。",
        ])
}
