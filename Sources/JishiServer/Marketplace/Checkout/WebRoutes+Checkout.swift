import Vapor

extension WebRoutes {
    /// The checkout pages.
    static func checkout(_ routes: PageRoutes) {
        routes.get(.checkout, CheckoutController.show)
        routes.post(.checkout, CheckoutController.submit)
        routes.get(.checkoutSummary, CheckoutController.summary)
        routes.post(.checkoutPay, CheckoutController.pay)
    }
}
