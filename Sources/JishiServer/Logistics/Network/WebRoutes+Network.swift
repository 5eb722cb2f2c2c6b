import Vapor

extension WebRoutes {
    /// The network pages.
    static func network(_ routes: PageRoutes) {
        routes.get(.network, NetworkPages.list)
        routes.post(.network, NetworkPages.add)
        routes.get(.networkNode, NetworkPages.edit)
        routes.post(.networkNode, NetworkPages.save)
    }
}
