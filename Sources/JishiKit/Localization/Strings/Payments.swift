extension L10nKey {
    public static let paymentMethodOnline = L10nKey("payment.method.online")
    public static let paymentMethodCash = L10nKey("payment.method.cash")
    public static let paymentTitle = L10nKey("payment.title")
    public static let paymentBefore = L10nKey("payment.before")
    public static let paymentSandboxHint = L10nKey("payment.sandbox-hint")
    public static let paymentApprove = L10nKey("payment.approve")
    public static let paymentDecline = L10nKey("payment.decline")
    public static let paymentDeclinedRetry = L10nKey("payment.declined-retry")
    public static let paymentDone = L10nKey("payment.done")
    public static let paymentNotPayable = L10nKey("payment.not-payable")
    public static let paymentWindowClosed = L10nKey("payment.window-closed")
    public static let paymentCashAtStation = L10nKey("payment.cash-at-station")
}

extension Localization {
    /// Payment.
    static let payments = Area(
        en: [
            .paymentMethodOnline: "Pay online now",
            .paymentMethodCash: "Pay cash at the village station",
            .paymentTitle: "Payment",
            .paymentBefore: "Please pay before {0}, or the order is cancelled.",
            .paymentSandboxHint:
                "Test payments: no real money moves. Use the buttons to approve or to try a declined payment.",
            .paymentApprove: "Pay {0}",
            .paymentDecline: "Try a declined payment",
            .paymentDeclinedRetry: "The payment was declined and nothing was charged. You can try again.",
            .paymentDone: "Paid.",
            .paymentNotPayable: "These orders no longer await payment.",
            .paymentWindowClosed: "The time to pay has passed; the order is being cancelled.",
            .paymentCashAtStation: "Pay {0} in cash at your village's service station before {1}.",
        ],
        zhHans: [
            .paymentMethodOnline: "在线支付",
            .paymentMethodCash: "到村服务站付现金",
            .paymentTitle: "付款",
            .paymentBefore: "请在 {0} 前付款，否则订单会取消。",
            .paymentSandboxHint: "测试支付：不会真的扣钱。可以点按钮模拟付款成功或失败。",
            .paymentApprove: "支付 {0}",
            .paymentDecline: "模拟付款失败",
            .paymentDeclinedRetry: "付款没有成功，没有扣钱。可以再试一次。",
            .paymentDone: "已付款。",
            .paymentNotPayable: "这些订单已经不需要付款了。",
            .paymentWindowClosed: "付款时间已过，订单将被取消。",
            .paymentCashAtStation: "请在 {1} 前到本村服务站付现金 {0}。",
        ])
}
