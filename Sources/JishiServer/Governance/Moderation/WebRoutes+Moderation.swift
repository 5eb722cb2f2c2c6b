import Vapor

extension WebRoutes {
    /// An official's (or admin's) pages: reported reviews, and shops with their quality.
    static func moderation(_ routes: PageRoutes) {
        routes.get(.reportedReviews, ModerationController.reviews)
        routes.post(.hideReview, ModerationController.hide)
        routes.post(.restoreReview, ModerationController.restore)
        routes.get(.moderatedShops, ModerationController.shops)
        routes.get(.moderatedShop, ModerationController.shop)
        routes.post(.suspendShop, ModerationController.suspend)
        routes.post(.reinstateShop, ModerationController.reinstate)
    }
}
