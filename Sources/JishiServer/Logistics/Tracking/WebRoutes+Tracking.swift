import Vapor

extension WebRoutes {
    /// The public tracking page.
    static func tracking(_ routes: PageRoutes) {
        routes.get(.track, TrackingPage.show)
    }
}
