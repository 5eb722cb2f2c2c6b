import Foundation

extension SitePath {
    static let orders = SitePath("/orders", page: true)
    static let order = SitePath("/orders/:order", page: true)
    static let orderCancel = SitePath("/orders/:order/cancel", page: false)
    static let orderConfirm = SitePath("/orders/:order/confirm", page: false)
    static let orderRefund = SitePath("/orders/:order/refund", page: false)
    static let orderShip = SitePath("/orders/:order/ship", page: false)
    static let orderDeliver = SitePath("/orders/:order/deliver", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let ordersPaths: [SitePath] = [
        .orders, .order, .orderCancel, .orderConfirm, .orderRefund, .orderShip, .orderDeliver,
    ]
}
