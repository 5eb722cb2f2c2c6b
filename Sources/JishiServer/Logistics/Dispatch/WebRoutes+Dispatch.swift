import Vapor

extension WebRoutes {
    /// The dispatcher's pages.
    static func dispatch(_ routes: PageRoutes) {
        routes.get(.dispatch, DispatchPages.show)
        routes.post(.dispatch, DispatchPages.plan)
        routes.post(.dispatchPublish, DispatchPages.publish)
        routes.post(.dispatchLock, DispatchPages.lock)
        routes.post(.dispatchMove, DispatchPages.move)
    }
}
