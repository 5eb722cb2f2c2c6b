import Vapor

extension WebRoutes {
    /// The account's notifications page.
    static func notifications(_ routes: PageRoutes) {
        routes.get(.notifications, NotificationsPage.show)
    }
}
