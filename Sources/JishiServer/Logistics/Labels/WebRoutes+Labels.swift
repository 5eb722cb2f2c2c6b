import Vapor

extension WebRoutes {
    /// The printable parcel label.
    static func labels(_ routes: PageRoutes) {
        routes.get(.parcelLabel, LabelPage.show)
    }
}
