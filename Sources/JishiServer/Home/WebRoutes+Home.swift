import Vapor

extension WebRoutes {
    /// The home pages.
    static func home(_ routes: PageRoutes) {
        routes.get(.home, HomeController.show)
    }
}
