import Foundation

extension SitePath {
    static let sourcing = SitePath("/shops/:shop/sourcing", page: true)
    static let sourcingLink = SitePath("/shops/:shop/sourcing/link", page: false)
    static let sourcingAsk = SitePath("/shops/:shop/sourcing/ask", page: false)
    static let resellers = SitePath("/shops/:shop/resellers", page: true)
    static let resellerOffer = SitePath("/shops/:shop/resellers/offer", page: false)
    static let resellerWithdraw = SitePath("/shops/:shop/resellers/withdraw", page: false)
    static let resellerDecide = SitePath("/shops/:shop/resellers/:approval/decide", page: false)
    static let supplyStep = SitePath("/shops/:shop/supply-orders/:supply/step", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let sourcingPaths: [SitePath] = [
        .sourcing, .sourcingLink, .sourcingAsk, .resellers, .resellerOffer, .resellerWithdraw, .resellerDecide,
        .supplyStep,
    ]
}
