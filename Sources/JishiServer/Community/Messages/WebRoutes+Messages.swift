import Vapor

extension WebRoutes {
    /// The outbox page.
    static func messages(_ routes: PageRoutes) {
        routes.get(.outbox, OutboxPage.show)
    }
}
