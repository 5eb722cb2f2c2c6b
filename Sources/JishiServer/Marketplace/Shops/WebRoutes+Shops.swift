import Vapor

extension WebRoutes {
    /// The shops pages.
    static func shops(_ routes: PageRoutes) {
        routes.get(.shops, ShopController.list)
        routes.get(.openShop, ShopController.showOpen)
        routes.post(.openShop, ShopController.open)
        routes.get(.shop, ShopController.dashboard)
        routes.get(.shopOrders, ShopController.orders)
        routes.get(.packingList, ShopController.packingList)
    }
}
