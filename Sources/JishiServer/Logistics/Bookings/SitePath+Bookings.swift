import Foundation

extension SitePath {
    /// The collections the signed-in sender booked, and the form to book one.
    static let bookings = SitePath("/bookings", page: true)
    /// One booking: its parcels and their labels.
    static let booking = SitePath("/bookings/:booking", page: true)
    /// Every label of a booking, one printed page each.
    static let bookingLabels = SitePath("/bookings/:booking/labels", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let bookingsPaths: [SitePath] = [.bookings, .booking, .bookingLabels]
}
