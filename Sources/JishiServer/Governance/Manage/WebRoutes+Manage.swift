import Vapor

extension WebRoutes {
    /// The staff hub.
    static func manage(_ routes: PageRoutes) {
        routes.get(.manage, ManageController.hub)
    }
}
