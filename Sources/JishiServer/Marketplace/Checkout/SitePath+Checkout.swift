import Foundation

extension SitePath {
    static let checkout = SitePath("/checkout", page: true)
    static let checkoutSummary = SitePath("/checkouts/:checkout", page: true)
    static let checkoutPay = SitePath("/checkouts/:checkout/pay", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let checkoutPaths: [SitePath] = [.checkout, .checkoutSummary, .checkoutPay]
}
