import Vapor

extension WebRoutes {
    /// The statements pages.
    static func statements(_ routes: PageRoutes) {
        routes.get(.statement, ShopController.statement)
    }
}
