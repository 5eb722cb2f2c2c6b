import Vapor

extension WebRoutes {
    /// The courier's pages.
    static func courier(_ routes: PageRoutes) {
        routes.get(.courier, CourierPages.show)
        routes.post(.courierLoad, CourierPages.load)
        routes.post(.courierUnload, CourierPages.unload)
        routes.post(.courierScan, CourierPages.scan)
        routes.post(.courierDoor, CourierPages.door)
        routes.post(.courierDone, CourierPages.done)
        routes.post(.courierFail, CourierPages.fail)
    }
}
