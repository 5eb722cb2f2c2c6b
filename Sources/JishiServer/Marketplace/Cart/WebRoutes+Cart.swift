import Vapor

extension WebRoutes {
    /// The cart pages.
    static func cart(_ routes: PageRoutes) {
        routes.get(.cart, CartController.show)
        routes.post(.cartItems, CartController.setItem)
    }
}
