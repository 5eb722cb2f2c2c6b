import Vapor

extension WebRoutes {
    /// The sourcing pages.
    static func sourcing(_ routes: PageRoutes) {
        routes.get(.sourcing, SourcingController.show)
        routes.post(.sourcingLink, SourcingController.link)
        routes.post(.sourcingAsk, SourcingController.ask)
        routes.post(.supplyStep, SourcingController.supplyStep)
        routes.get(.resellers, ResellersController.show)
        routes.post(.resellerOffer, ResellersController.offer)
        routes.post(.resellerWithdraw, ResellersController.withdraw)
        routes.post(.resellerDecide, ResellersController.decide)
    }
}
