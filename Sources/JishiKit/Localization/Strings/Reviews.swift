extension L10nKey {
    public static let reviewPhotoAlt = L10nKey("review.photo-alt")
    public static let reviewAddPhoto = L10nKey("review.add-photo")
    public static let ratingStarsOutOf = L10nKey("market.rating.stars-out-of")
    public static let ratingNone = L10nKey("market.rating.none")
    public static let ratingShort = L10nKey("market.rating.short")
    public static let ratingCount = L10nKey("market.rating.count")
    public static let ratingCountOne = L10nKey("market.rating.count-one")
    public static let ratingDescribed = L10nKey("market.rating.described")
    public static let ratingService = L10nKey("market.rating.service")
    public static let ratingShipping = L10nKey("market.rating.shipping")
    public static let ratingShop = L10nKey("market.rating.shop")
    public static let ratingShopTitle = L10nKey("market.rating.shop-title")
    public static let ratingRefundRate = L10nKey("market.rating.refund-rate")
    public static let ratingNoPaidOrders = L10nKey("market.rating.no-paid-orders")
    public static let reviewsTitle = L10nKey("market.reviews.title")
    public static let reviewsEmpty = L10nKey("market.reviews.empty")
    public static let reviewShopReplied = L10nKey("market.review.shop-replied")
    public static let reviewReport = L10nKey("market.review.report")
    public static let reviewReportReason = L10nKey("market.review.report-reason")
    public static let reviewWrite = L10nKey("market.review.write")
    public static let reviewDone = L10nKey("market.review.done")
    public static let reviewNotYet = L10nKey("market.review.not-yet")
    public static let reviewText = L10nKey("market.review.text")
    public static let reviewTextHint = L10nKey("market.review.text-hint")
    public static let reviewSend = L10nKey("market.review.send")
    public static let reviewChooseStars = L10nKey("market.review.choose-stars")
    public static let reviewReply = L10nKey("market.review.reply")
    public static let reviewSendReply = L10nKey("market.review.send-reply")
    public static let reviewAlreadyReplied = L10nKey("market.review.already-replied")
}

extension Localization {
    /// Reviews and ratings.
    static let reviews = Area(
        en: [
            .reviewPhotoAlt: "The buyer's photo",
            .reviewAddPhoto: "Add a photo to your review (up to 3)",
            .ratingStarsOutOf: "{0} of 5 stars",
            .ratingNone: "No reviews yet",
            .ratingShort: "★ {0} ({1})",
            .ratingCount: "from {0} reviews",
            .ratingCountOne: "from 1 review",
            .ratingDescribed: "Item as described",
            .ratingService: "Service",
            .ratingShipping: "Shipping speed",
            .ratingShop: "Shop rating: {0}",
            .ratingShopTitle: "Rating (last 12 months)",
            .ratingRefundRate: "Refund rate {0}% ({1} of {2} paid orders)",
            .ratingNoPaidOrders: "No paid orders in the last 12 months.",
            .reviewsTitle: "Reviews",
            .reviewsEmpty: "No reviews yet.",
            .reviewShopReplied: "The shop replied:",
            .reviewReport: "Report",
            .reviewReportReason: "Why? (optional)",
            .reviewWrite: "Write a review",
            .reviewDone: "Reviewed",
            .reviewNotYet: "You can review this once the order has been delivered.",
            .reviewText: "Your review",
            .reviewTextHint:
                "Up to 2,000 characters. Once it is posted you can add up to 3 photos on the product's page.",
            .reviewSend: "Publish review",
            .reviewChooseStars: "Choose…",
            .reviewReply: "Reply",
            .reviewSendReply: "Send reply",
            .reviewAlreadyReplied: "The shop has replied to this review already.",
        ],
        zhHans: [
            .reviewPhotoAlt: "买家晒图",
            .reviewAddPhoto: "给您的评价添加照片（最多 3 张）",
            .ratingStarsOutOf: "{0} 星（满分 5 星）",
            .ratingNone: "暂无评价",
            .ratingShort: "★ {0}（{1} 条）",
            .ratingCount: "共 {0} 条评价",
            .ratingCountOne: "共 1 条评价",
            .ratingDescribed: "描述相符",
            .ratingService: "服务态度",
            .ratingShipping: "物流速度",
            .ratingShop: "店铺评分：{0}",
            .ratingShopTitle: "评分（近 12 个月）",
            .ratingRefundRate: "退款率 {0}%（{2} 笔已付款订单中有 {1} 笔）",
            .ratingNoPaidOrders: "近 12 个月没有已付款订单。",
            .reviewsTitle: "评价",
            .reviewsEmpty: "还没有评价。",
            .reviewShopReplied: "店家回复：",
            .reviewReport: "举报",
            .reviewReportReason: "原因（可不填）",
            .reviewWrite: "写评价",
            .reviewDone: "已评价",
            .reviewNotYet: "订单送达后才能评价。",
            .reviewText: "评价内容",
            .reviewTextHint: "最多 2000 字。发表后可以在商品页上添加最多 3 张照片。",
            .reviewSend: "发表评价",
            .reviewChooseStars: "请选择…",
            .reviewReply: "回复",
            .reviewSendReply: "发送回复",
            .reviewAlreadyReplied: "店铺已经回复过这条评价。",
        ])
}
