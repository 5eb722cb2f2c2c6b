import Foundation

extension SitePath {
    static let shops = SitePath("/shops", page: true)
    static let openShop = SitePath("/shops/new", page: true)
    static let shop = SitePath("/shops/:shop", page: true)
    static let shopOrders = SitePath("/shops/:shop/orders", page: true)
    static let packingList = SitePath("/shops/:shop/packing-list", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let shopsPaths: [SitePath] = [.shops, .openShop, .shop, .shopOrders, .packingList]
}
