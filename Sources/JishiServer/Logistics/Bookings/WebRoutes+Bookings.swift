import Vapor

extension WebRoutes {
    /// The booking pages.
    static func bookings(_ routes: PageRoutes) {
        routes.get(.bookings, BookingPages.list)
        routes.post(.bookings, BookingPages.book)
        routes.get(.booking, BookingPages.show)
        routes.get(.bookingLabels, BookingPages.labels)
    }
}
