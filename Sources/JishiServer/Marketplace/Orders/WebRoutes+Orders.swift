import Vapor

extension WebRoutes {
    /// The orders pages.
    static func orders(_ routes: PageRoutes) {
        routes.get(.orders, OrderController.list)
        routes.get(.order, OrderController.show)
        routes.post(.orderCancel, OrderController.cancel)
        routes.post(.orderConfirm, OrderController.confirmReceipt)
        routes.post(.orderRefund, OrderController.requestRefund)
        routes.post(.orderShip, OrderController.markShipped)
        routes.post(.orderDeliver, OrderController.markDelivered)
    }
}
