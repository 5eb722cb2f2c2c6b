import Vapor

extension WebRoutes {
    /// The search pages.
    static func search(_ routes: PageRoutes) {
        routes.get(.search, SearchController.show)
    }
}
